/**
 * Templates: `<name>.md.hbs` and `partials/*.hbs`, looked up in the user's override folder
 * first, then in dealdoc's own `templates/`. Compiled once per process and cached by path.
 * Templates are code: they come only from these folders, never from deal files.
 * dealdoc's own templates come precompiled (shippableTemplates, shipped by `npm run build`) when
 * the file on disk is the one they were made from: compiling one costs ~60–80 ms in a fresh process.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type HandlebarsTypes from 'handlebars';
import { lineColumnAt } from '../diagnostics.js';
import { shippedJson } from '../shipped/index.js';
import { escapeMarkdown } from './escape.js';
import { makeHelpers } from './helpers.js';
import type { Locale } from '../tree/nodes.js';

/** dealdoc's own templates folder (next to src/ and dist/). */
export const BUILTIN_TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

type HB = typeof HandlebarsTypes;
let handlebars: HB | undefined;

/** Handlebars, with Markdown escaping, set up on first render (planning a build only hashes template files). */
function hb(): HB {
  if (handlebars) return handlebars;
  // Handlebars escapes `{{value}}` with Utils.escapeExpression, read when a template is
  // instantiated. We replace HTML escaping (wrong for Markdown) with Markdown escaping, so that
  // every interpolated value prints literally unless a helper returns a SafeString on purpose.
  (Handlebars.Utils as { escapeExpression: (s: unknown) => string }).escapeExpression = (v: unknown) =>
    v instanceof Handlebars.SafeString ? v.toString() : escapeMarkdown(v);
  handlebars = Handlebars;
  return Handlebars;
}

/** Options of every template compile, at run time or precompiled. */
const COMPILE_OPTIONS: CompileOptions = { preventIndent: true };

