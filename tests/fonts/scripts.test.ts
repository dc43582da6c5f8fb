/**
 * Every script an exporter meets (issue 13): a Vietnamese customer with a Thai plant, Korean and
 * Japanese competitors, Greek letters, symbols and emoji — built by the CLI to PDF and DOCX
 * (proposal and brief, Chinese and English documents), every string read back intact.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { docxText, docxXml, pdffonts, pdftotext } from '../helpers/extract.js';
import { need } from '../helpers/prereqs.js';

const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures/bacninh-multiscript-2027.md'), 'utf8');

/** Strings a reader must find in the proposal (customer-facing fields and narrative). */
const PROPOSAL = [
  'Công ty TNHH Điện tử Bắc Ninh',
  'Nhà máy Hải Phòng và โรงงานระยอง (Rayong plant)',
  'Yêu cầu độ chính xác 3σ, Δh ≤ 5 µm, điện trở 10 kΩ ± 1 %, nhiệt độ 25 °C ± 0.5 °C',
  'Straße → STRAẞE; ἀρχή καὶ τέλος; ⌀ 0.4 mm; ☐ ✗ ✓',
  'การตรวจด้วยสายตาพลาดข้อบกพร่อง',
  'AOI 3D trực tuyến sau lò ✅',
  'โรงงานระยองผลิตแผงวงจรอิเล็กทรอนิกส์สำหรับอุตสาหกรรมยานยนต์และต้องการระบบตรวจสอบแบบสามมิติที่แม่นยำสูงเพื่อลดของเสียและเพิ่มผลผลิตของสายการผลิตทั้งหมดในปีหน้า',
  'ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự',
  '협력사 한국정밀은 한국 고객을 지원합니다.',
  '日本の協力会社はオムロンと競合しています。',
  'khởi đầu ✅',
];
/** Internal fields: only in the brief. */
const BRIEF = [
  'Công ty TNHH Điện tử Bắc Ninh',
  'Nguyễn Thị Hằng',
  'Trưởng phòng Kỹ thuật — ผู้ประสานงาน',
  '한화정밀기계 (Hanwha Precision)',
  'オムロン株式会社 (Omron)',
  'ブランド力が高い',
  'ยังไม่มีทีมบริการในระยอง',
  '한국 고객의 추적 요구',
  'オムロンの値下げ',
];

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

let project: string;
let build: ReturnType<typeof runCli>;
const out = (id: string, file: string) => join(project, 'out', id, file);

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'dealdoc-scripts-'));
  cpSync(join(ROOT, 'data/receivables'), join(project, 'data/receivables'), { recursive: true });
  cpSync(join(ROOT, 'data/assets'), join(project, 'data/assets'), { recursive: true });
  cpSync(join(ROOT, 'dealdoc.config.yaml'), join(project, 'dealdoc.config.yaml'));
  mkdirSync(join(project, 'data/deals'), { recursive: true });
  writeFileSync(join(project, 'data/deals/bacninh-multiscript-2027.md'), FIXTURE);
  writeFileSync(join(project, 'data/deals/bacninh-multiscript-en.md'), FIXTURE.replace('id: bacninh-multiscript-2027\nlocale: zh-CN', 'id: bacninh-multiscript-en\nlocale: en'));
  build = runCli(['build', '--only', 'bacninh-multiscript-2027', 'bacninh-multiscript-en'], { cwd: project });
}, 120_000);

