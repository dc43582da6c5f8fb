/**
 * The package around the body. docx writes it — styles, numbering definitions, settings,
 * theme, font table, section properties, header/footer parts, relationships, content types,
 * core properties — but compiling a docx Document costs ~10 ms however small it is, and all of
 * that depends on a handful of inputs only. So docx compiles a *skeleton* per shape (locale,
 * brand colour, orientation, which sections/headers exist, which list definitions are used)
 * once per process, with slots where the body, header and footer content and the core
 * properties go; every render fills the slots. The skeleton's invariant parts are kept
 * deflated, so a render only compresses what it wrote.
 *
 * Determinism: the skeleton pins docx's clock and ids (see normalize.ts); the zip is written
 * here with sorted names, a fixed 1980-01-01 timestamp and fflate's pure-JS deflate, so the
 * same tree gives the same bytes in any process on any machine.
 */
import { crc32 } from 'node:zlib';
import { Document, Footer, Header, Paragraph, SectionType, type ISectionOptions } from 'docx';
import { deflateSync, strToU8 } from 'fflate';
import type { DocMeta } from '../../tree/nodes.js';
import { addFontFallbacks } from './font-table.js';
import { packParts, pinIds, w3cdtf } from './normalize.js';
import { numberingConfig } from './numbering.js';
import { pageProperties } from './page.js';
import { addTableStyle, documentStyles } from './styles.js';
import type { Theme } from './theme.js';
import { esc } from './xml.js';
import { slot, splitSlots } from '../internals/docx.js';
import { internalsUsable } from '../internals/check.js';
import { shippedJson } from '../../shipped/index.js';
import { at as nth, must } from '../must.js';

// Where per-document content goes: `<dd:slot n="…"/>` (../internals/docx.ts, the reach into docx).

export interface Shape {
  locale: DocMeta['locale'];
  orientation: DocMeta['orientation'];
  theme: Theme;
  cover: boolean;
  coverHeader: boolean;
  body: boolean;
  /** Numbering references used, sorted. */
  references: string[];
}

interface Entry {
  name: string;
  crc: number;
  size: number;
  method: 0 | 8;
  data: Uint8Array;
}

interface Skeleton {
  /** Deflated parts no render changes. */
  fixed: Map<string, Entry>;
  /** word/document.xml around the slots: text, slot, text, slot, …, text. */
  document: string[];
  /** Header/footer parts by slot name: [part name, before, after]. */
  furniture: Map<string, [string, string, string]>;
  footnotes: string;
  numbering: string;
  /** A `w:num` per reference, its numId as `{numId}`. */
  lists: Map<string, string>;
  core: string;
  rels: Record<'document' | 'footnotes', [name: string, xml: string]>;
}

const PH = { title: 'DDSLOTTITLE', subject: 'DDSLOTSUBJECT', keywords: 'DDSLOTKEYWORDS', author: 'DDSLOTAUTHOR', date: 'DDSLOTDATE' } as const;

/** Skeletons by shape; a handful exist in practice, the cap keeps a long-lived process bounded. */
const skeletons = new Map<string, { shape: Shape; skeleton: Skeleton }>();
const MAX_SKELETONS = 16;

/** Tests: compile skeletons again (e.g. after switching the docx adapter to its public path). */
export const resetSkeletons = (): void => {
  skeletons.clear();
  shipped = undefined;
};

// ── skeletons shipped with the build ─────────────────────────────────────
// Compiling one costs ~25–30 ms in a fresh process (docx's document model, then fflate at level 9
// on the fixed parts), and a one-deal build needs two. `npm run build`'s warm-up build saves the
// ones it compiled (shippableSkeletons → dist/bundle/docx-skeletons.json, tied to the build id);
// a process starts from them when the shape matches exactly and docx's internals are in use.

interface ShippedSkeleton {
  key: string;
  shape: Shape;
  skeleton: {
    fixed: { name: string; crc: number; size: number; method: 0 | 8; data: string }[];
    document: string[];
    furniture: [string, [string, string, string]][];
    footnotes: string;
    numbering: string;
    lists: [string, string][];
    core: string;
    rels: Skeleton['rels'];
  };
}

let shipped: Map<string, ShippedSkeleton['skeleton']> | undefined;

/**
 * Skeletons as plain data: those this process holds (scripts/bundle.mjs ships them after its
 * warm-up), or those of the given shapes compiled afresh (the test compares the two).
 */
