/**
 * Read one deal file (`ID.md` with YAML front matter, or `ID.json`) into a validated Deal,
 * or diagnostics `path:line:column: message (field path)`. Nothing in a deal file can run
 * code: only YAML front matter is accepted (split exactly, see splitFrontMatter), all scalars are
 * typed by the zod schema, and every part is bounded (size, nesting, aliases, Markdown work).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Diagnostic, lineColumnAt } from '../../diagnostics.js';
import { Decimal, fixed } from '../../domain/money.js';
import { computeQuote } from '../../domain/quote.js';
import { checkMarkdownBounds } from '../markdown-limits.js';
import type { Locale } from '../../tree/nodes.js';
import { dealSchema, type Deal } from '../deal-schema.js';
import { formatPath, parseYamlSource, positionOf, zodDiagnostics, type YamlSource } from '../yaml-source.js';
import { allFieldNames, plainYaml, repairTypingSlips, scanSplitNumbers, scanTypingSlips, withSuggestions, withTypingSlips } from '../friendly.js';
import { checkDealGlyphs } from './glyphs.js';
import { fontsFingerprint, type FontChainSpec } from '../../fonts/font-chain.js';

export const MAX_DEAL_BYTES = 2 * 1024 * 1024;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const tooLarge = (file: string) => new Diagnostic({ file, line: 1, column: 1, rule: 'size', message: `file is larger than ${MAX_DEAL_BYTES / 1024 / 1024} MB` });

export interface ReadDealOptions {
  defaultLocale: Locale;
  /** Check every character against the PDF font (needs the font loaded). Default true. */
  checkGlyphs?: boolean;
  /** The font chain the glyph check uses (default: the families dealdoc ships). */
  fonts?: FontChainSpec;
}

export interface ReadDealResult {
  deal?: Deal;
  diagnostics: Diagnostic[];
}

interface Split {
  frontMatter: string;
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
}

/**
 * Split front matter exactly (docs/architecture.md, "Front matter"): the first line is `---`, the
 * block ends at the first later line that is exactly `---` or `...` (trailing blanks allowed).
 * Any other line — `----`, `--- x` — is YAML and parses or fails as YAML; nothing is dropped.
 * The YAML text starts with the newline after the opening line, so YAML lines are file lines.
 */
export function splitFrontMatter(text: string, file: string): { split?: Split; diagnostic?: Diagnostic } {
  const lines = text.split('\n');
  const firstLine = (lines[0] ?? '').replace(/[ \t]+$/, '');
  if (firstLine !== '---' && firstLine !== '---yaml') {
    return { diagnostic: new Diagnostic({ file, line: 1, column: 1, rule: 'front-matter', message: 'a deal file must start with YAML front matter: a first line of exactly "---"' }) };
  }
  let close = -1;
  for (const [i, line] of lines.entries()) {
    if (i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line)) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    return { diagnostic: new Diagnostic({ file, line: 1, column: 1, rule: 'front-matter', message: 'front matter is not closed: add a line "---" after it' }) };
  }
  return { split: { frontMatter: '\n' + lines.slice(1, close).join('\n'), body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 } };
}

/**
 * A line of the body that reads as a top-level deal field (`swot:`, `internal_notes: …`) means
 * the front matter was closed early by a `---` typed inside it: everything after that line would
 * otherwise be printed as narrative, internal fields included, in the customer's proposal.
 * Fenced code blocks are skipped.
 */
export function strayFrontMatter(body: string, bodyLine: number, closeLine: number, file: string, fields: ReadonlySet<string>): Diagnostic | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  for (const [i, line] of lines.entries()) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (m) {
      if (!fence) fence = m[1]?.[0];
      else if (m[1]?.[0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    const key = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t]|$)/.exec(line)?.[1];
    if (key && fields.has(key)) {
      return new Diagnostic({ file, line: bodyLine + i, column: 1, rule: 'front-matter', field: key, message: `"${key}:" is a deal field, but the front matter was already closed by the "---" on line ${closeLine}; remove that line so the field is read as data, not printed as narrative` });
    }
  }
  return undefined;
}

/** C0 controls other than tab and newline, DEL and C1 controls: never meaningful in a deal file. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** `U+0000` style hex of a (BMP) character. */
const codePoint = (ch: string) => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** The first control character with its position, or undefined. */
export function findControlCharacter(text: string, file: string, lineOffset = 0): Diagnostic | undefined {
  const m = CONTROL.exec(text);
  if (!m) return undefined;
  const { line, column } = lineColumnAt(text, m.index);
  const code = codePoint(m[0]);
  return new Diagnostic({ file, line: line + lineOffset, column, rule: 'control-character', message: `control character U+${code} is not allowed in a deal file (remove it; binary data cannot be part of a deal)` });
}

