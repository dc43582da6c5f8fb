import { readFileSync, writeFileSync } from 'node:fs';
import { readDeal } from '../src/data/deals/read.js';
import { fontSetFor } from '../src/writers/fonts.js';
const f = fontSetFor();
for (const ch of 'ắặễἀẞ') console.log(ch, f.families[f.face(ch.codePointAt(0)!, false) >> 1].id);
const text = readFileSync('tests/fonts/fixtures/bacninh-multiscript-2027.md', 'utf8').replace('id: bacninh-multiscript-2027\n', 'id: bad\n').replace('  name: Công ty TNHH Điện tử Bắc Ninh', '  name: Công ty \ue000 Bắc Ninh').replace('stage: evaluation', 'stage: nonsense').replace('Khách hàng Điện tử', 'Khách hàng 𓀀 Điện tử');
writeFileSync('/tmp/bad.md', text);
const r = await readDeal('/tmp/bad.md', 'data/deals/bad.md', { defaultLocale: 'zh-CN' });
console.log(r.diagnostics.map((d) => d.toString()));
