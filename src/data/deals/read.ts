/**
 * Read one deal file (`ID.md` with YAML front matter, or `ID.json`) into a validated Deal,
 * or diagnostics `path:line:column: message (field path)`. Nothing in a deal file can run
 * code: only YAML front matter is accepted (gray-matter's JS engine is disabled), and all
 * scalars are typed by the zod schema.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import matter from 'gray-matter';
import { Diagnostic } from '../../diagnostics.js';
import type { Locale } from '../../tree/nodes.js';
import { dealSchema, type Deal } from '../deal-schema.js';
import { parseYamlSource, zodDiagnostics, type YamlSource } from '../yaml-source.js';
import { allFieldNames, plainYaml, scanTypingSlips, withSuggestions, withTypingSlips } from '../friendly.js';
import { checkDealGlyphs } from './glyphs.js';

export const MAX_DEAL_BYTES = 2 * 1024 * 1024;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface ReadDealOptions {
  defaultLocale: Locale;
  /** Check every character against the PDF font (needs the font loaded). Default true. */
  checkGlyphs?: boolean;
}

export interface ReadDealResult {
  deal?: Deal;
  diagnostics: Diagnostic[];
}

const deny = () => {
  throw new Error('only YAML front matter is allowed');
};

interface Split {
  frontMatter: string;
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
}

/** Split with gray-matter, after checking the opening line ourselves (LIBRARY-NOTES §1). */
function splitFrontMatter(text: string, file: string): { split?: Split; diagnostic?: Diagnostic } {
  const firstLine = text.split('\n', 1)[0].trimEnd();
  if (firstLine !== '---' && firstLine !== '---yaml') {
    return {
      diagnostic: new Diagnostic({ file, line: 1, column: 1, rule: 'front-matter', message: 'a deal file must start with YAML front matter: a first line of exactly "---"' }),
    };
  }
  let captured = '';
  const parsed = matter(text, {
    language: 'yaml',
    engines: {
      yaml: (s: string) => {
        captured = s;
        return {};
      },
      javascript: deny,
      js: deny,
      json: deny,
      coffee: deny,
      toml: deny,
    } as unknown as matter.GrayMatterOption<string, object>['engines'],
  });
  if ((parsed as { language?: string }).language !== 'yaml') {
    return { diagnostic: new Diagnostic({ file, line: 1, column: 1, rule: 'front-matter', message: 'only YAML front matter is allowed' }) };
  }
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (close < 0) {
    return { diagnostic: new Diagnostic({ file, line: 1, column: 1, rule: 'front-matter', message: 'front matter is not closed: add a line "---" after it' }) };
  }
  // gray-matter hands the engine the block starting with the newline after "---", so YAML
  // line numbers are file line numbers; we parse that same text ourselves for positions.
  return { split: { frontMatter: captured || '\n' + lines.slice(1, close).join('\n'), body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 } };
}

const parsedDeals = new Map<string, ReadDealResult>();
let DEAL_FIELDS: Set<string> | undefined;

/**
 * Read and validate a deal file. Results are memoised by path and content, so planning a build
 * and rendering its documents in the same process parse each file once.
 */
export async function readDeal(path: string, displayPath: string, opts: ReadDealOptions): Promise<ReadDealResult> {
  if ((await stat(path)).size > MAX_DEAL_BYTES) {
    return { diagnostics: [new Diagnostic({ file: displayPath, rule: 'size', message: `file is larger than ${MAX_DEAL_BYTES / 1024 / 1024} MB` })] };
  }
  const bytes = await readFile(path);
  const key = `${path}\0${displayPath}\0${opts.defaultLocale}\0${opts.checkGlyphs !== false}\0${bytes.toString('latin1')}`;
  const hit = parsedDeals.get(key);
  if (hit) return hit;
  const result = await readDealUncached(path, displayPath, opts, bytes);
  if (parsedDeals.size > 500) parsedDeals.clear();
  parsedDeals.set(key, result);
  return result;
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

  let yamlText: string;
  let body = '';
  let bodyLine = 1;
  if (ext === '.md' || ext === '.markdown') {
    const { split, diagnostic } = splitFrontMatter(text, displayPath);
    if (!split) return fail(diagnostic!);
    yamlText = split.frontMatter;
    body = split.body;
    bodyLine = split.bodyLine;
  } else if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    yamlText = text;
  } else {
    return fail(new Diagnostic({ file: displayPath, rule: 'file-type', message: 'deal files are .md, .json, .yaml or .yml' }));
  }

  // Full-width ：，and U+3000 indentation are named with their fix, before the parser's words.
  const slips = scanTypingSlips(yamlText, displayPath, 0, (DEAL_FIELDS ??= allFieldNames(dealSchema)));
  const parsed = parseYamlSource(yamlText, displayPath);
  if (!parsed.source) return { diagnostics: withTypingSlips(slips, parsed.diagnostics.map(plainYaml)) };
  const source: YamlSource = parsed.source;
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return fail(new Diagnostic({ file: displayPath, line: 1, column: 1, rule: 'schema', message: 'expected a mapping of deal fields' }));
  }
  // `$schema` points editors at `dealdoc schema`; it is not a deal field.
  const { $schema: _editorSchema, ...fields } = parsed.data as Record<string, unknown>;
  const result = dealSchema.safeParse(fields);
  if (!result.success) {
    // Every error of the file in one pass: schema errors (with "did you mean") and glyphs.
    const schemaDiags = withSuggestions(zodDiagnostics(result.error, source, displayPath), result.error.issues, dealSchema, fields);
    const rawBody = bodyFieldOf(ext) ? fields.body : body;
    const glyphs =
      opts.checkGlyphs !== false
        ? checkDealGlyphs({ ...fields, body: typeof rawBody === 'string' ? rawBody : '', bodyLine: bodyFieldOf(ext) ? 0 : bodyLine } as unknown as Deal, source, displayPath)
        : [];
    return { diagnostics: withTypingSlips(slips, [...schemaDiags, ...glyphs]) };
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
  const id = data.id ?? stem;
  if (!ID_PATTERN.test(id)) {
    return fail(
      new Diagnostic({ file: displayPath, line: 1, column: 1, rule: 'id', field: 'id', message: `"${stem}" is not a valid deal id: name the file with a-z, 0-9 and - only, or set id:` }),
    );
  }
  const deal: Deal = { ...data, id, locale: data.locale ?? opts.defaultLocale, body, bodyLine: bodyField ? 0 : bodyLine, path: displayPath };
  if (opts.checkGlyphs !== false) {
    const glyphDiags = checkDealGlyphs(deal, source, displayPath);
    if (glyphDiags.length) return { diagnostics: [...slips, ...glyphDiags] };
  }
  return { deal, diagnostics: slips };
}

/** .json, .yaml and .yml deals carry their narrative in `body:`; Markdown after the front matter. */
const bodyFieldOf = (ext: string) => ext !== '.md' && ext !== '.markdown';
