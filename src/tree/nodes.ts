/**
 * The one document tree: mdast (from remark-parse + remark-gfm) plus a few custom nodes for
 * what Markdown cannot say. Every document becomes this tree; every writer renders it.
 * Custom nodes carry plain text (never Markdown) — their values are data.
 */
import type { BlockContent, Root, RootContent } from 'mdast';
import type { Locale } from '../domain/locale.js';

export type Align = 'left' | 'right' | 'center';

/** Cover page: first page of a proposal, no running header. */
export interface Cover {
  type: 'cover';
  /** Small label above the title, e.g. "解决方案建议书" / "Solution Proposal". */
  kicker?: string;
  title: string;
  subtitle?: string;
  /** "致：华新精密制造有限公司" / "Prepared for: …" */
  preparedFor?: string;
  company: string;
  companySecondary?: string;
  /** Label/value lines under the title block: rep, phone, date, document no. */
  lines: { label: string; value: string }[];
  /** Absolute path of a PNG/JPEG logo, already checked to lie inside an allowed folder. */
  logo?: string;
}

export interface DataTableColumn {
  label: string;
  align?: Align;
  /** Relative width weight (default 1). */
  width?: number;
}

export interface DataTableRow {
  cells: string[];
  /** `total` rows are bold under a heavier rule; `group` rows span as a band (first cell only). */
  kind?: 'normal' | 'total' | 'subtotal' | 'group';
}

/** A table of literal values: the header row repeats on every page, rows never split. */
export interface DataTable {
  type: 'dataTable';
  caption?: string;
  columns: DataTableColumn[];
  rows: DataTableRow[];
  /** Smaller type for wide finance tables. */
  dense?: boolean;
}

/** Need tree: goal → problems → solutions → products/services → purchase criteria. */
export interface NeedTree {
  type: 'needTree';
  labels: { goal: string; problem: string; solution: string; products: string; criteria: string };
  goal: string;
  problems: { problem: string; solution: string; products: string[]; criteria: string[] }[];
}

export interface SwotItem {
  text: string;
  /** For derived items: where it comes from, e.g. "竞争对手 X 的弱项：交期 16 周". */
  source?: string;
}

export interface SwotGrid {
  type: 'swotGrid';
  labels: { strengths: string; weaknesses: string; opportunities: string; threats: string; empty: string };
  strengths: SwotItem[];
  weaknesses: SwotItem[];
  opportunities: SwotItem[];
  threats: SwotItem[];
}

export type Level = 'low' | 'medium' | 'high';
export type Attitude = 'supporter' | 'neutral' | 'opponent';

/** Influence (y) × attitude (x) map of the people in the buying process. */
export interface PeopleMap {
  type: 'peopleMap';
  labels: {
    influence: string;
    attitude: string;
    levels: Record<Level, string>;
    attitudes: Record<Attitude, string>;
    guide: string;
  };
  people: { name: string; caption: string; influence: Level; attitude: Attitude; guide: boolean }[];
}

/** Horizontal bar chart with direct labels. `value` is for geometry only; `display` is what prints. */
export interface BarChart {
  type: 'barChart';
  title?: string;
  unit: string;
  bars: { label: string; value: number; display: string }[];
}

export interface PageBreak {
  type: 'pageBreak';
}

/** A tinted box: warnings (gaps), internal notices, verdicts. */
export interface Callout {
  type: 'callout';
  tone: 'info' | 'warning' | 'danger' | 'success';
  title?: string;
  children: BlockContent[];
}

export type CustomNode = Cover | DataTable | NeedTree | SwotGrid | PeopleMap | BarChart | PageBreak | Callout;

declare module 'mdast' {
  interface RootContentMap {
    cover: Cover;
    dataTable: DataTable;
    needTree: NeedTree;
    swotGrid: SwotGrid;
    peopleMap: PeopleMap;
    barChart: BarChart;
    pageBreak: PageBreak;
    callout: Callout;
  }
  interface BlockContentMap {
    dataTable: DataTable;
    needTree: NeedTree;
    swotGrid: SwotGrid;
    peopleMap: PeopleMap;
    barChart: BarChart;
    pageBreak: PageBreak;
    callout: Callout;
  }
}

export type { Locale };

/** The file formats a document can be written as (PDF and DOCX from a node tree, XLSX from a workbook). */
export type Format = 'pdf' | 'docx' | 'xlsx';

/** Everything a writer needs besides the tree. Writers know nothing of deals or ledgers. */
export interface DocMeta {
  title: string;
  locale: Locale;
  /** Running header on every page but the cover. */
  header: { left: string; right: string };
  footer: {
    /** e.g. "商业机密 · 仅供 X 评估使用" / "内部资料 · 请勿外传" */
    confidentiality?: string;
    /** Page label with `{page}` and `{pages}`: "第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}". */
    pageLabel: string;
  };
  /** Printed diagonally/at the top of every page for internal documents. */
  banner?: string;
  /** A draft's watermark ("草稿" / "DRAFT"), drawn large and light across every page. */
  draft?: string;
  orientation: 'portrait' | 'landscape';
  /** "#RRGGBB" */
  brandColor: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  /** Deterministic creation date for metadata (SOURCE_DATE_EPOCH or derived from inputs). */
  created: Date;
}

export type { Root, RootContent };
