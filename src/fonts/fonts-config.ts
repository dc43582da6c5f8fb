/**
 * `fonts:` in dealdoc.config.yaml → the font chain. Each entry is one family, in the order wanted:
 *
 *   fonts:
 *     - noto-sans-sc                          # a family dealdoc ships (moves it to this place)
 *     - "@expo-google-fonts/noto-sans-arabic" # an npm package with .ttf/.otf/.woff files
 *     - { name: Company Sans, regular: fonts/CompanySans-Regular.ttf, bold: fonts/CompanySans-Bold.ttf }
 *
 * Paths are relative to the config file and must stay inside its folder; packages resolve from the
 * config's folder (then from dealdoc's own). The families dealdoc ships that the list does not
 * name follow, in their default order, so configuring never loses coverage.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type * as Fontkit from 'fontkit';
import { BUILTIN_FAMILIES, DEFAULT_CHAIN, type FamilySource, type FontChainSpec } from './font-chain.js';
import { parseFontOnce } from './open.js';

type FontEntry = string | { name?: string; regular: string; bold?: string; lang?: string; east_asia?: boolean };

interface ResolvedChain {
  spec: FontChainSpec;
  /** Problems, each with the index of the entry (`fonts[i]`). */
  errors: { index: number; message: string }[];
}

const FONT_FILE = /\.(ttf|otf|woff)$/i;

function inside(base: string, p: string): boolean {
  const rel = relative(base, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(sep));
}

function fontFiles(dir: string, depth = 0): string[] {
  if (depth > 3) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') out.push(...fontFiles(p, depth + 1));
    else if (e.isFile() && FONT_FILE.test(e.name) && !/italic/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** The regular and bold files of a font package (expo-google-fonts and fontsource layouts). */
function packageFiles(pkgDir: string): { regular?: string; bold?: string } {
  const files = fontFiles(pkgDir);
  const pick = (re: RegExp) => {
    const hits = files.filter((f) => re.test(f.slice(pkgDir.length)));
    // Several subsets of one weight (fontsource): the largest file covers the most.
    return hits.sort((a, b) => statSync(b).size - statSync(a).size || (a < b ? -1 : 1))[0];
  };
  const regular = pick(/400Regular|[-_]Regular\.|-400-normal\./i) ?? (files.length === 1 ? files[0] : undefined);
  const bold = pick(/700Bold|[-_]Bold\.|-700-normal\./i);
  return { regular, bold };
}

function describeFamily(id: string, regular: string, bold: string | undefined, extra: Partial<FamilySource>): FamilySource {
  // fontkit is required here, only for families the config names: the default chain (and so every
  // build context) never loads it; drawing and glyph checks open fonts through ./fonts.ts.
  // Parsed into the process's cache (./open.ts): drawing and glyph checks reuse it.
  const font = parseFontOnce(regular, (createRequire(import.meta.url)('fontkit') as typeof Fontkit).create);
  const name = extra.name ?? font.familyName ?? id;
  const psName = (font.postscriptName ?? name).replace(/-.*$/, '').replace(/[^A-Za-z0-9]/g, '') || 'Font';
  return { id, name, psName, regular, ...(bold ? { bold } : {}), ...(extra.lang ? { lang: extra.lang } : {}), ...(extra.eastAsia ? { eastAsia: true } : {}) };
}

/** Resolve the config's `fonts:` list (absent → the default chain). */
export function resolveFontChain(entries: readonly FontEntry[] | undefined, configFile: string | undefined): ResolvedChain {
  if (!entries?.length) return { spec: DEFAULT_CHAIN, errors: [] };
  const base = configFile ? dirname(resolve(configFile)) : process.cwd();
  const errors: ResolvedChain['errors'] = [];
  const chosen: FamilySource[] = [];
  const local = createRequire(join(base, 'noop.js'));
  const own = createRequire(import.meta.url);
  const file = (index: number, p: string): string | undefined => {
    const abs = resolve(base, p);
    if (!inside(base, abs)) return void errors.push({ index, message: `font file "${p}" is outside the config's folder` });
    if (!FONT_FILE.test(abs)) return void errors.push({ index, message: `font file "${p}" is not .ttf, .otf or .woff` });
    if (!existsSync(abs) || !statSync(abs).isFile()) return void errors.push({ index, message: `font file "${p}" not found` });
    return abs;
  };
  entries.forEach((entry, index) => {
    try {
      if (typeof entry === 'string') {
        const builtin = BUILTIN_FAMILIES.find((f) => f.id === entry);
        if (builtin) return void chosen.push(builtin);
        if (FONT_FILE.test(entry)) {
          const regular = file(index, entry);
          if (regular) chosen.push(describeFamily(entry, regular, undefined, {}));
          return;
        }
        let pkgJson: string | undefined;
        for (const req of [local, own]) {
          try {
            pkgJson = req.resolve(`${entry}/package.json`);
            break;
          } catch {
            /* next */
          }
        }
        if (!pkgJson) return void errors.push({ index, message: `"${entry}" is neither a font dealdoc ships (${BUILTIN_FAMILIES.map((f) => f.id).join(', ')}) nor an installed npm package` });
        const { regular, bold } = packageFiles(dirname(pkgJson));
        if (!regular) return void errors.push({ index, message: `package "${entry}" has no regular-weight .ttf, .otf or .woff file` });
        const cjk = /-(sc|tc|hk|jp|kr)$/i.test(entry);
        chosen.push(describeFamily(entry, regular, bold, { eastAsia: cjk }));
        return;
      }
      const regular = file(index, entry.regular);
      const bold = entry.bold === undefined ? undefined : file(index, entry.bold);
      if (regular && (entry.bold === undefined || bold)) {
        chosen.push(describeFamily(entry.name ?? entry.regular, regular, bold, { name: entry.name, lang: entry.lang, eastAsia: entry.east_asia }));
      }
    } catch (e) {
      errors.push({ index, message: `font cannot be read: ${(e as Error).message}` });
    }
  });
  const seen = new Set(chosen.map((f) => f.regular));
  const families = [...chosen.filter((f, i) => chosen.findIndex((g) => g.regular === f.regular) === i), ...BUILTIN_FAMILIES.filter((f) => !seen.has(f.regular))];
  return { spec: { families }, errors };
}
