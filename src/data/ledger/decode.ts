/**
 * Bytes → text for ledger files. Excel on zh-CN Windows saves "CSV" in GBK (cp936), "CSV UTF-8"
 * with a BOM, and ERPs write either. Strict UTF-8 is tried first because GB18030 decodes almost
 * any byte sequence, UTF-8 included, into silent mojibake — so GB18030 only gets what UTF-8 refuses.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type Decoded = { text: string; encoding: TextEncoding } | { error: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeText(bytes: Uint8Array): Decoded {
  // UTF-16 with a byte-order mark: Excel's "Unicode text" export (tab-separated), LE or BE.
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (le || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    try {
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
      return checked(text, le ? 'utf-16le' : 'utf-16be');
    } catch {
      return { error: `the file starts with a UTF-16 ${le ? 'LE' : 'BE'} byte-order mark but is not valid UTF-16` };
    }
  }
  try {
    // fatal: any invalid sequence throws instead of becoming U+FFFD; the BOM is dropped by default.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return checked(text, 'utf-8');
  } catch {
    // fall through to GB18030
  }
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    return { error: 'the file starts with a UTF-8 byte-order mark but is not valid UTF-8' };
  }
  return checked(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), 'gb18030');
}

/** Invalid GB18030 sequences become U+FFFD, and NUL never occurs in text: either means the bytes are not text we can read. */
function checked(text: string, encoding: TextEncoding): Decoded {
  if (text.includes('\uFFFD') && encoding === 'gb18030') return { error: 'the file is neither valid UTF-8 nor GB18030' };
  if (text.includes('\u0000')) return { error: 'the file contains NUL bytes; it is not a text CSV' };
  return { text: text.replace(/^\uFEFF/, ''), encoding };
}