/** Precompiled templates: path under templates/ → source hash and spec (shipped as templates.json). */
export interface PrecompiledTemplates {
  handlebars: string;
  files: Record<string, { sha256: string; spec: string }>;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** dealdoc's own templates and partials precompiled, for `npm run build` to ship (scripts/bundle.mjs). */
export function shippableTemplates(): PrecompiledTemplates {
  const files: PrecompiledTemplates['files'] = {};
  const add = (rel: string) => {
    const source = readFileSync(join(BUILTIN_TEMPLATES, rel), 'utf8');
    files[rel] = { sha256: sha256(source), spec: hb().precompile(source, { ...COMPILE_OPTIONS }) as unknown as string };
  };
  for (const f of readdirSync(BUILTIN_TEMPLATES).sort()) if (f.endsWith('.md.hbs')) add(f);
  const partials = join(BUILTIN_TEMPLATES, 'partials');
  if (existsSync(partials)) for (const f of readdirSync(partials).sort()) if (f.endsWith('.hbs')) add(`partials/${f}`);
  return { handlebars: hb().VERSION, files };
}

let shipped: PrecompiledTemplates | null | undefined;

/**
 * The precompiled spec of `rel` (a path under dealdoc's templates/) when `table` holds one made
 * from exactly this source by this Handlebars version; else undefined (compile it).
 */
export function precompiledSpec(table: PrecompiledTemplates | null, version: string, rel: string, source: string): TemplateSpecification | undefined {
  if (!table || table.handlebars !== version || typeof table.files !== 'object') return undefined;
  const entry = Object.hasOwn(table.files, rel) ? table.files[rel] : undefined;
  if (!entry || typeof entry.spec !== 'string' || entry.sha256 !== sha256(source)) return undefined;
  // The spec is JavaScript that Handlebars generated at build time from this very source (checked
  // above) — what compile() would generate and evaluate at run time.
  const spec = new Function(`return ${entry.spec};`)() as TemplateSpecification & { compilerOptions?: CompileOptions };
  // A string partial it calls is compiled with these options, as under compile().
  spec.compilerOptions = { ...COMPILE_OPTIONS };
  return spec;
}

/** The shipped precompiled spec for a template file, if it is one of dealdoc's own, unedited. */
function builtinSpec(Handlebars: HB, file: string, source: string): TemplateSpecification | undefined {
  const rel = relative(BUILTIN_TEMPLATES, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  shipped ??= (shippedJson('templates.json') as PrecompiledTemplates | undefined) ?? null;
  return precompiledSpec(shipped, Handlebars.VERSION, rel.split(sep).join('/'), source);
}

/** An error in a template (ours or a user's override): blamed on that file and line, not on a deal. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${reason}`);
    this.name = 'TemplateError';
  }
}

/** Line and column (1-based) of the first match of `pattern` in `source`. */
function locate(source: string, pattern: RegExp): { line: number; column: number } | undefined {
  const m = pattern.exec(source);
  if (!m) return undefined;
  return lineColumnAt(source, m.index);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Handlebars errors carry a line only sometimes; find it in the source when they do not. */
function templateError(file: string, source: string, e: unknown, others: [string, string][] = []): TemplateError {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  const parse = /^Parse error on line (\d+):[\s\S]*\n(Expecting [^\n]*|[^\n]*)$/.exec(message);
  if (parse?.[1] && parse[2]) return new TemplateError(file, `Handlebars syntax error: ${parse[2]}`, Number(parse[1]));
  const helper = /^Missing helper: "(.+)"$/.exec(message)?.[1];
  const partial = /^The partial (.+) could not be found$/.exec(message)?.[1];
  const pattern = helper
    ? new RegExp(`\\{\\{[~#^]?\\s*${escapeRe(helper)}(?=[\\s}~])`)
    : partial
      ? new RegExp(`\\{\\{~?#?>\\s*${escapeRe(partial)}(?=[\\s}~])`)
      : undefined;
  if (pattern) {
    for (const [f, src] of [[file, source] as const, ...others]) {
      const at = locate(src, pattern);
      if (at) return new TemplateError(f, firstLine(message), at.line, at.column);
    }
  }
  const at = typeof err.lineNumber === 'number' ? { line: err.lineNumber, column: typeof err.column === 'number' ? err.column + 1 : undefined } : undefined;
  return new TemplateError(file, firstLine(message), at?.line, at?.column);
}

const firstLine = (s: string): string => s.split('\n', 1)[0] ?? '';

export interface TemplateStore {
  /** Folders searched in order. */
  dirs: string[];
  render(name: string, locale: Locale, view: Record<string, unknown>): string;
  /** How a rendered template was made ready in this process: shipped precompiled, or compiled here. */
  origin(name: string, locale: Locale): 'precompiled' | 'compiled' | undefined;
  /** Files a template depends on (itself and every partial), for build inputs. */
  files(name: string): string[];
}

export function createTemplateStore(overrideDir?: string): TemplateStore {
  const dirs = [...(overrideDir ? [resolve(overrideDir)] : []), BUILTIN_TEMPLATES];
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const origins = new Map<string, 'precompiled' | 'compiled'>();
  const envs = new Map<Locale, HB>();
  const sources = new Map<string, string>();

  const find = (rel: string): string => {
    for (const dir of dirs) {
      const p = join(dir, rel);
      if (existsSync(p)) return p;
    }
    throw new Error(`template not found: ${rel} (looked in ${dirs.join(', ')})`);
  };

  const partialFiles = (): Map<string, string> => {
    const found = new Map<string, string>();
    for (const dir of [...dirs].reverse()) {
      const pdir = join(dir, 'partials');
      if (!existsSync(pdir)) continue;
      for (const f of readdirSync(pdir).sort()) if (f.endsWith('.hbs')) found.set(f.replace(/(\.md)?\.hbs$/, ''), join(pdir, f));
    }
    return found;
  };

  const env = (locale: Locale): HB => {
    let instance = envs.get(locale);
    if (!instance) {
      const Handlebars = hb();
      instance = Handlebars.create();
      instance.registerHelper(makeHelpers(locale, (s) => new Handlebars.SafeString(s)));
      for (const [name, file] of partialFiles()) {
        const source = readFileSync(file, 'utf8');
        const spec = builtinSpec(Handlebars, file, source);
        if (spec) {
          instance.registerPartial(name, instance.template(spec));
          continue;
        }
        try {
          instance.parse(source);
        } catch (e) {
          throw templateError(file, source, e);
        }
        instance.registerPartial(name, source);
      }
      envs.set(locale, instance);
    }
    return instance;
  };

  return {
    dirs,
    render(name, locale, view) {
      const file = find(`${name}.md.hbs`);
      const key = `${locale}\0${file}`;
      let tpl = compiled.get(key);
      if (!tpl) {
        const source = readFileSync(file, 'utf8');
        sources.set(file, source);
        const spec = builtinSpec(hb(), file, source);
        if (spec) {
          tpl = env(locale).template(spec);
          compiled.set(key, tpl);
          origins.set(key, 'precompiled');
        }
      }
      if (!tpl) {
        const source = sources.get(file) ?? readFileSync(file, 'utf8');
        try {
          env(locale).parse(source); // compile() is lazy: parse now so syntax errors name the file
        } catch (e) {
          if (e instanceof TemplateError) throw e;
          throw templateError(file, source, e);
        }
        tpl = env(locale).compile(source, { ...COMPILE_OPTIONS });
        compiled.set(key, tpl);
        origins.set(key, 'compiled');
      }
      try {
        return tpl(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (e) {
        if (e instanceof TemplateError) throw e;
        const partials = [...partialFiles().values()].map((f): [string, string] => [f, readFileSync(f, 'utf8')]);
        throw templateError(file, sources.get(file) ?? '', e, partials);
      }
    },
    origin(name, locale) {
      return origins.get(`${locale}\0${find(`${name}.md.hbs`)}`);
    },
    files(name) {
      return [find(`${name}.md.hbs`), ...partialFiles().values()];
    },
  };
}
