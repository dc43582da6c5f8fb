/**
 * The font fallback chain as plain data: which families, in which order, from which files — and
 * its fingerprint, an input of every build. No font is opened here (fontkit is not even loaded),
 * so planning a build that renders nothing stays light; `fonts.ts` opens the files when a
 * document is drawn or checked.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type Weight = 'regular' | 'bold';

/** One family of the chain: files resolved to absolute paths (plain data: it crosses into workers). */
export interface FamilySource {
  /** Short id (`noto-sans-thai`, or the package / file it came from). */
  id: string;
  /** Family name as Word and LibreOffice know it (DOCX `w:rFonts`). */
  name: string;
  /** PostScript-style name prefix for the PDF font resource (`NotoSansSC` → NotoSansSC-Regular). */
  psName: string;
  regular: string;
  /** Absent: bold text uses the regular file (no synthetic bold). */
  bold?: string;
  /** Writing system, for DOCX `w:lang` (BCP 47), when the family is for one. */
  lang?: string;
  /** True for CJK families (Word's East Asian font slot). */
  eastAsia?: boolean;
}

const expo = (pkg: string, file: string) => ({
  regular: require.resolve(`@expo-google-fonts/${pkg}/400Regular/${file}_400Regular.ttf`),
  bold: require.resolve(`@expo-google-fonts/${pkg}/700Bold/${file}_700Bold.ttf`),
});

/** The families dealdoc ships, in the default order for Chinese documents. */
export const BUILTIN_FAMILIES: readonly FamilySource[] = [
  { id: 'noto-sans-sc', name: 'Noto Sans SC', psName: 'NotoSansSC', ...expo('noto-sans-sc', 'NotoSansSC'), lang: 'zh-CN', eastAsia: true },
  { id: 'noto-sans', name: 'Noto Sans', psName: 'NotoSans', ...expo('noto-sans', 'NotoSans') },
  { id: 'noto-sans-thai', name: 'Noto Sans Thai', psName: 'NotoSansThai', ...expo('noto-sans-thai', 'NotoSansThai'), lang: 'th-TH' },
  { id: 'noto-sans-kr', name: 'Noto Sans KR', psName: 'NotoSansKR', ...expo('noto-sans-kr', 'NotoSansKR'), lang: 'ko-KR', eastAsia: true },
  { id: 'noto-sans-jp', name: 'Noto Sans JP', psName: 'NotoSansJP', ...expo('noto-sans-jp', 'NotoSansJP'), lang: 'ja-JP', eastAsia: true },
  {
    id: 'noto-sans-math',
    name: 'Noto Sans Math',
    psName: 'NotoSansMath',
    regular: require.resolve('@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff'),
  },
  {
    id: 'noto-sans-symbols-2',
    name: 'Noto Sans Symbols 2',
    psName: 'NotoSansSymbols2',
    regular: require.resolve('@fontsource/noto-sans-symbols-2/files/noto-sans-symbols-2-symbols-400-normal.woff'),
  },
  { id: 'noto-emoji', name: 'Noto Emoji', psName: 'NotoEmoji', ...expo('noto-emoji', 'NotoEmoji') },
];

/** The chain as configured (before the per-locale order): plain data, part of every build's inputs. */
export interface FontChainSpec {
  families: readonly FamilySource[];
}

export const DEFAULT_CHAIN: FontChainSpec = { families: BUILTIN_FAMILIES };

/** Family name the DOCX writer names for East Asian runs, with a fallback a Windows reader has. */
export const DOCX_FONTS = { eastAsia: 'Noto Sans SC', eastAsiaFallback: 'Microsoft YaHei', latin: 'Noto Sans SC', latinEn: 'Noto Sans' } as const;

/**
 * The order for one document: English documents put the first Latin family (Noto Sans) before the
 * first CJK one, so Latin text is set in a Latin design; Chinese documents keep the configured order.
 */
export function familiesFor(spec: FontChainSpec, locale: string): readonly FamilySource[] {
  const fams = spec.families;
  if (locale === 'zh-CN') return fams;
  const latin = fams.findIndex((f) => f.id === 'noto-sans');
  const cjk = fams.findIndex((f) => f.eastAsia);
  if (latin < 0 || cjk < 0 || latin < cjk) return fams;
  const out = fams.slice();
  out.splice(cjk, 0, ...out.splice(latin, 1));
  return out;
}

/** What identifies the fonts of a build (package versions and configured files): a build input. */
export function fontsFingerprint(spec: FontChainSpec = DEFAULT_CHAIN): string {
  return spec.families.map((f) => `${f.id}@${versionOf(f.regular)}`).join(',');
}

function versionOf(file: string): string {
  const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
  if (!m) {
    try {
      const st = statSync(file);
      return `${file}:${st.size}:${st.mtimeMs}`;
    } catch {
      return file;
    }
  }
  try {
    return (require(`${(m[1] ?? '').replace(/\\/g, '/')}/package.json`) as { version: string }).version;
  } catch {
    return file;
  }
}
