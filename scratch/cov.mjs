import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
const files = process.argv.slice(2);
const fonts = files.map(f => fontkit.create(readFileSync(f)));
const s = '✓✔✗✘☐☑★☆→←↑↓⇒⇔∑∫∞≤≥≈≠√∂∆∇∈∉⊂∪∩⌀⏚⚡⚠♻①⑴㎜㎡‰℃℉Ω℧µ±°×÷σΔẞἀρχή✅❌⭐🔧⌘⎓⏻☎✉⚙⊕⊗∠⊥∥≅≡∝ℏ√∛ℓ⩽⩾⟶⟹';
for (const ch of s) { const cp = ch.codePointAt(0); const has = fonts.map((f,i)=>f.hasGlyphForCodePoint(cp)?i:'-').join(''); console.log(ch, cp.toString(16), has); }
for (const [i,f] of fonts.entries()) console.log(i, files[i].split('/').pop(), f.numGlyphs, 'glyf' in f.directory.tables, 'CFF ' in f.directory.tables, f.familyName);
