// Where a byte stream stops being UTF-8. TextDecoder only says that it did; the staff fixing a file
// need the line and byte. Used only after the decoder has refused a chunk, so speed does not matter.

/** How many bytes the sequence led by `lead` has, or 0 when `lead` cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The range the second byte must fall in (it excludes overlong forms, surrogates and > U+10FFFF). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/**
 * The offset of the first byte that starts an invalid sequence (the rules of TextDecoder's fatal
 * mode), or -1. A sequence cut off by the end counts as invalid only when `final`.
 */
export function firstInvalidUtf8(bytes: Uint8Array, final: boolean): number {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes[i]!);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return final ? i : -1;
      const [low, high] = k === 1 ? secondByteRange(bytes[i]!) : [0x80, 0xbf];
      const b = bytes[i + k]!;
      if (b < low || b > high) return i;
    }
    i += length;
  }
  return -1;
}

/** The bytes at the end of a valid stream that begin a character still waiting for the rest. */
export function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const b = bytes[i]!;
    if (b < 0x80) break;
    if (b >= 0xc0) return bytes.length - i < sequenceLength(b) ? bytes.subarray(i) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}
