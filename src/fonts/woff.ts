/** WOFF 1.0 unpacking (zlib only): the fontsource packages ship WOFF, the PDF subsetter reads TrueType. */
import { inflateSync } from 'node:zlib';

/** WOFF 1.0 → the TrueType/OpenType file it wraps (tables inflated, same order). */
export function unwrapWoff(data: Buffer): Buffer {
  if (data.length < 44 || data.readUInt32BE(0) !== 0x774f4646) return data;
  const flavor = data.readUInt32BE(4);
  const numTables = data.readUInt16BE(12);
  const entries: { tag: number; body: Buffer; checksum: number }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + 20 * i;
    const tag = data.readUInt32BE(at);
    const offset = data.readUInt32BE(at + 4);
    const compLength = data.readUInt32BE(at + 8);
    const origLength = data.readUInt32BE(at + 12);
    const raw = data.subarray(offset, offset + compLength);
    const body = compLength < origLength ? inflateSync(raw) : raw;
    if (body.length !== origLength) throw new Error('WOFF table length mismatch');
    entries.push({ tag, body, checksum: data.readUInt32BE(at + 16) });
  }
  let size = 12 + 16 * numTables;
  for (const e of entries) size += (e.body.length + 3) & ~3;
  const out = Buffer.alloc(size);
  const pow = 2 ** Math.floor(Math.log2(numTables));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(pow * 16, 6);
  out.writeUInt16BE(Math.log2(pow), 8);
  out.writeUInt16BE(numTables * 16 - pow * 16, 10);
  let at = 12 + 16 * numTables;
  entries.forEach((e, i) => {
    const rec = 12 + 16 * i;
    out.writeUInt32BE(e.tag, rec);
    out.writeUInt32BE(e.checksum, rec + 4);
    out.writeUInt32BE(at, rec + 8);
    out.writeUInt32BE(e.body.length, rec + 12);
    e.body.copy(out, at);
    at += (e.body.length + 3) & ~3;
  });
  return out;
}
