/**
 * Images are checked once, at the data layer (issue 10): truncated, corrupt, oversized and
 * decompression-bomb PNGs and broken JPEGs are a warning at the image's path:line:col, and the
 * PDF and the DOCX both print the same fallback (the description) — no silent drop, no embedding.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeJob } from '../../src/pipeline/jobs.js';
import { inspectImage, resolveAsset } from '../../src/data/assets.js';
import { ROOT } from '../helpers/cli.js';
import { docxText, pdftotext } from '../helpers/extract.js';

function png(width: number, height: number): Buffer {
  const p = new PNG({ width, height });
  p.data.fill(200);
  return PNG.sync.write(p);
}

/** A PNG chunk with a correct CRC (so only the property under test is wrong). */
function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crcBuf = Buffer.alloc(4);
  crcBuf.writeUInt32BE(crc(Buffer.concat([Buffer.from(type, 'latin1'), body])), 0);
  return Buffer.concat([head, body, crcBuf]);
}
function crc(b: Buffer): number {
  let c = -1;
  for (const byte of b) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ -1) >>> 0;
}
function handMadePng(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
/** A grey 100 × 100 PNG whose deflate stream is cut in half, inside CRC-correct chunks. */
function cutStreamPng(width: number, height: number): Buffer {
  const whole = handMadePng(width, height, Buffer.alloc(height * (width + 1), 7));
  const idatAt = whole.indexOf('IDAT', 0, 'latin1');
  const data = whole.subarray(idatAt + 4, idatAt + 4 + whole.readUInt32BE(idatAt - 4));
  const ihdr = whole.subarray(16, 29);
  return Buffer.concat([whole.subarray(0, 8), chunk('IHDR', Buffer.from(ihdr)), chunk('IDAT', Buffer.from(data.subarray(0, data.length >> 1))), chunk('IEND', Buffer.alloc(0))]);
}
function jpeg(opts: { truncate?: boolean; width?: number } = {}): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x10, 0, 0, 0x01, 0x01, 0x11, 0x00]);
  sof.writeUInt16BE(opts.width ?? 16, 7);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, sos, Buffer.alloc(64, 0x55), opts.truncate ? Buffer.alloc(0) : Buffer.from([0xff, 0xd9])]);
}

const good = png(40, 30);
const CASES: [string, Buffer, RegExp][] = [
  ['a truncated PNG', good.subarray(0, good.length - 30), /is truncated/],
  ['a PNG with a flipped byte in its data', Buffer.from(good).fill(0x00, 60, 61), /is corrupt \(checksum/],
  ['a decompression bomb (100 × 100 declared, 50 MB of data)', handMadePng(100, 100, Buffer.alloc(50 * 1024 * 1024)), /decompresses to more data than its 100 × 100 pixels/],
  ['a PNG whose data is short of its pixels', handMadePng(100, 100, Buffer.alloc(100)), /image data for 100 × 100 pixels is incomplete/],
  ['a PNG whose compressed data stops mid-stream (chunks intact)', cutStreamPng(100, 100), /image data for 100 × 100 pixels is incomplete/],
  // Above 32 MB of declared pixel data the check inflates in counted steps instead of one call.
  ['a bomb in a large image (6,000 × 6,000 declared, 40 MB of data)', handMadePng(6000, 6000, Buffer.alloc(40 * 1024 * 1024)), /decompresses to more data than its 6000 × 6000 pixels/],
  ['a large image short of its pixels', handMadePng(6000, 6000, Buffer.alloc(1000)), /image data for 6000 × 6000 pixels is incomplete/],
  ['a PNG declaring 100,000 × 100,000 pixels', handMadePng(100_000, 100_000, Buffer.alloc(10)), /is 100000 × 100000 pixels; images may have at most 20,000 pixels a side and 40 megapixels/],
  ['a truncated JPEG', jpeg({ truncate: true }), /is truncated \(no end-of-image marker\)/],
  ['a text file named .png', Buffer.from('hello'), /is not a PNG or JPEG file/],
];

describe('inspectImage', () => {
  it('accepts real PNGs and a well-formed JPEG', () => {
    expect(inspectImage(good)).toEqual({ type: 'png', width: 40, height: 30 });
    expect(inspectImage(readFileSync(join(ROOT, 'data/assets/line-layout.png')))).toEqual({ type: 'png', width: 1000, height: 300 });
    expect(inspectImage(jpeg())).toEqual({ type: 'jpg', width: 16, height: 16 });
  });

  it.each(CASES)('%s: refused with a reason, quickly', (_what, bytes, reason) => {
    const started = performance.now();
    const r = inspectImage(bytes);
    expect('error' in r && r.error).toMatch(reason);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('resolveAsset reports the file by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealdoc-img-'));
    writeFileSync(join(dir, 'cut.png'), CASES[0][1]);
    expect(resolveAsset(dir, 'cut.png')).toEqual({ error: '"cut.png" is truncated (a PNG chunk is cut off)' });
  });
});

