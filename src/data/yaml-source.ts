/**
 * Untrusted YAML/JSON → plain data with positions. The failsafe schema keeps every scalar as
 * text (zod decides types: no octal zip codes, no base-60 times, no Date in a time zone),
 * aliases are capped (billion laughs), duplicate keys are errors. Positions map zod issue
 * paths back to `line:column` in the file.
 */
import jsyaml from 'js-yaml';
import { isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, Parser, parseDocument, visit, type CST, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { Diagnostic, lineColumnAt } from '../diagnostics.js';

export interface YamlSource {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** Added to reported lines (front matter that was cut out of a larger file). */
  lineOffset: number;
}

/** Anchors are where alias bombs start; documents with one take the guarded parser. */
const MAY_HAVE_ANCHOR = /(^|[\s[{,:-])&[^\s]/m;

/** Nesting of mappings and sequences (a deal needs 5; recursion in the parsers starts to fail near 1,000). */
const MAX_YAML_DEPTH = 64;
/** Nodes that aliases may expand to, in total (billion laughs). */
const MAX_ALIAS_NODES = 10_000;

/**
 * The deepest collection nesting, from the `yaml` package's CST parser (iterative, no recursion,
 * nothing composed yet), with the offset where it first exceeds `limit`.
 */
export function yamlDepth(text: string, limit = MAX_YAML_DEPTH): { depth: number; offset?: number } {
  let max = 0;
  const stack: [CST.Token | undefined, number][] = [];
  for (const token of new Parser().parse(text)) stack.push([token, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    let d = depth;
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      d = depth + 1;
      if (d > max) max = d;
      if (d > limit) return { depth: d, offset: token.offset };
      for (const item of token.items) {
        const it = item as { key?: CST.Token | null; value?: CST.Token };
        if (it.key) stack.push([it.key, d]);
        stack.push([it.value, d]);
      }
    } else if (token.type === 'document') stack.push([token.value, d]);
  }
  return { depth: max };
}

/** A cheap upper bound of the nesting (brackets anywhere + indentation steps + leading dashes). */
function roughDepth(text: string): number {
  let flow = 0;
  let maxFlow = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) maxFlow = Math.max(maxFlow, ++flow);
    else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  let maxBlock = 0;
  const indents: number[] = [];
  for (const line of text.split('\n')) {
    // Both groups always match (possibly empty).
    const [all, lead = '', markers = ''] = /^([ \t]*)((?:[-?:][ \t]+)*)/.exec(line) ?? [''];
    if (all.length === line.length) continue;
    const indent = lead.length;
    while ((indents.at(-1) ?? -1) > indent) indents.pop();
    if ((indents.at(-1) ?? -1) < indent) indents.push(indent);
    maxBlock = Math.max(maxBlock, indents.length + markers.length);
  }
  return maxFlow + maxBlock + 1;
}

/** The first line of a `yaml` error or warning, without the position it repeats (we give our own). */
const parserMessage = (s: string): string => (s.split('\n', 1)[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');

/**
 * Parse untrusted YAML. Nesting deeper than MAX_YAML_DEPTH is refused (with its position) before
 * any recursive parser runs. The common case — a valid file without anchors — goes through js-yaml's
 * failsafe loader (about 20× faster here); the `yaml` package, with positions and alias limits,
 * parses only when positions are needed (a diagnostic) or the file uses anchors.
 */
export function parseYamlSource(text: string, file: string, lineOffset = 0): { source?: YamlSource; data?: unknown; diagnostics: Diagnostic[] } {
  if (roughDepth(text) > MAX_YAML_DEPTH) {
    const deep = yamlDepth(text);
    if (deep.offset !== undefined) {
      const pos = lineColumnAt(text, deep.offset);
      return { diagnostics: [new Diagnostic({ file, line: pos.line + lineOffset, column: pos.column, rule: 'yaml-depth', message: `mappings and lists nested more than ${MAX_YAML_DEPTH} levels deep` })] };
    }
  }
  if (!MAY_HAVE_ANCHOR.test(text)) {
    let data: unknown;
    try {
      data = jsyaml.load(text, { schema: jsyaml.FAILSAFE_SCHEMA, json: false });
    } catch {
      return parsePrecisely(text, file, lineOffset);
    }
    let precise: YamlSource | undefined;
    const lazy: YamlSource = {
      lineOffset,
      get doc() {
        precise ??= parsePrecisely(text, file, lineOffset).source;
        return precise!.doc;
      },
      get lineCounter() {
        precise ??= parsePrecisely(text, file, lineOffset).source;
        return precise!.lineCounter;
      },
    };
    return { source: lazy, data: dropEmpty(data), diagnostics: [] };
  }
  return parsePrecisely(text, file, lineOffset);
}

function parsePrecisely(text: string, file: string, lineOffset: number): { source?: YamlSource; data?: unknown; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, prettyErrors: true, lineCounter });
  const diagnostics = doc.errors.map((e) => {
    const pos = e.linePos?.[0];
    return new Diagnostic({
      file,
      line: pos ? pos.line + lineOffset : undefined,
      column: pos?.col,
      message: `YAML syntax error: ${parserMessage(e.message)}`,
      rule: 'syntax',
    });
  });
  // Tags (`!!js/function`, `!custom`) mean nothing here: an error, never silent text.
  for (const w of doc.warnings) {
    const pos = w.linePos?.[0];
    diagnostics.push(
      new Diagnostic({ file, line: pos ? pos.line + lineOffset : undefined, column: pos?.col, rule: 'yaml-tag', message: `YAML tags are not allowed in deal files: ${parserMessage(w.message)}` }),
    );
  }
  if (diagnostics.length) return { diagnostics };
  const bomb = aliasBomb(doc);
  if (bomb) {
    const pos = lineCounter.linePos(bomb.offset);
    return { diagnostics: [new Diagnostic({ file, line: pos.line + lineOffset, column: pos.col, rule: 'yaml-alias', message: `aliases here expand to more than ${MAX_ALIAS_NODES} values (an "alias bomb"); write the values out` })] };
  }
  try {
    const data = dropEmpty(doc.toJS({ maxAliasCount: -1 }));
    return { source: { doc, lineCounter, lineOffset }, data, diagnostics };
  } catch (e) {
    return { diagnostics: [new Diagnostic({ file, line: 1 + lineOffset, column: 1, message: (e as Error).message, rule: 'syntax' })] };
  }
}

/**
 * The alias where the expanded document first exceeds MAX_ALIAS_NODES values, or undefined.
 * Sizes are memoised per node and anchors are sized in document order (an anchor precedes its
 * aliases), so this is linear in the file however large the expansion would be, and recursion
 * is no deeper than the (already bounded) nesting.
 */
function aliasBomb(doc: Document.Parsed): { offset: number } | undefined {
  const sizes = new Map<unknown, number>();
  const cap = MAX_ALIAS_NODES + 1;
  const sizeOf = (node: unknown): number => {
    if (isAlias(node)) return sizeOf(node.resolve(doc));
    if (!isCollection(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, cap); // a cycle counts as too large
    let n = 1;
    for (const item of node.items as unknown[]) {
      const pair = item as { key?: unknown; value?: unknown };
      for (const part of isMap(node) ? [pair.key, pair.value] : [item]) n = Math.min(cap, n + sizeOf(part));
    }
    sizes.set(node, n);
    return n;
  };
  const aliases: YamlNode[] = [];
  visit(doc, {
    Node(_key, node) {
      if (isCollection(node) && node.anchor) sizeOf(node);
    },
    Alias(_key, alias) {
      aliases.push(alias);
    },
  });
  if (!aliases.length) return undefined;
  let total = 0;
  for (const alias of aliases) {
    total += sizeOf(alias);
    if (total > MAX_ALIAS_NODES) return { offset: alias.range?.[0] ?? 0 };
  }
  return undefined;
}

/** `quote.items[0].qty` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** Position of the node at `path`, or of its nearest existing ancestor (a missing field points at its parent). */
export function positionOf(source: YamlSource, path: readonly PropertyKey[]): { line: number; column: number } | undefined {
  let node: YamlNode | null | undefined = source.doc.contents as YamlNode | null;
  let keyNode: YamlNode | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key));
      if (!pair) break;
      keyNode = pair.key as YamlNode;
      node = pair.value as YamlNode | null;
      if (!node) {
        node = keyNode;
        break;
      }
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key] as YamlNode;
      keyNode = undefined;
    } else break;
  }
  const range = node?.range ?? keyNode?.range;
  if (!range) return undefined;
  const pos = source.lineCounter.linePos(range[0]);
  return { line: pos.line + source.lineOffset, column: pos.col };
}

