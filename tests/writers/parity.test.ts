/**
 * Parity of the two writers: one tree holding every node type the handler tables know
 * (src/tree/handlers.ts) goes through the PDF and the DOCX writer, and what a reader gets out —
 * PDF text (poppler) and the DOCX body + footnotes — must show each node's marker, in the same
 * order, in both. Nodes meant to print nothing (front matter, definitions, HTML comments) must
 * print nothing in both. The list of node types is the handler tables' own keys, so a new node
 * type without a fixture here fails (at compile time through `Fixtures`, at run time below).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeType } from '../../src/tree/handlers.js';
import { handlers as docxHandlers } from '../../src/writers/docx/handlers/index.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { handlers as pdfHandlers } from '../../src/writers/pdf/handlers/index.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { decodeXml, pdftotext, unzip } from '../helpers/extract.js';
import { testMeta } from '../helpers/meta.js';

interface Fixture {
  /** Top-level blocks that hold the node type (the tree is built from them in this order). */
  blocks: RootContent[];
  /** Text a reader must find, in this order. */
  prints: string[];
  /** Text that must not come out at all. */
  hidden?: string[];
}

const t = (value: string) => ({ type: 'text' as const, value });
const p = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const cellTable = (text: string): RootContent => ({
  type: 'table',
  align: [null, null],
  children: [
    { type: 'tableRow', children: [{ type: 'tableCell', children: [t('Head')] }, { type: 'tableCell', children: [t('Other')] }] },
    { type: 'tableRow', children: [{ type: 'tableCell', children: [t(text)] }, { type: 'tableCell', children: [t('x')] }] },
  ],
});