describe('a bad image in a narrative: one warning, the same fallback in PDF and DOCX', () => {
  let proj: string;
  let result: Awaited<ReturnType<typeof executeJob>>;
  let imageLine: number;
  beforeAll(async () => {
    proj = mkdtempSync(join(tmpdir(), 'dealdoc-imgproj-'));
    cpSync(join(ROOT, 'data'), join(proj, 'data'), { recursive: true });
    writeFileSync(join(proj, 'data/assets/bomb.png'), CASES[2][1]);
    writeFileSync(join(proj, 'data/assets/cut.png'), CASES[0][1]);
    const file = join(proj, 'data/deals/huaxin-aoi-2026.md');
    const text = readFileSync(file, 'utf8').replace('![产线示意](line-layout.png)', '![炸弹图样](bomb.png)\n\n  ![截断图样](cut.png)');
    writeFileSync(file, text);
    imageLine = text.split('\n').findIndex((l) => l.includes('bomb.png')) + 1;
    mkdirSync(join(proj, 'out'));
    result = await executeJob(
      { id: 'huaxin-aoi-2026/proposal', kind: 'deal', doc: 'proposal', dealId: 'huaxin-aoi-2026', file, displayPath: 'data/deals/huaxin-aoi-2026.md', formats: ['pdf', 'docx'] },
      { dataDir: join(proj, 'data'), outDir: join(proj, 'out'), configPath: join(ROOT, 'dealdoc.config.yaml'), formats: ['pdf', 'docx'] },
    );
  }, 60_000);

  it('warns at the Markdown image position, and still writes both files', () => {
    const warnings = result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
    expect(warnings).toEqual([
      `data/deals/huaxin-aoi-2026.md:${imageLine}:1: warning: image "bomb.png" decompresses to more data than its 100 × 100 pixels (a decompression bomb?); printing its description instead`,
      `data/deals/huaxin-aoi-2026.md:${imageLine + 2}:3: warning: image "cut.png" is truncated (a PNG chunk is cut off); printing its description instead`,
    ]);
    expect(result.ok).toBe(true);
    expect(result.outputs.map((o) => o.path)).toEqual(['huaxin-aoi-2026/proposal.pdf', 'huaxin-aoi-2026/proposal.docx']);
  });

  it('the PDF and the DOCX print the same description and embed no image for it', () => {
    const pdf = pdftotext(join(proj, 'out/huaxin-aoi-2026/proposal.pdf'));
    const docx = readFileSync(join(proj, 'out/huaxin-aoi-2026/proposal.docx'));
    const text = docxText(docx);
    for (const alt of ['[炸弹图样]', '[截断图样]']) {
      expect(pdf).toContain(alt);
      expect(text).toContain(alt);
    }
    // Only the logo on the cover is embedded as an image in either file.
    expect(Object.keys(unzipSync(new Uint8Array(docx))).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    const pdfBytes = readFileSync(join(proj, 'out/huaxin-aoi-2026/proposal.pdf')).toString('latin1');
    expect(pdfBytes.match(/\/Subtype \/Image/g)).toHaveLength(1);
  });
});
