// A file's bytes as base64, for the import's JSON body. btoa takes a "binary string"; building it
// with one String.fromCharCode(...bytes) call would pass millions of arguments and overflow the
// call stack, so the bytes go in chunks. A chunk holds a multiple of 3 bytes, so each encodes
// without padding and the pieces join into the one encoding of the whole.
const CHUNK_BYTES = 3 * 8192

export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = []
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const chunk = bytes.subarray(start, start + CHUNK_BYTES)
    pieces.push(btoa(String.fromCharCode(...chunk)))
  }
  return pieces.join('')
}