/** One diagnostic per zod issue, pointing into the YAML. */
export function zodDiagnostics(error: z.ZodError, source: YamlSource, file: string): Diagnostic[] {
  return error.issues.map((issue) => {
    const pos = positionOf(source, issue.path);
    let message = issue.message;
    if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'required field is missing';
    if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    const unknownKey = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? issue.keys[0] : undefined;
    const path = unknownKey !== undefined ? [...issue.path, unknownKey] : issue.path;
    const pos2 = unknownKey !== undefined ? positionOfKey(source, path) ?? pos : pos;
    return new Diagnostic({ file, line: pos2?.line, column: pos2?.column, message, field: formatPath(path) || undefined, rule: 'schema' });
  });
}

function positionOfKey(source: YamlSource, path: readonly PropertyKey[]): { line: number; column: number } | undefined {
  const parent = source.doc.getIn(path.slice(0, -1), true) as YamlNode | undefined;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
  const range = (pair?.key as YamlNode | undefined)?.range;
  if (!range) return undefined;
  const pos = source.lineCounter.linePos(range[0]);
  return { line: pos.line + source.lineOffset, column: pos.col };
}

/** `key:` with no value reads as an empty string (or null) under the failsafe schema; treat it as absent. */
function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty: a `__proto__` key stays an own (and so unknown, rejected) field, never a prototype.
    for (const [k, v] of Object.entries(value)) if (v !== '' && v !== null) Object.defineProperty(out, k, { value: dropEmpty(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
