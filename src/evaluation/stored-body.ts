// The body as the server stores it (normaliseBody: NFC, LF, no trailing spaces), and offsets in it
// mapped back onto the original text the way the judges' offset_map (difflib) maps them, so the
// pure pipeline sees what the server's extraction sees and is scored on the gold's offsets.
import { normaliseBody } from '../article/article-body';
import type { CodePoints } from './judge-text';

export interface StoredBody {
  readonly body: string;
  /** A code point offset in the stored body as an offset in the original text. */
  readonly toOriginal: (offset: number) => number;
}

/** How many original code points from `at` compose (NFC) into the stored code point `composed`, or 0. */
function composedLength(original: readonly string[], at: number, composed: string): number {
  for (let k = 2; k <= 4 && at + k <= original.length; k += 1) {
    if (
      original
        .slice(at, at + k)
        .join('')
        .normalize('NFC') === composed
    )
      return k;
  }
  return 0;
}

/**
 * Aligns stored onto original, where the stored text only drops white space and CRs and composes
 * characters. Like difflib's map, an offset where original text was dropped maps to after it,
 * and the end of the stored text to where the dropped tail of the original begins.
 */
function alignment(stored: readonly string[], original: readonly string[]): Int32Array {
  const map = new Int32Array(stored.length + 1);
  let j = 0;
  for (let i = 0; i < stored.length;) {
    if (j >= original.length) {
      map[i] = original.length;
      i += 1;
    } else if (stored[i] === original[j]) {
      map[i] = j;
      i += 1;
      j += 1;
    } else {
      const k = composedLength(original, j, stored[i]);
      if (k) {
        map[i] = j;
        i += 1;
      }
      j += k || 1;
    }
  }
  map[stored.length] = Math.min(j, original.length);
  return map;
}

export function storedBody(original: CodePoints): StoredBody {
  const body = normaliseBody(original.text);
  if (body === original.text) return { body, toOriginal: (offset) => offset };
  const map = alignment(Array.from(body), original.chars);
  return { body, toOriginal: (offset) => map[offset] };
}
