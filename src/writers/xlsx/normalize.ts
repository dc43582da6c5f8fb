/**
 * Deterministic .xlsx: exceljs (via JSZip) stamps every zip entry with the current time and
 * compresses with Node's zlib, whose output varies by Node version and CPU. We re-pack the
 * parts with fflate (pure JS deflate), in a fixed order, with a fixed mtime, and pin the
 * document dates, so the same workbook tree always gives byte-identical files.
 */
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';

/** DOS time has no zone; fflate reads local fields, so build the date from local fields too. */
const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const CONTENT_TYPES = '[Content_Types].xml';
const CORE = 'docProps/core.xml';

/** The package's parts (name → bytes) as a deterministic zip; `parts` is updated in place. */
export function normalizeParts(parts: Record<string, Uint8Array>, created: Date): Buffer {
  if (!parts[CONTENT_TYPES]) throw new Error('not an OOXML package: [Content_Types].xml missing');
  if (parts[CORE]) parts[CORE] = strToU8(pinCoreDates(strFromU8(parts[CORE]), created));

  // [Content_Types].xml first (some readers expect it), then every part by name; JSZip's
  // folder entries are not parts of the package and are dropped.
  const names = Object.keys(parts)
    .filter((n) => n !== CONTENT_TYPES && !n.endsWith('/'))
    .sort();
  const zippable: Zippable = {};
  for (const name of [CONTENT_TYPES, ...names]) {
    const data = parts[name];
    if (data) zippable[name] = [data, { mtime: ZIP_MTIME, level: 6 }];
  }
  const zip = zipSync(zippable, { mtime: ZIP_MTIME, level: 6 });
  // A view of the zip's bytes, not a copy (the workbook's detail makes it a few hundred kilobytes).
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}

/** W3CDTF in whole seconds, as Excel writes it. */
function w3cdtf(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function pinCoreDates(xml: string, created: Date): string {
  const stamp = w3cdtf(created);
  return xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
  );
}
