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
import { checkDealGlyphs } from './glyphs.js';
import { fontsFingerprint, type FontChainSpec } from '../../writers/fonts.js';

export const MAX_DEAL_BYTES = 2 * 1024 * 1024;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

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

/**
 * Read and validate a deal file. Results are memoised by path and content, so planning a build
 * and rendering its documents in the same process parse each file once.
 */
export async function readDeal(path: string, displayPath: string, opts: ReadDealOptions): Promise<ReadDealResult> {
  if ((await stat(path)).size > MAX_DEAL_BYTES) {
    return { diagnostics: [new Diagnostic({ file: displayPath, rule: 'size', message: `file is larger than ${MAX_DEAL_BYTES / 1024 / 1024} MB` })] };
  }
  const bytes = await readFile(path);
  const key = `${path}\0${displayPath}\0${opts.defaultLocale}\0${opts.checkGlyphs !== false}\0${opts.fonts ? fontsFingerprint(opts.fonts) : ''}\0${bytes.toString('latin1')}`;
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
  } else if (ext === '.json') {
    yamlText = text;
  } else {
    return fail(new Diagnostic({ file: displayPath, rule: 'file-type', message: 'deal files are .md or .json' }));
  }

  const parsed = parseYamlSource(yamlText, displayPath);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const source: YamlSource = parsed.source;
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return fail(new Diagnostic({ file: displayPath, line: 1, column: 1, rule: 'schema', message: 'expected a mapping of deal fields' }));
  }
  // Characters no font can print are reported in the same pass as schema errors (raw values: positions are the same).
  const rawBody = ext === '.json' ? (parsed.data as { body?: unknown }).body : body;
  const glyphDiags = opts.checkGlyphs === false ? [] : checkDealGlyphs(parsed.data, typeof rawBody === 'string' ? rawBody : '', ext === '.json' ? 0 : bodyLine, source, displayPath, opts.fonts);
  const result = dealSchema.safeParse(parsed.data);
  if (!result.success) return { diagnostics: [...zodDiagnostics(result.error, source, displayPath), ...glyphDiags] };
  const data = result.data;

  if (ext === '.json') {
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
  const deal: Deal = { ...data, id, locale: data.locale ?? opts.defaultLocale, body, bodyLine: ext === '.json' ? 0 : bodyLine, path: displayPath };
  if (glyphDiags.length) return { diagnostics: glyphDiags };
  return { deal, diagnostics: [] };
}
