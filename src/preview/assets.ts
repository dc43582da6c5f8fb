/**
 * The static files the preview pages load, by fixed name only (no path from a URL ever reaches
 * the file system here): pdf.js (legacy build: the same version for the page and its worker),
 * docx-preview with the JSZip it needs in the browser, and our own script and style.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DOC_JS, INDEX_JS, PREVIEW_CSS } from './client.js';

export interface Asset {
  type: string;
  body: Buffer;
}

const JS = 'text/javascript; charset=utf-8';

function packageDir(require: NodeJS.Require, name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

let cache: Map<string, Asset> | undefined;

function load(): Map<string, Asset> {
  const require = createRequire(import.meta.url);
  const pdfjs = packageDir(require, 'pdfjs-dist');
  // docx-preview's UMD build reads the global JSZip; take the JSZip docx-preview itself resolves.
  // (docx-preview's package exports only its entry points, so locate dist/ through the CommonJS one.)
  const docxPreviewDist = dirname(require.resolve('docx-preview'));
  const jszip = dirname(createRequire(require.resolve('docx-preview')).resolve('jszip/package.json'));
  const files: [string, string, string][] = [
    ['pdfjs/pdf.min.mjs', join(pdfjs, 'legacy/build/pdf.min.mjs'), JS],
    ['pdfjs/pdf.worker.min.mjs', join(pdfjs, 'legacy/build/pdf.worker.min.mjs'), JS],
    ['docx-preview.min.js', join(docxPreviewDist, 'docx-preview.min.js'), JS],
    ['jszip.min.js', join(jszip, 'dist/jszip.min.js'), JS],
  ];
  const map = new Map<string, Asset>();
  for (const [name, file, type] of files) map.set(name, { type, body: readFileSync(file) });
  map.set('preview.js', { type: JS, body: Buffer.from(DOC_JS) });
  map.set('index.js', { type: JS, body: Buffer.from(INDEX_JS) });
  map.set('preview.css', { type: 'text/css; charset=utf-8', body: Buffer.from(PREVIEW_CSS) });
  return map;
}

/** The asset called `name` (exact match against the fixed list), or undefined. */
export function asset(name: string): Asset | undefined {
  cache ??= load();
  return cache.get(name);
}
