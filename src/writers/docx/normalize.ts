/**
 * docx 9.15.2 writes the clock into core.xml, random `rId…` relationship ids (nanoid) for
 * hyperlinks and ids from module-level counters (bookmarks, drawings). The writer only lets
 * docx compile skeletons (see package.ts); this pins what would vary in them.
 */
import { Packer, type Document } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { packerCompiler } from '../internals/docx.js';

/** Package parts by path: XML as text, media as bytes. */
export interface Parts {
  xml: Map<string, string>;
  binary: Map<string, Uint8Array>;
}

const isXml = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

type Compiler = { compile: (file: Document, prettify?: string, overrides?: readonly unknown[]) => Map<string, unknown> };

/**
 * The package's parts, unzipped. docx's Packer zips and we would unzip straight away, so use
 * its compiler (the step before zipping) when this docx build has it; otherwise the public API.
 */
export async function packParts(doc: Document): Promise<Parts> {
  const compiler = packerCompiler<Partial<Compiler>>();
  const parts: Parts = { xml: new Map(), binary: new Map() };
  if (typeof compiler?.compile === 'function') {
    for (const [name, data] of compiler.compile(doc, undefined, [])) {
      if (typeof data === 'string') parts.xml.set(name, data);
      else if (data instanceof Uint8Array) parts.binary.set(name, data);
      else if (data instanceof ArrayBuffer) parts.binary.set(name, new Uint8Array(data));
      else return fromZip(await Packer.toBuffer(doc));
    }
    return parts;
  }
  return fromZip(await Packer.toBuffer(doc));
}

function fromZip(docx: Uint8Array): Parts {
  const parts: Parts = { xml: new Map(), binary: new Map() };
  for (const [name, data] of Object.entries(unzipSync(docx))) {
    if (isXml(name)) parts.xml.set(name, strFromU8(data));
    else parts.binary.set(name, data);
  }
  return parts;
}

export function w3cdtf(date: Date): string {
  const time = date instanceof Date ? date.getTime() : NaN;
  return Number.isFinite(time) ? new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z') : '1980-01-01T00:00:00Z';
}

/** Random relationship ids → rIdN<k>; counter ids (bookmarks, drawings) → 1, 2, … in order of first appearance. */
export function pinIds(xml: Map<string, string>): void {
  renumberRelationships(xml);
  renumber(xml, /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(-?\d+)(")/g);
  renumber(xml, /(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g);
}

/** Random relationship ids (anything but rId<digits>) → rIdN<k>, numbered in order of first appearance. */
function renumberRelationships(xml: Map<string, string>): void {
  const map = new Map<string, string>();
  for (const [name, text] of xml) {
    if (!name.endsWith('.rels')) continue;
    for (const [, id = ''] of text.matchAll(/\bId="(rId[^"]*)"/g)) {
      if (!/^rId\d+$/.test(id) && !map.has(id)) map.set(id, `rIdN${map.size + 1}`);
    }
  }
  if (map.size === 0) return;
  const pattern = new RegExp(`"(${[...map.keys()].map(escapeRegExp).join('|')})"`, 'g');
  for (const [name, text] of xml) {
    if (text.includes('rId')) xml.set(name, text.replace(pattern, (_m, id: string) => `"${map.get(id)}"`));
  }
}

/** Renumber counter ids matched by `pattern` (prefix, id, suffix) across all parts, in order of first appearance. */
function renumber(xml: Map<string, string>, pattern: RegExp): void {
  const map = new Map<string, number>();
  for (const [name, text] of xml) {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    xml.set(
      name,
      text.replace(pattern, (_m, pre: string, id: string, post: string) => {
        if (!map.has(id)) map.set(id, map.size + 1);
        return `${pre}${map.get(id)}${post}`;
      }),
    );
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