export async function shippableSkeletons(shapes?: readonly Shape[]): Promise<ShippedSkeleton[]> {
  const entries = shapes ? await Promise.all(shapes.map(async (shape) => ({ shape, skeleton: await buildSkeleton(shape) }))) : [...skeletons.values()];
  return entries.map(({ shape, skeleton: sk }) => ({
    key: keyOf(shape),
    shape,
    skeleton: {
      fixed: [...sk.fixed.values()].map((e) => ({ ...e, data: Buffer.from(e.data).toString('base64') })),
      document: sk.document,
      furniture: [...sk.furniture],
      footnotes: sk.footnotes,
      numbering: sk.numbering,
      lists: [...sk.lists],
      core: sk.core,
      rels: sk.rels,
    },
  }));
}

function shippedSkeleton(key: string): Skeleton | undefined {
  if (!internalsUsable('docx')) return undefined;
  if (shipped === undefined) {
    shipped = new Map();
    const data = shippedJson('docx-skeletons.json');
    if (Array.isArray(data)) for (const s of data as ShippedSkeleton[]) if (s && typeof s.key === 'string' && s.skeleton) shipped.set(s.key, s.skeleton);
  }
  const s = shipped.get(key);
  if (!s) return undefined;
  return {
    fixed: new Map(s.fixed.map((e) => [e.name, { ...e, data: new Uint8Array(Buffer.from(e.data, 'base64')) }])),
    document: s.document,
    furniture: new Map(s.furniture),
    footnotes: s.footnotes,
    numbering: s.numbering,
    lists: new Map(s.lists),
    core: s.core,
    rels: s.rels,
  };
}

/** Deflate level of the parts a render writes (fflate; 6 = zlib's default). */
const LEVEL = 6;

const keyOf = (shape: Shape): string => JSON.stringify([shape.locale === 'zh-CN', shape.theme.brand, shape.orientation, shape.cover, shape.coverHeader, shape.body, shape.references]);

async function skeletonOf(shape: Shape): Promise<Skeleton> {
  const key = keyOf(shape);
  const hit = skeletons.get(key);
  if (hit) {
    skeletons.delete(key);
    skeletons.set(key, hit);
    return hit.skeleton;
  }
  const made = shippedSkeleton(key) ?? (await buildSkeleton(shape));
  skeletons.set(key, { shape, skeleton: made });
  if (skeletons.size > MAX_SKELETONS) skeletons.delete(skeletons.keys().next().value!);
  return made;
}

