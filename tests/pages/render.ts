/**
 * Page images of the example documents, the way typesetting projects guard their output (Typst
 * keeps a reference PNG per test page): build every example document deterministically into a
 * temporary folder, turn each DOCX into PDF with LibreOffice (one soffice call for all), render
 * every page with pdftoppm (greyscale, low resolution), compare with `tests/pages/refs/`.
 *
 * `npm run test:approve` rewrites the references (tests/pages/approve.ts).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { EXAMPLES_EPOCH, ROOT, runCli } from '../helpers/cli.js';

export const REFS = join(ROOT, 'tests/pages/refs');
/** Low resolution and greyscale keep the references small; layout changes still move many pixels. */
export const DPI = 40;
/** Fixed document date for deals without one (2025-12-01T00:00:00Z). */
export const EPOCH = EXAMPLES_EPOCH;

export interface ExampleDoc {
  /** e.g. `huaxin-aoi-2026-proposal-pdf`; DOCX names end in `-docx` (rendered through LibreOffice). */
  name: string;
  /** The PDF whose pages are compared (for DOCX: LibreOffice's conversion). */
  pdf: string;
  /** The file dealdoc wrote. */
  source: string;
  format: 'pdf' | 'docx';
}

/** Every example deal's documents, plus the latest month's provisioning report. */
export function buildExamples(work = mkdtempSync(join(tmpdir(), 'dealdoc-pages-'))): ExampleDoc[] {
  const out = join(work, 'out');
  const r = runCli(['build', '--out', out, '-q', '--jobs', '1'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
  if (r.code !== 0) throw new Error(`example build failed (${r.code}):\n${r.stderr}`);
  return exampleDocs(out, work);
}

/** The documents of an examples build in `out` (read only; LibreOffice's PDFs go to `work/lo`). */
export function exampleDocs(out: string, work: string): ExampleDoc[] {
  const docs: ExampleDoc[] = [];
  const months = existsSync(join(out, 'receivables')) ? readdirSync(join(out, 'receivables')).sort() : [];
  const folders = readdirSync(out)
    .filter((d) => d !== 'receivables' && !d.startsWith('.'))
    .sort()
    .map((d) => ({ dir: join(out, d), prefix: d }));
  if (months.length) folders.push({ dir: join(out, 'receivables', months.at(-1)!), prefix: `receivables-${months.at(-1)}` });
  for (const { dir, prefix } of folders) {
    for (const file of readdirSync(dir).sort()) {
      const m = /^(.*)\.(pdf|docx)$/.exec(file);
      if (!m) continue;
      const format = m[2] as 'pdf' | 'docx';
      docs.push({ name: `${prefix}-${m[1]}-${format}`, pdf: join(dir, file), source: join(dir, file), format });
    }
  }
  convertDocx(docs.filter((d) => d.format === 'docx'), join(work, 'lo'));
  return docs;
}

/** DOCX → PDF with LibreOffice, all in one soffice run (with a private profile); sets `doc.pdf`. */
export function convertDocx(docs: { name: string; pdf: string; source: string }[], dir: string): void {
  if (!docs.length) return;
  mkdirSync(dir, { recursive: true });
  const inputs = docs.map((d) => {
    const input = join(dir, `${d.name}.docx`);
    copyFileSync(d.source, input);
    return input;
  });
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs], {
    stdio: 'ignore',
    timeout: 300_000,
  });
  for (const d of docs) {
    d.pdf = join(dir, `${d.name}.pdf`);
    if (!existsSync(d.pdf)) throw new Error(`LibreOffice did not convert ${d.source}`);
  }
}

/** Every page as a greyscale PNG: `<name>-p01.png`, … in `dir`. */
export function renderPages(doc: ExampleDoc, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const prefix = join(dir, `${doc.name}.tmp`);
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', doc.pdf, prefix]);
  const made = readdirSync(dir)
    .filter((f) => f.startsWith(`${doc.name}.tmp-`))
    .sort((a, b) => pageNo(a) - pageNo(b));
  return made.map((f) => {
    const target = join(dir, `${doc.name}-p${String(pageNo(f)).padStart(2, '0')}.png`);
    writeFileSync(target, quantize(readFileSync(join(dir, f))));
    rmSync(join(dir, f));
    return target;
  });
}

/** Four grey levels, written as 8-bit greyscale: ~8 KB a page, and blocks, rules and text still show. */
export const LEVELS = 4;
function quantize(png: Buffer): Buffer {
  const img = PNG.sync.read(png);
  const step = 255 / (LEVELS - 1);
  for (let i = 0; i < img.data.length; i += 4) {
    const v = Math.round(Math.round(img.data[i] / step) * step);
    img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
    img.data[i + 3] = 255;
  }
  return PNG.sync.write(img, { colorType: 0, deflateLevel: 9 });
}

const pageNo = (f: string): number => Number(/-(\d+)\.png$/.exec(f)![1]);

export interface PageDiff {
  page: string;
  message: string;
}

/** pixelmatch's per-pixel colour threshold and the share of pixels that may differ (anti-aliasing). */
const THRESHOLD = 0.1;
const MAX_DIFF_RATIO = 0.0002;

/**
 * Compare rendered pages with the references. A differing page gets `<page>.actual.png` and
 * `<page>.diff.png` next to its reference; missing or extra pages are differences too.
 */
export function comparePages(rendered: string[], docNames: string[]): PageDiff[] {
  const diffs: PageDiff[] = [];
  for (const f of readdirSync(REFS)) if (/\.(actual|diff)\.png$/.test(f)) rmSync(join(REFS, f));
  const seen = new Set<string>();
  for (const file of rendered) {
    const page = file.split('/').pop()!.replace(/\.png$/, '');
    seen.add(page);
    const ref = join(REFS, `${page}.png`);
    const actual = join(REFS, `${page}.actual.png`);
    if (!existsSync(ref)) {
      copyFileSync(file, actual);
      diffs.push({ page, message: `new page without a reference: ${actual}` });
      continue;
    }
    const a = PNG.sync.read(readFileSync(ref));
    const b = PNG.sync.read(readFileSync(file));
    if (a.width !== b.width || a.height !== b.height) {
      copyFileSync(file, actual);
      diffs.push({ page, message: `size ${b.width}×${b.height} differs from the reference's ${a.width}×${a.height}: ${actual}` });
      continue;
    }
    const diff = new PNG({ width: a.width, height: a.height });
    const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: THRESHOLD });
    if (n > MAX_DIFF_RATIO * a.width * a.height) {
      copyFileSync(file, actual);
      writeFileSync(join(REFS, `${page}.diff.png`), PNG.sync.write(diff));
      diffs.push({ page, message: `${n} pixels differ: ${actual} ${join(REFS, `${page}.diff.png`)}` });
    }
  }
  const names = new Set(docNames);
  for (const f of readdirSync(REFS)) {
    const m = /^(.*)-p\d+\.png$/.exec(f);
    if (!m || /\.(actual|diff)\.png$/.test(f)) continue;
    const page = f.replace(/\.png$/, '');
    if (!seen.has(page) && names.has(m[1])) diffs.push({ page, message: `page no longer printed: reference ${join(REFS, f)}` });
    else if (!names.has(m[1])) diffs.push({ page, message: `reference of a document that is no longer built: ${join(REFS, f)}` });
  }
  return diffs;
}