/** One fixture per node type (markers short enough for the narrow boxes of the diagrams); the cover comes first (it is the cover page only as the first block). */
const FIXTURES: { [K in NodeType]: Fixture } = {
  cover: { blocks: [{ type: 'cover', title: 'MKCOVER', company: 'Acme', lines: [] }], prints: ['MKCOVER'] },
  root: { blocks: [], prints: [] },
  yaml: { blocks: [{ type: 'yaml', value: 'secret: MKYAML' }], prints: [], hidden: ['MKYAML'] },
  heading: { blocks: [{ type: 'heading', depth: 2, children: [t('MKHEADING')] }], prints: ['MKHEADING'] },
  paragraph: { blocks: [p(t('MKPARAGRAPH'))], prints: ['MKPARAGRAPH'] },
  text: { blocks: [p(t('MKTEXT'))], prints: ['MKTEXT'] },
  strong: { blocks: [p(t('plain '), { type: 'strong', children: [t('MKSTRONG')] })], prints: ['MKSTRONG'] },
  emphasis: { blocks: [p(t('plain '), { type: 'emphasis', children: [t('MKEMPH')] })], prints: ['MKEMPH'] },
  delete: { blocks: [p({ type: 'delete', children: [t('MKDELETE')] })], prints: ['MKDELETE'] },
  inlineCode: { blocks: [p({ type: 'inlineCode', value: 'MKINLINECODE' })], prints: ['MKINLINECODE'] },
  break: { blocks: [p(t('MKBREAKA'), { type: 'break' }, t('MKBREAKB'))], prints: ['MKBREAKA', 'MKBREAKB'] },
  link: { blocks: [p({ type: 'link', url: 'https://example.com/', children: [t('MKLINK')] })], prints: ['MKLINK'] },
  definition: { blocks: [{ type: 'definition', identifier: 'ref', label: 'ref', url: 'https://example.com/MKDEFINITION' }], prints: [], hidden: ['MKDEFINITION'] },
  linkReference: { blocks: [p({ type: 'linkReference', identifier: 'ref', label: 'ref', referenceType: 'full', children: [t('MKLINKREF')] })], prints: ['MKLINKREF'] },
  imageReference: { blocks: [p(t('see '), { type: 'imageReference', identifier: 'ref', label: 'ref', referenceType: 'full', alt: 'MKIMAGEREF' })], prints: ['MKIMAGEREF'] },
  image: { blocks: [p({ type: 'image', url: 'missing/nowhere.png', alt: 'MKIMAGE' })], prints: ['MKIMAGE'] },
  footnoteReference: { blocks: [p(t('MKNOTED'), { type: 'footnoteReference', identifier: 'n1', label: 'n1' })], prints: ['MKNOTED'] },
  footnoteDefinition: { blocks: [{ type: 'footnoteDefinition', identifier: 'n1', label: 'n1', children: [p(t('MKFOOTNOTE'))] }], prints: [] },
  html: {
    blocks: [{ type: 'html', value: '<b>MKHTML</b>' }, { type: 'html', value: '<!-- MKCOMMENT -->' }, p(t('inline '), { type: 'html', value: '<i>MKHTMLINLINE</i>' })],
    prints: ['MKHTML', 'MKHTMLINLINE'],
    hidden: ['MKCOMMENT'],
  },
  blockquote: { blocks: [{ type: 'blockquote', children: [p(t('MKQUOTE'))] }], prints: ['MKQUOTE'] },
  list: { blocks: [{ type: 'list', ordered: true, start: 1, spread: false, children: [{ type: 'listItem', spread: false, children: [p(t('MKLIST'))] }] }], prints: ['MKLIST'] },
  listItem: { blocks: [{ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, checked: true, children: [p(t('MKLISTITEM'))] }] }], prints: ['MKLISTITEM'] },
  code: { blocks: [{ type: 'code', lang: 'text', value: 'MKCODE' }], prints: ['MKCODE'] },
  thematicBreak: { blocks: [{ type: 'thematicBreak' }, p(t('MKAFTERRULE'))], prints: ['MKAFTERRULE'] },
  table: { blocks: [cellTable('MKTABLE')], prints: ['MKTABLE'] },
  tableRow: { blocks: [cellTable('MKTABLEROW')], prints: ['MKTABLEROW'] },
  tableCell: { blocks: [cellTable('MKTABLECELL')], prints: ['MKTABLECELL'] },
  callout: { blocks: [{ type: 'callout', tone: 'info', title: 'MKCALLOUT', children: [p(t('MKCALLOUTBODY'))] }], prints: ['MKCALLOUT', 'MKCALLOUTBODY'] },
  dataTable: {
    blocks: [{ type: 'dataTable', caption: 'MKDATACAPTION', columns: [{ label: 'Item' }, { label: 'Amount', align: 'right' }], rows: [{ cells: ['MKDATATABLE', '1.00'] }, { cells: ['Total', '1.00'], kind: 'total' }] }],
    prints: ['MKDATACAPTION', 'MKDATATABLE'],
  },
  needTree: {
    blocks: [
      {
        type: 'needTree',
        labels: { goal: 'Goal', problem: 'Problem', solution: 'Solution', products: 'Products', criteria: 'Criteria' },
        goal: 'MKNG',
        problems: [{ problem: 'MKNP', solution: 'fix', products: ['prod'], criteria: ['crit'] }],
      },
    ],
    prints: ['MKNG', 'MKNP'],
  },
  swotGrid: {
    blocks: [
      {
        type: 'swotGrid',
        labels: { strengths: 'Strengths', weaknesses: 'Weaknesses', opportunities: 'Opportunities', threats: 'Threats', empty: 'none' },
        strengths: [{ text: 'MKSWOT' }],
        weaknesses: [],
        opportunities: [],
        threats: [],
      },
    ],
    prints: ['MKSWOT'],
  },
  peopleMap: {
    blocks: [
      {
        type: 'peopleMap',
        labels: { influence: 'Influence', attitude: 'Attitude', levels: { low: 'low', medium: 'medium', high: 'high' }, attitudes: { supporter: 'pro', neutral: 'neutral', opponent: 'con' }, guide: 'guide' },
        people: [{ name: 'MKPEOPLE', caption: 'CTO', influence: 'high', attitude: 'supporter', guide: false }],
      },
    ],
    prints: ['MKPEOPLE'],
  },
  barChart: { blocks: [{ type: 'barChart', title: 'MKBARTITLE', unit: 'k', bars: [{ label: 'MKBAR', value: 3, display: '3' }] }], prints: ['MKBARTITLE', 'MKBAR'] },
  pageBreak: { blocks: [p(t('MKBEFOREPAGE')), { type: 'pageBreak' }, p(t('MKAFTERPAGE'))], prints: ['MKBEFOREPAGE', 'MKAFTERPAGE'] },
};

