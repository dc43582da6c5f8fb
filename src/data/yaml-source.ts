/**
 * Untrusted YAML/JSON → plain data with positions. The failsafe schema keeps every scalar as
 * text (zod decides types: no octal zip codes, no base-60 times, no Date in a time zone),
 * aliases are capped (billion laughs), duplicate keys are errors. Positions map zod issue
 * paths back to `line:column` in the file.
 */
import jsyaml from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { Diagnostic } from '../diagnostics.js';

export interface YamlSource {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** Added to reported lines (front matter that was cut out of a larger file). */
  lineOffset: number;
}

/** Anchors are where alias bombs start; documents with one take the guarded parser. */
const MAY_HAVE_ANCHOR = /(^|[\s[{,:-])&[^\s]/m;

/**
 * Parse untrusted YAML. The common case — a valid file without anchors — goes through js-yaml's
 * failsafe loader (about 20× faster here); the `yaml` package, with positions and alias limits,
 * parses only when positions are needed (a diagnostic) or the file uses anchors.
 */
export function parseYamlSource(text: string, file: string, lineOffset = 0): { source?: YamlSource; data?: unknown; diagnostics: Diagnostic[] } {
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
      message: `YAML syntax error: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      rule: 'syntax',
    });
  });
  if (diagnostics.length) return { diagnostics };
  try {
    const data = dropEmpty(doc.toJS({ maxAliasCount: 100 }));
    return { source: { doc, lineCounter, lineOffset }, data, diagnostics };
  } catch (e) {
    return { diagnostics: [new Diagnostic({ file, message: (e as Error).message, rule: 'syntax' })] };
  }
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
    const path = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]] : issue.path;
    const pos2 = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? positionOfKey(source, path) ?? pos : pos;
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
