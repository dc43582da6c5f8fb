/**
 * Font bytes are read once into shared memory and handed to worker threads (fonts/open.ts,
 * pipeline/pool.ts): a worker parses the main thread's memory instead of its own 10 MB copy.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FAMILIES } from '../../src/fonts/font-chain.js';
import { adoptFontBytes, fontBytes, fontBytesToShare, parseFontOnce } from '../../src/fonts/open.js';
import { ROOT } from '../helpers/cli.js';
import * as fontkit from 'fontkit';

const sc = BUILTIN_FAMILIES[0]!.regular;
const woff = BUILTIN_FAMILIES.find((f) => f.regular.endsWith('.woff'))!.regular;

describe('shared font bytes', () => {
  it('hold the TrueType font (WOFF unpacked) in a SharedArrayBuffer, offered to workers by path', () => {
    const bytes = fontBytes(sc);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0)).toBe(0x00010000);
    const unpacked = fontBytes(woff);
    expect(unpacked.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(unpacked.subarray(0, 4)).toString('latin1')).not.toBe('wOFF');
    expect(fontBytesToShare()[sc]).toBe(bytes.buffer);
    expect(parseFontOnce(sc, fontkit.create).postscriptName).toBe('NotoSansSC-Regular');
    // Anything but a SharedArrayBuffer is not taken.
    adoptFontBytes({ '/nonexistent.ttf': new ArrayBuffer(8), '/also.ttf': 'x' });
    expect(Object.keys(fontBytesToShare())).not.toContain('/nonexistent.ttf');
  });

  it('are parsed by a worker thread from the same memory', async () => {
    const shared = { [sc]: fontBytes(sc).buffer as SharedArrayBuffer };
    const open = join(ROOT, 'dist/fonts/open.js');
    const code = `
      import { workerData, parentPort } from 'node:worker_threads';
      import { createRequire } from 'node:module';
      const { adoptFontBytes, fontBytes, parseFontOnce } = await import(${JSON.stringify(pathToFileURL(open).href)});
      const fontkit = createRequire(${JSON.stringify(join(ROOT, 'package.json'))})('fontkit');
      adoptFontBytes(workerData.fonts);
      const path = Object.keys(workerData.fonts)[0];
      const same = fontBytes(path).buffer === workerData.fonts[path];
      parentPort.postMessage({ same, name: parseFontOnce(path, fontkit.create).postscriptName });`;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData: { fonts: shared } });
    const reply = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(reply).toEqual({ same: true, name: 'NotoSansSC-Regular' });
  });
});