/** The first string value (or key) holding a control character written as an escape (`"\0"`, `\u0000`). */
function controlInValues(data: unknown): { path: (string | number)[]; code: string } | undefined {
  const stack: [unknown, (string | number)[]][] = [[data, []]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const m = CONTROL.exec(value);
      if (m) return { path, code: codePoint(m[0]) };
    } else if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, [...path, i]]));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        stack.push([k, path]);
        stack.push([v, [...path, k]]);
      }
  }
  return undefined;
}

/** 人民币大写 has no unit above 万亿; money columns are printed up to this amount. */
export const MAX_QUOTE_TOTAL = new Decimal('9999999999999999.99');

const parsedDeals = new Map<string, ReadDealResult>();
let DEAL_FIELDS: Set<string> | undefined;
let TOP_FIELDS: Set<string> | undefined;

/** Where each read deal came from, so later checks (catalogue, method) can point at a line. */
export const dealSources = new WeakMap<Deal, YamlSource>();

/**
 * Read and validate a deal file. Results are memoised by path and content, so planning a build
 * and rendering its documents in the same process parse each file once.
 * The file is read synchronously: a build reads each deal once per job, one job at a time, and
 * the thread-pool round trips of fs/promises (stat, open, fstat, read, close) left the main
 * thread idle for longer than the read itself takes.
 */
export async function readDeal(path: string, displayPath: string, opts: ReadDealOptions, read?: Buffer): Promise<ReadDealResult> {
  // `read`: the file's bytes when the caller has them already (the planner hashes every deal file).
  if ((read?.length ?? statSync(path).size) > MAX_DEAL_BYTES) {
    return { diagnostics: [tooLarge(displayPath)] };
  }
  const bytes = read ?? readFileSync(path);
  // Keyed by the content's hash, not the content: up to 500 entries of files up to 2 MB each.
  const key = `${path}\0${displayPath}\0${opts.defaultLocale}\0${opts.checkGlyphs !== false}\0${opts.fonts ? fontsFingerprint(opts.fonts) : ''}\0${createHash('sha256').update(bytes).digest('hex')}`;
  const hit = parsedDeals.get(key);
  if (hit) return hit;
  const result = await readDealUncached(path, displayPath, opts, bytes);
  if (parsedDeals.size > 500) parsedDeals.clear();
  parsedDeals.set(key, result);
  return result;
}

/** Read a deal from bytes already in memory (`path` only gives the extension and default id). */
export function readDealBytes(path: string, displayPath: string, opts: ReadDealOptions, bytes: Buffer): Promise<ReadDealResult> {
  if (bytes.length > MAX_DEAL_BYTES) return Promise.resolve({ diagnostics: [tooLarge(displayPath)] });
  return readDealUncached(path, displayPath, opts, bytes);
}

