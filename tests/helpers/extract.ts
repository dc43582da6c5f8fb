/** Read generated documents the way a reader would: PDF text, DOCX XML/text, XLSX cells. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { LIBREOFFICE, need } from './prereqs.js';

/** Text of every page (pdf.js), pages joined by form feeds. */
export async function pdfText(buf: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(buf));
  const { text } = await extractText(pdf, { mergePages: false });
  return (text as string[]).join('\f');
}

export async function pdfPageCount(buf: Uint8Array): Promise<number> {
  const pdf = await getDocumentProxy(new Uint8Array(buf));
  return pdf.numPages;
}

/** `pdftotext -layout` (poppler) when available — closest to what a reader copies out. */
/** `mode` 'raw' keeps content-stream order (a table cell's lines stay together); 'layout' keeps columns. */
export function pdftotext(file: string, mode?: 'raw' | 'layout'): string {
  need('poppler');
  return execFileSync('pdftotext', [...(mode ? [`-${mode}`] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdffonts(file: string): string {
  need('poppler');
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

export function unzip(buf: Uint8Array): Record<string, string> {
  const files = unzipSync(new Uint8Array(buf));
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) out[name] = strFromU8(data);
  return out;
}

/** word/document.xml of a DOCX. */
export function docxXml(buf: Uint8Array): string {
  return bodyXml(unzip(buf));
}

/** A DOCX without a body is a failed test, not an empty document. */
function bodyXml(parts: Record<string, string>): string {
  const xml = parts['word/document.xml'];
  if (xml === undefined) throw new Error(`not a DOCX: no word/document.xml among ${Object.keys(parts).join(', ') || 'no parts'}`);
  return xml;
}

/** Visible text of a DOCX body and its footnotes: paragraphs on their own lines, runs concatenated. */
export function docxText(buf: Uint8Array): string {
  const parts = unzip(buf);
  const footnotes = parts['word/footnotes.xml'];
  const notes = footnotes ? xmlText(footnotes) : '';
  return xmlText(bodyXml(parts)) + (notes ? '\n' + notes : '');
}

function xmlText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
        .map((m) => (m[1] === undefined ? '\t' : m[1]))
        .join(''),
    )
    .map(decodeXml)
    .filter((l) => l.length > 0)
    .join('\n');
}

export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Convert a DOCX to PDF with LibreOffice headless (a real Word-compatible reader); returns the PDF path. */
export function docxToPdfWithLibreOffice(docx: Uint8Array | string): string {
  need(...LIBREOFFICE);
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-lo-'));
  let input = typeof docx === 'string' ? docx : join(dir, 'in.docx');
  if (typeof docx !== 'string') writeFileSync(input, docx);
  const profile = `file://${join(dir, 'profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const base = input.split('/').pop()!.replace(/\.docx$/, '.pdf');
  input = join(dir, base);
  readFileSync(input); // throws if conversion failed
  return input;
}
