// Bytes of a text file → text. Danish finance exports come as UTF-8 with or without a byte order
// mark, or as Windows-1252 (older systems and Excel's "CSV (semikolonsepareret)"); Excel's "Unicode
// text" is UTF-16 with its byte order mark.
import iconv from 'iconv-lite'
import type { TextEncoding } from './types'

const BYTE_ORDER_MARKS: Array<{ bytes: number[]; encoding: TextEncoding; decoder: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom', decoder: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le', decoder: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be', decoder: 'utf-16be' },
]

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  for (const mark of BYTE_ORDER_MARKS) {
    if (mark.bytes.every((byte, i) => bytes[i] === byte)) {
      return { text: new TextDecoder(mark.decoder).decode(bytes.subarray(mark.bytes.length)), encoding: mark.encoding }
    }
  }
  try {
    // Windows-1252's Danish letters (æ = E6, ø = F8, å = E5) are never valid UTF-8 on their own, so
    // a file that decodes strictly as UTF-8 is UTF-8.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' }
  }
}