const meta = testMeta({ title: 'Parity', locale: 'en', header: { left: 'Left', right: 'Right' }, footer: { pageLabel: 'Page {page} of {pages}' }, brandColor: '#1F4E79' });

const tree: Root = { type: 'root', children: Object.values(FIXTURES).flatMap((f) => f.blocks) };
const printed = Object.values(FIXTURES).flatMap((f) => f.prints);
const hidden = Object.values(FIXTURES).flatMap((f) => f.hidden ?? []);

function typesIn(node: Nodes, into = new Set<string>()): Set<string> {
  into.add(node.type);
  if ('children' in node) for (const child of node.children as Nodes[]) typesIn(child, into);
  return into;
}

/** DOCX text as a reader meets it: paragraphs on lines, a line break as \n, a page break as \f; footnotes after the body. */
function docxReading(parts: Record<string, string>): string {
  const read = (xml: string) =>
    [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br w:type="page"\/>|<w:br\/>|<\/w:p>/g)]
      .map((m) => (m[1] !== undefined ? decodeXml(m[1]) : m[0] === '<w:tab/>' ? '\t' : m[0].includes('page') ? '\f' : '\n'))
      .join('');
  return read(parts['word/document.xml'] ?? '') + '\n' + read(parts['word/footnotes.xml'] ?? '');
}

/** Positions of `markers` in `text`, each searched after the previous one (-1 = missing or out of order). */
function inOrder(text: string, markers: string[]): Record<string, number> {
  const at: Record<string, number> = {};
  let from = 0;
  for (const m of markers) {
    const i = text.indexOf(m, from);
    at[m] = i;
    if (i >= 0) from = i + m.length;
  }
  return at;
}

/** Every deflated stream of a PDF, inflated (content streams hold the drawing operators). */
function inflatedStreams(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not deflated (or not a stream at all)
    }
  }
  return out.join('\n');
}

/** The run (w:r) holding `text`, with its properties. */
const runOf = (xml: string, text: string): string => new RegExp(`<w:r>(?:(?!</w:r>).)*?>${text}</w:t>`).exec(xml)?.[0] ?? '';