describe('a deal mixing Vietnamese, Thai, Korean, Japanese, Greek, symbols and emoji', () => {
  it('builds with exit 0 and no diagnostics', () => {
    expect(build.stderr).not.toMatch(/cannot be printed|error/i);
    expect(build.code).toBe(0);
  });

  for (const id of ['bacninh-multiscript-2027', 'bacninh-multiscript-en']) {
    it(`${id}: every string reads back from the PDFs (pdftotext)`, () => {
      const proposal = squash(pdftotext(out(id, 'proposal.pdf')));
      for (const s of PROPOSAL) expect(proposal, s).toContain(squash(s));
      const brief = squash(pdftotext(out(id, 'swot-brief.pdf')));
      for (const s of BRIEF) expect(brief, s).toContain(squash(s));
      // Internal fields stay out of the proposal, whatever their script.
      for (const s of ['한화정밀기계', 'オムロン株式会社', 'Nguyễn Thị Hằng', 'ผู้ประสานงาน']) expect(proposal).not.toContain(squash(s));
    });

    it(`${id}: every string is in the DOCX text`, () => {
      const proposal = squash(docxText(readFileSync(out(id, 'proposal.docx'))));
      for (const s of PROPOSAL) expect(proposal, s).toContain(squash(s));
      const brief = squash(docxText(readFileSync(out(id, 'swot-brief.docx'))));
      for (const s of BRIEF) expect(brief, s).toContain(squash(s));
    });
  }

  it('embeds a subset of each family the text needs, and no other', () => {
    const fonts = pdffonts(out('bacninh-multiscript-2027', 'proposal.pdf'));
    for (const f of ['NotoSansSC-Regular', 'NotoSans-Regular', 'NotoSansThai-Regular', 'NotoSansKR-Regular', 'NotoSansMath-Regular', 'NotoSansSymbols2-Regular', 'NotoEmoji-Regular']) {
      expect(fonts, f).toMatch(new RegExp(`\\+${f}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    }
    // Kana are in Noto Sans SC: a Chinese document does not need Noto Sans JP.
    expect(fonts).not.toContain('NotoSansJP');
    // English documents set Latin text in Noto Sans.
    const en = pdffonts(out('bacninh-multiscript-en', 'proposal.pdf'));
    expect(en).toMatch(/NotoSans-Regular/);
  });

  it('Thai breaks between words, never inside one', () => {
    const text = pdftotext(out('bacninh-multiscript-2027', 'proposal.pdf'));
    const line = text.split('\n').find((l) => l.startsWith('โรงงานระยองผลิต'))!;
    expect(line).toBeDefined();
    // The 150-character sentence does not fit on one line, and the first line ends at a word boundary.
    expect(line.length).toBeLessThan(140);
    const words = Array.from(new Intl.Segmenter('th', { granularity: 'word' }).segment(PROPOSAL.find((p) => p.startsWith('โรงงานระยองผลิต'))!), (s) => s.segment);
    let acc = '';
    const ends = new Set<number>();
    for (const w of words) ends.add((acc += w).length);
    expect(ends.has(line.trimEnd().length), line).toBe(true);
  });

  it('DOCX runs name the family and language of their script', () => {
    const xml = docxXml(readFileSync(out('bacninh-multiscript-2027', 'proposal.docx')));
    const runOf = (text: string) => {
      const at = xml.indexOf(text);
      expect(at, text).toBeGreaterThan(0);
      return xml.slice(xml.lastIndexOf('<w:r>', at), at);
    };
    expect(runOf('โรงงานระยองผลิต')).toMatch(/<w:rFonts w:ascii="Noto Sans Thai" w:cs="Noto Sans Thai" w:eastAsia="Noto Sans Thai" w:hAnsi="Noto Sans Thai"\/>.*<w:lang w:bidi="th-TH"\/>/);
    expect(runOf('협력사')).toMatch(/w:eastAsia="Noto Sans KR".*<w:lang w:eastAsia="ko-KR"\/>/);
    expect(runOf('✅')).toMatch(/w:ascii="Noto Emoji"/);
    expect(runOf('ἀ')).toMatch(/w:hAnsi="Noto Sans"/);
    // Chinese text the default fonts print carries no override.
    expect(runOf('我们的方案')).not.toContain('rFonts');
  });

  it(
    'LibreOffice prints the DOCX with the same text',
    () => {
      need('libreoffice-writer', 'poppler');
      // Point fontconfig at the npm fonts, as a reader with the fonts installed would have them.
      const dir = mkdtempSync(join(tmpdir(), 'dealdoc-lo-fonts-'));
      const conf = join(dir, 'fonts.conf');
      writeFileSync(
        conf,
        `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
          `<dir>${join(ROOT, 'node_modules/@expo-google-fonts')}</dir><dir>${join(ROOT, 'node_modules/@fontsource')}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
      );
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out('bacninh-multiscript-2027', 'proposal.docx')], {
        stdio: 'ignore',
        timeout: 120_000,
        env: { ...process.env, FONTCONFIG_FILE: conf },
      });
      // LibreOffice's own PDF export writes some Thai marks after the next letter: compare without marks there.
      const noMarks = (t: string) => squash(t).replace(/\p{M}/gu, '');
      const text = noMarks(pdftotext(join(dir, 'proposal.pdf')));
      for (const s of PROPOSAL) expect(text, s).toContain(noMarks(s));
      const fonts = pdffonts(join(dir, 'proposal.pdf'));
      expect(fonts).toMatch(/NotoSansThai/);
      expect(fonts).toMatch(/NotoSansKR/);
    },
    150_000,
  );
});
