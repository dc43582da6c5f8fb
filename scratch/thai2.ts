import { openFont } from '../src/writers/fonts.js';
const f = openFont('node_modules/@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf');
for (const w of ['สำหรับ', 'ที่', 'สั่ง','น้ำ']) {
  const r = f.layout(w, { ccmp: false } as never);
  console.log(w, r.glyphs.map((g, i) => `${g.name}[${g.codePoints.map((c) => c.toString(16))}] adv=${r.positions[i].xAdvance} dx=${r.positions[i].xOffset} dy=${r.positions[i].yOffset}`).join(' | '));
}