describe('PDF and DOCX writers print every node type alike', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-parity-'));
  let pdfPath = '';
  let pdf = '';
  let docx: Record<string, string> = {};

  beforeAll(async () => {
    pdfPath = join(dir, 'parity.pdf');
    writeFileSync(pdfPath, await renderPdf(tree, meta, { assetRoots: [dir] }));
    pdf = pdftotext(pdfPath);
    docx = unzip(await renderDocx(tree, meta, { assetRoots: [dir] }));
  }, 60_000);

  it('the fixture tree holds every node type of both handler tables, and the tables know the same types', () => {
    const types = Object.keys(pdfHandlers).sort();
    expect(Object.keys(docxHandlers).sort()).toEqual(types);
    expect(Object.keys(FIXTURES).sort()).toEqual(types);
    expect([...typesIn(tree)].sort()).toEqual(types);
  });

  it('every marker comes out of the PDF, in order', () => {
    const at = inOrder(pdf, printed);
    expect(Object.entries(at).filter(([, i]) => i < 0).map(([m]) => m)).toEqual([]);
  });

  it('every marker comes out of the DOCX, in the same order', () => {
    const at = inOrder(docxReading(docx), printed);
    expect(Object.entries(at).filter(([, i]) => i < 0).map(([m]) => m)).toEqual([]);
  });

  it('what is meant to print nothing prints nothing in either', () => {
    for (const h of hidden) {
      expect(pdf, h).not.toContain(h);
      expect(docxReading(docx), h).not.toContain(h);
    }
  });

  it('a hard break starts a new line and a page break a new page, in both', () => {
    for (const text of [pdf, docxReading(docx)]) {
      expect(text.slice(text.indexOf('MKBREAKA'), text.indexOf('MKBREAKB'))).toContain('\n');
      expect(text.slice(text.indexOf('MKBEFOREPAGE'), text.indexOf('MKAFTERPAGE'))).toContain('\f');
    }
  });

  it('strong is bold and emphasis is not, in both (PDF font of the run; DOCX run properties)', () => {
    // pdftohtml names the font (by its subset tag) of every text piece; pdffonts gives the tag's full name.
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdfPath], { encoding: 'utf8' });
    const names = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').map((l) => l.split(' ')[0] ?? '');
    const families = new Map([...xml.matchAll(/<fontspec id="(\d+)"[^>]*family="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const fontOf = (text: string) => {
      const family = families.get(new RegExp(`<text [^>]*font="(\\d+)"[^>]*>(?:<[^>]+>)*[^<]*${text}`).exec(xml)?.[1] ?? '') ?? '?';
      return names.find((n) => n.startsWith(`${family}-`)) ?? '';
    };
    expect(fontOf('MKSTRONG')).toMatch(/bold/i);
    expect(fontOf('MKEMPH')).not.toMatch(/bold/i);
    expect(fontOf('MKEMPH')).not.toBe('');

    const body = docx['word/document.xml'] ?? '';
    expect(runOf(body, 'MKSTRONG')).toContain('<w:b/>');
    expect(runOf(body, 'MKSTRONG')).not.toContain('<w:i/>');
    expect(runOf(body, 'MKEMPH')).toContain('<w:i/>');
    expect(runOf(body, 'MKEMPH')).not.toContain('<w:b/>');
  });

  it('a heading is a heading in both: larger type than body text in the PDF, a Heading style in the DOCX', () => {
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdfPath], { encoding: 'utf8' });
    const sizes = new Map([...xml.matchAll(/<fontspec id="(\d+)" size="([\d.]+)"/g)].map((m) => [m[1], Number(m[2])]));
    const sizeOf = (text: string) => sizes.get(new RegExp(`<text [^>]*font="(\\d+)"[^>]*>(?:<[^>]+>)*${text}`).exec(xml)?.[1] ?? '') ?? 0;
    expect(sizeOf('MKHEADING')).toBeGreaterThan(sizeOf('MKPARAGRAPH'));
    expect(sizeOf('MKPARAGRAPH')).toBeGreaterThan(0);
    const body = docx['word/document.xml'] ?? '';
    expect(/<w:p>(?:(?!<\/w:p>).)*MKHEADING/.exec(body)?.[0]).toContain('<w:pStyle w:val="Heading2"/>');
    expect(/<w:p>(?:(?!<\/w:p>).)*MKPARAGRAPH/.exec(body)?.[0]).not.toContain('Heading');
  });

  it('a node type no handler knows (a hand-built tree; even "constructor") prints its text in both, without a crash', async () => {
    const odd = (type: string, value: string) => ({ type, children: [t(value)] }) as unknown as RootContent;
    const strange: Root = { type: 'root', children: [odd('constructor', 'MKODDA'), p(t('x '), odd('toString', 'MKODDB') as PhrasingContent), odd('mystery', 'MKODDC')] };
    const file = join(dir, 'strange.pdf');
    writeFileSync(file, await renderPdf(strange, meta, { assetRoots: [dir] }));
    const markers = ['MKODDA', 'MKODDB', 'MKODDC'];
    expect(Object.values(inOrder(pdftotext(file), markers))).not.toContain(-1);
    expect(Object.values(inOrder(docxReading(unzip(await renderDocx(strange, meta, { assetRoots: [dir] }))), markers))).not.toContain(-1);
  });

  it('emphasis in the PDF is marked (dots under the run), strong is not', async () => {
    // The 着重号 dots are filled circles: bezier paths in the content stream. A page with only
    // the emphasised word has them; the same page with the word in strong has none.
    const only = async (node: RootContent) => {
      const file = join(dir, `${node.type}.pdf`);
      writeFileSync(file, await renderPdf({ type: 'root', children: [p(node as PhrasingContent)] }, { ...meta, header: { left: '', right: '' } }, { assetRoots: [dir] }));
      return inflatedStreams(readFileSync(file));
    };
    const curves = (raw: string) => (raw.match(/ c\n/g) ?? []).length;
    expect(curves(await only({ type: 'emphasis', children: [t('MKEMPH')] }))).toBeGreaterThan(0);
    expect(curves(await only({ type: 'strong', children: [t('MKSTRONG')] }))).toBe(0);
  });
});
