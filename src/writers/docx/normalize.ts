/**
 * Determinism post-pass. docx 9.15.2 writes the clock into core.xml, random `rId…`
 * relationship ids (nanoid) for hyperlinks, ids from module-level counters (bookmarks,
 * drawings) and zip entries stamped with the current time. This pass pins all of them so
 * the same tree gives the same bytes in one process and across processes.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export interface NormalizeOptions {
  /** Written as dcterms:created and dcterms:modified. */
  created: Date;
  /** Further edits of the unzipped parts (e.g. the font table) before rezipping. */
  transform?: (parts: Map<string, string>) => void;
}

const FIXED_MTIME = new Date(1980, 0, 1);
const isXml = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

export function w3cdtf(date: Date): string {
  const time = date instanceof Date ? date.getTime() : NaN;
  return Number.isFinite(time) ? new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z') : '1980-01-01T00:00:00Z';
}

export function normalizeDocx(docx: Uint8Array, options: NormalizeOptions): Buffer {
  const files = unzipSync(docx);
  const names = Object.keys(files).sort();
  const parts = new Map<string, string>();
  for (const name of names) if (isXml(name)) parts.set(name, strFromU8(files[name]));

  const core = parts.get('docProps/core.xml');
  if (core !== undefined) {
    const stamp = w3cdtf(options.created);
    parts.set(
      'docProps/core.xml',
      core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_m, open: string, _tag: string, close: string) => open + stamp + close),
    );
  }

  renumberRelationships(parts);
  renumber(parts, /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(-?\d+)(")/g);
  renumber(parts, /(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g);
  options.transform?.(parts);

  const out: Zippable = {};
  for (const name of names) {
    const text = parts.get(name);
    // Media is already compressed: store it.
    out[name] = text === undefined ? [files[name], { level: 0 }] : strToU8(text);
  }
  return Buffer.from(zipSync(out, { level: 6, mtime: FIXED_MTIME }));
}

/** Random relationship ids (anything but rId<digits>) → rIdN<k>, numbered in order of first appearance. */
function renumberRelationships(parts: Map<string, string>): void {
  const map = new Map<string, string>();
  for (const [name, xml] of parts) {
    if (!name.endsWith('.rels')) continue;
    for (const m of xml.matchAll(/\bId="(rId[^"]*)"/g)) {
      if (!/^rId\d+$/.test(m[1]) && !map.has(m[1])) map.set(m[1], `rIdN${map.size + 1}`);
    }
  }
  if (map.size === 0) return;
  const pattern = new RegExp(`"(${[...map.keys()].map(escapeRegExp).join('|')})"`, 'g');
  for (const [name, xml] of parts) {
    if (xml.includes('rId')) parts.set(name, xml.replace(pattern, (_m, id: string) => `"${map.get(id)}"`));
  }
}

/** Renumber counter ids matched by `pattern` (prefix, id, suffix) across all parts, in order of first appearance. */
function renumber(parts: Map<string, string>, pattern: RegExp): void {
  const map = new Map<string, number>();
  for (const [name, xml] of parts) {
    pattern.lastIndex = 0;
    if (!pattern.test(xml)) continue;
    parts.set(
      name,
      xml.replace(pattern, (_m, pre: string, id: string, post: string) => {
        if (!map.has(id)) map.set(id, map.size + 1);
        return `${pre}${map.get(id)}${post}`;
      }),
    );
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