async function buildSkeleton(shape: Shape): Promise<Skeleton> {
  const page = pageProperties({ orientation: shape.orientation } as DocMeta);
  // One numbered paragraph per reference after the last slot: docx writes a w:num for each.
  const probes = shape.references.map((reference) => new Paragraph({ numbering: { reference, level: 0, instance: 0 } }));
  const sections: ISectionOptions[] = [];
  if (shape.cover) {
    sections.push({
      properties: page,
      headers: shape.coverHeader ? { default: new Header({ children: [slot('coverHeader')] }) } : undefined,
      children: shape.body ? [slot('cover')] : [slot('cover'), ...probes],
    });
  }
  if (shape.body) {
    sections.push({
      properties: { ...page, page: { ...page.page, pageNumbers: { start: 1 } }, type: SectionType.NEXT_PAGE },
      headers: { default: new Header({ children: [slot('header')] }) },
      footers: { default: new Footer({ children: [slot('footer')] }) },
      children: [slot('body'), ...probes],
    });
  }
  const doc = new Document({
    creator: 'dealdoc',
    lastModifiedBy: PH.author,
    title: PH.title,
    subject: PH.subject,
    keywords: PH.keywords,
    revision: 1,
    styles: documentStyles({ locale: shape.locale } as DocMeta, shape.theme),
    numbering: numberingConfig(shape.references),
    footnotes: {},
    sections,
  });
  const { xml } = await packParts(doc);
  pinIds(xml);
  addTableStyle(shape.theme)(xml);
  addFontFallbacks(xml);

  const take = (name: string): string => {
    const text = xml.get(name);
    if (text === undefined) throw new Error(`docx wrote no ${name}`);
    xml.delete(name);
    return text;
  };

  // Body: drop the probes between the last slot and the final section properties.
  const document = splitSlots(take('word/document.xml'));
  const tail = nth(document, document.length - 1);
  document[document.length - 1] = tail.slice(tail.lastIndexOf('<w:sectPr>'));

  const furniture = new Map<string, [string, string, string]>();
  for (const name of [...xml.keys()]) {
    if (!/^word\/(header|footer)\d+\.xml$/.test(name)) continue;
    const [before = '', slotName = '', after = ''] = splitSlots(take(name));
    furniture.set(slotName, [name, before, after]);
  }

  // Numbering: the w:num docx wrote for each probe becomes a template.
  let numbering = take('word/numbering.xml');
  const lists = new Map<string, string>();
  const nums = [...numbering.matchAll(/<w:num w:numId="(\d+)">.*?<\/w:num>/g)];
  for (const m of nums) {
    const numId = Number(m[1]);
    if (numId < 2) continue;
    lists.set(must(shape.references[numId - 2], `numbering reference of w:num ${numId}`), m[0].replace(`w:numId="${numId}"`, 'w:numId="{numId}"'));
    numbering = numbering.replace(m[0], '');
  }

  const core = take('docProps/core.xml').replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${PH.date}$3`);
  const rels = {
    document: ['word/_rels/document.xml.rels', take('word/_rels/document.xml.rels')],
    footnotes: ['word/_rels/footnotes.xml.rels', take('word/_rels/footnotes.xml.rels')],
  } satisfies Skeleton['rels'];
  const footnotes = take('word/footnotes.xml');

  const fixed = new Map<string, Entry>();
  for (const [name, text] of xml) fixed.set(name, entry(name, strToU8(text), 9));
  for (const [name, text] of Object.values(rels)) fixed.set(name, entry(name, strToU8(text), 9));
  return { fixed, document, furniture, footnotes, numbering, lists, core, rels };
}

function entry(name: string, raw: Uint8Array, level: number): Entry {
  if (level === 0) return { name, crc: crc32(raw), size: raw.length, method: 0, data: raw };
  return { name, crc: crc32(raw), size: raw.length, method: 8, data: deflateSync(raw, { level: level as 6 }) };
}

/**
 * The small parts a render writes (numbering, footnotes, header, footer, relationships, core
 * properties) often come out the same for many documents: their deflated entries are kept by
 * name and text (bounded, oldest dropped first), so each distinct text is compressed once.
 */
const smallEntries = new Map<string, Entry>();
const MAX_SMALL_ENTRIES = 256;

function smallEntry(name: string, text: string): Entry {
  const key = `${name}\0${text}`;
  const hit = smallEntries.get(key);
  if (hit) return hit;
  const made = entry(name, strToU8(text), LEVEL);
  if (smallEntries.size >= MAX_SMALL_ENTRIES) smallEntries.delete(smallEntries.keys().next().value!);
  smallEntries.set(key, made);
  return made;
}

export interface Content {
  meta: DocMeta;
  cover?: string[];
  coverHeader?: string[];
  body?: string[];
  header?: string[];
  footer?: string[];
  /** Footnotes in id order, their paragraphs as XML. */
  footnotes: { id: number; children: string[] }[];
  /** `w:num` entries to write: numId and reference, in numId order. */
  lists: { numId: number; reference: string }[];
  relationships: Record<'document' | 'footnotes', string[]>;
  media: { name: string; data: Uint8Array }[];
}

const FOOTNOTE_REF = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>';

/** docx's Footnote: the first paragraph starts with the footnote mark. */
function footnoteXml(id: number, children: string[]): string {
  // The writer gives every footnote at least one paragraph (an empty one when it has none).
  const [first = '<w:p/>', ...rest] = children;
  let marked: string;
  if (first === '<w:p/>') marked = `<w:p>${FOOTNOTE_REF}</w:p>`;
  else if (first.startsWith('<w:p><w:pPr>')) {
    const end = first.indexOf('</w:pPr>') + 8;
    marked = first.slice(0, end) + FOOTNOTE_REF + first.slice(end);
  } else marked = `<w:p>${FOOTNOTE_REF}${first.slice(5)}`;
  return `<w:footnote w:id="${id}">${marked}${rest.join('')}</w:footnote>`;
}

/** The DOCX bytes for one document. */
export async function assemble(shape: Shape, content: Content): Promise<Buffer> {
  const sk = await skeletonOf(shape);
  const { meta } = content;
  const entries: Entry[] = [...sk.fixed.values()];
  const put = (name: string, text: string) => entries.push(name === 'word/document.xml' ? entry(name, strToU8(text), LEVEL) : smallEntry(name, text));

  const fill: Record<string, string[] | undefined> = { cover: content.cover, body: content.body, coverHeader: content.coverHeader, header: content.header, footer: content.footer };
  const doc = sk.document.map((text, i) => (i % 2 === 0 ? text : (fill[text] ?? []).join(''))).join('');
  put('word/document.xml', doc);
  for (const [slotName, [name, before, after]] of sk.furniture) put(name, before + (fill[slotName] ?? []).join('') + after);

  const notes = content.footnotes.map((n) => footnoteXml(n.id, n.children)).join('');
  put('word/footnotes.xml', notes ? sk.footnotes.replace('</w:footnotes>', `${notes}</w:footnotes>`) : sk.footnotes);

  const lists = content.lists.map((l) => sk.lists.get(l.reference)!.replace('{numId}', String(l.numId))).join('');
  put('word/numbering.xml', sk.numbering.replace('</w:numbering>', `${lists}</w:numbering>`));

  const coreValue = (placeholder: string, tag: string, value: string) => (xml: string) =>
    value ? xml.replace(placeholder, esc(value)) : xml.replace(new RegExp(`<${tag}>${placeholder}</${tag}>`), '');
  let core = sk.core;
  core = coreValue(PH.title, 'dc:title', meta.title ?? '')(core);
  core = coreValue(PH.subject, 'dc:subject', meta.subject ?? '')(core);
  core = coreValue(PH.keywords, 'cp:keywords', (meta.keywords ?? []).join(', '))(core);
  core = coreValue(PH.author, 'cp:lastModifiedBy', meta.author ?? 'dealdoc')(core);
  put('docProps/core.xml', core.split(PH.date).join(w3cdtf(meta.created)));

  for (const part of ['document', 'footnotes'] as const) {
    const extra = content.relationships[part];
    if (extra.length === 0) continue;
    const [name, xml] = sk.rels[part];
    entries.splice(entries.findIndex((e) => e.name === name), 1);
    put(name, xml.replace('</Relationships>', `${extra.join('')}</Relationships>`));
  }
  // Media is already compressed: store it.
  for (const m of content.media) entries.push(entry(m.name, m.data, 0));

  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return zip(entries);
}

/** DOS date of 1980-01-01, time 00:00:00. */
const DOS_DATE = (1 << 5) | 1;

/** A plain zip: local headers, data, central directory; no extra fields, no data descriptors. */
function zip(entries: Entry[]): Buffer {
  const names = entries.map((e) => Buffer.from(e.name, 'utf8'));
  let size = 22;
  entries.forEach((e, i) => (size += 30 + 46 + 2 * nth(names, i).length + e.data.length));
  const out = Buffer.alloc(size);
  const offsets: number[] = [];
  let at = 0;
  const header = (e: Entry, name: Buffer, central: boolean, offset: number) => {
    out.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, at);
    at += 4;
    if (central) {
      out.writeUInt16LE(20, at);
      at += 2;
    }
    out.writeUInt16LE(20, at); // version needed
    out.writeUInt16LE(name.some((b) => b > 127) ? 0x800 : 0, at + 2); // UTF-8 names
    out.writeUInt16LE(e.method, at + 4);
    out.writeUInt16LE(0, at + 6); // time
    out.writeUInt16LE(DOS_DATE, at + 8);
    out.writeUInt32LE(e.crc, at + 10);
    out.writeUInt32LE(e.data.length, at + 14);
    out.writeUInt32LE(e.size, at + 18);
    out.writeUInt16LE(name.length, at + 22);
    out.writeUInt16LE(0, at + 24); // extra
    at += 26;
    if (central) {
      out.fill(0, at, at + 10); // comment length, disk, attributes
      out.writeUInt32LE(offset, at + 10);
      at += 14;
    }
    name.copy(out, at);
    at += name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    header(e, nth(names, i), false, 0);
    out.set(e.data, at);
    at += e.data.length;
  });
  const directory = at;
  entries.forEach((e, i) => header(e, nth(names, i), true, nth(offsets, i)));
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(0, at + 4);
  out.writeUInt16LE(0, at + 6);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(at - directory, at + 12);
  out.writeUInt32LE(directory, at + 16);
  out.writeUInt16LE(0, at + 20);
  return out;
}