async function readDealUncached(path: string, displayPath: string, opts: ReadDealOptions, bytes: Buffer): Promise<ReadDealResult> {
  const ext = extname(path).toLowerCase();
  const stem = basename(path, extname(path));
  const fail = (d: Diagnostic): ReadDealResult => ({ diagnostics: [d] });

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(new Diagnostic({ file: displayPath, rule: 'encoding', message: 'deal files must be UTF-8 text' }));
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const control = findControlCharacter(text, displayPath);
  if (control) return fail(control);

  let yamlText: string;
  let body = '';
  let bodyLine = 1;
  if (ext === '.md' || ext === '.markdown') {
    const { split, diagnostic } = splitFrontMatter(text, displayPath);
    if (!split) return fail(diagnostic!);
    yamlText = split.frontMatter;
    body = split.body;
    bodyLine = split.bodyLine;
    const stray = strayFrontMatter(body, bodyLine, bodyLine - 1, displayPath, (TOP_FIELDS ??= new Set(Object.keys(dealSchema.shape))));
    if (stray) return fail(stray);
  } else if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    yamlText = text;
  } else {
    return fail(new Diagnostic({ file: displayPath, rule: 'file-type', message: 'deal files are .md, .json, .yaml or .yml' }));
  }

  // Full-width ：，and U+3000 indentation are named with their fix, before the parser's words.
  const slips = [...scanTypingSlips(yamlText, displayPath, 0, (DEAL_FIELDS ??= allFieldNames(dealSchema))), ...scanSplitNumbers(yamlText, displayPath)];
  // Parse the text as it was meant (slips typed the ASCII way), so the file's other errors come in the same pass.
  const parsed = parseYamlSource(repairTypingSlips(yamlText, slips), displayPath);
  if (!parsed.source) return { diagnostics: withTypingSlips(slips, parsed.diagnostics.map(plainYaml)) };
  const source: YamlSource = parsed.source;
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return fail(new Diagnostic({ file: displayPath, line: 1, column: 1, rule: 'schema', message: 'expected a mapping of deal fields' }));
  }
  const escaped = controlInValues(parsed.data);
  if (escaped) {
    const pos = positionOf(source, escaped.path);
    return fail(new Diagnostic({ file: displayPath, line: pos?.line, column: pos?.column, rule: 'control-character', field: formatPath(escaped.path), message: `control character U+${escaped.code} is not allowed in a deal file` }));
  }
  // `$schema` points editors at `dealdoc schema`; it is not a deal field.
  const { $schema: _editorSchema, ...fields } = parsed.data as Record<string, unknown>;
  // Characters no font can print are reported in the same pass as schema errors (raw values: positions are the same).
  const rawBody = bodyFieldOf(ext) ? fields.body : body;
  const glyphDiags = opts.checkGlyphs === false ? [] : checkDealGlyphs(fields, typeof rawBody === 'string' ? rawBody : '', bodyFieldOf(ext) ? 0 : bodyLine, source, displayPath, opts.fonts);
  const result = dealSchema.safeParse(fields);
  if (!result.success) {
    // Every error of the file in one pass: schema errors (with "did you mean") and glyphs.
    const schemaDiags = withSuggestions(zodDiagnostics(result.error, source, displayPath), result.error.issues, dealSchema, fields);
    return { diagnostics: withTypingSlips(slips, [...schemaDiags, ...glyphDiags]) };
  }
  const data = result.data;
  if (slips.some((d) => d.severity === 'error')) return { diagnostics: slips };

  const bodyField = bodyFieldOf(ext);
  if (bodyField) {
    body = data.body ?? '';
    bodyLine = 1;
  } else if (data.body !== undefined) {
    return fail(new Diagnostic({ file: displayPath, rule: 'schema', field: 'body', message: 'the body of a Markdown deal file is the text after the front matter, not a "body" field' }));
  }
  // SKU-only lines take their price from the catalogue later; a line's own price bounds it here.
  const total = computeQuote({ ...data.quote, items: data.quote.items.map((i) => ({ ...i, unit_price: i.unit_price ?? new Decimal(0) })) }).total;
  if (total.abs().gt(MAX_QUOTE_TOTAL)) {
    const pos = positionOf(source, ['quote']);
    return fail(
      new Diagnostic({ file: displayPath, line: pos?.line, column: pos?.column, rule: 'quote-too-large', field: 'quote', message: `the quote total ${fixed(total, 2)} is too large to print (人民币大写 goes up to 9,999,999,999,999,999.99)` }),
    );
  }
  const bodyProblem = checkMarkdownBounds(body);
  if (bodyProblem) {
    const inFile = ext === '.json' ? positionOf(source, ['body']) : undefined;
    return fail(
      new Diagnostic({
        file: displayPath,
        line: inFile ? inFile.line : bodyLine + bodyProblem.line - 1,
        column: inFile ? inFile.column : bodyProblem.column,
        rule: 'markdown-limit',
        field: 'body',
        message: bodyProblem.message,
      }),
    );
  }
  const id = data.id ?? stem;
  if (!ID_PATTERN.test(id)) {
    return fail(
      new Diagnostic({ file: displayPath, line: 1, column: 1, rule: 'id', field: 'id', message: `"${stem}" is not a valid deal id: name the file with a-z, 0-9 and - only, or set id:` }),
    );
  }
  if (id === 'receivables') {
    // out/receivables/ holds the internal finance reports: a proposal there would sit among them.
    const pos = data.id === undefined ? undefined : positionOf(source, ['id']);
    return fail(new Diagnostic({ file: displayPath, line: pos?.line ?? 1, column: pos?.column ?? 1, rule: 'id', field: 'id', message: 'deal id "receivables" is reserved for the month-end reports folder (out/receivables/): choose another id' }));
  }
  const deal: Deal = { ...data, id, locale: data.locale ?? opts.defaultLocale, body, bodyLine: bodyField ? 0 : bodyLine, path: displayPath };
  if (glyphDiags.length) return { diagnostics: [...slips, ...glyphDiags] };
  dealSources.set(deal, source);
  return { deal, diagnostics: slips };
}

/** .json, .yaml and .yml deals carry their narrative in `body:`; Markdown after the front matter. */
const bodyFieldOf = (ext: string) => ext !== '.md' && ext !== '.markdown';
