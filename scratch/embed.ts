import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fontSetFor } from '../src/writers/fonts.js';
import { encodeSubset } from '../src/writers/pdf/subset.js';
import { docxText } from '../tests/helpers/extract.js';
for (const file of process.argv.slice(2)) {
  const text = docxText(readFileSync(file));
  const fonts = fontSetFor(undefined, 'zh-CN');
  const byFace = new Map<number, Set<number>>();
  for (const ch of text) { const cp = ch.codePointAt(0)!; for (const bold of [false, true]) { const f = fonts.face(cp, bold); if (f >= 0) { const font = fonts.font(f); (byFace.get(f) ?? byFace.set(f, new Set()).get(f)!).add(font.glyphForCodePoint(cp).id); } } }
  let total = 0; const parts: string[] = [];
  for (const [face, ids] of byFace) { const glyphs = [0, ...ids]; const inc = (id: number) => { let i = glyphs.indexOf(id); if (i < 0) i = glyphs.push(id) - 1; return i; }; const sub = encodeSubset(fonts.font(face), glyphs, inc); const z = deflateSync(sub).length; total += z; parts.push(`${fonts.pdfName(face)} ${glyphs.length} glyphs ${(z / 1024).toFixed(0)} KB`); }
  console.log(file.split('/').slice(-2).join('/'), 'docx', (readFileSync(file).length / 1024).toFixed(0), 'KB; subsets (regular+bold for every used char, deflated):', (total / 1024).toFixed(0), 'KB;', parts.join(', '));
}
