// What the judges (../shared/eval/tools/*.py) do with text, in their Python semantics: offsets count
// code points, a span is half open, and Python's \w is Unicode (letters, numbers, underscore).

/** [start, end) in code points. */
export type Span = readonly [number, number];

/** A text as code points, so that offsets and slices agree with Python's str. */
export class CodePoints {
  readonly chars: readonly string[];

  constructor(readonly text: string) {
    this.chars = Array.from(text);
  }

  get length(): number {
    return this.chars.length;
  }

  slice(start: number, end: number): string {
    return this.chars.slice(Math.max(0, start), Math.max(0, end)).join('');
  }
}

/** Python's \w inside a character class. */
export const WORD_CHAR = String.raw`\p{L}\p{N}_`;

const EDGE = new Set(Array.from(' \t\n,.;:!?—–-"“”‘’\''));

/** The judges' trim(): edge punctuation and white space off both ends. */
export function trimSpan(text: CodePoints, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && EDGE.has(text.chars[s])) s += 1;
  while (e > s && EDGE.has(text.chars[e - 1])) e -= 1;
  return [s, e];
}

/** The judges' overlap(): the shared length over the longer span (at least 1). */
export function overlap(a: Span, b: Span): number {
  const shared = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  return shared / Math.max(a[1] - a[0], b[1] - b[0], 1);
}

/** Python's `x in range_list` for `c[0] <= s[0] and s[1] <= c[1]`. */
export function inside(span: Span, outer: Span): boolean {
  return outer[0] <= span[0] && span[1] <= outer[1];
}

/**
 * Python's `sorted(tuples, reverse=True)` for tuples of numbers: the judges break ties between
 * equal overlaps by the later prediction and gold, and the figures depend on it.
 */
export function compareTuplesDescending(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}

export function ratio(numerator: number, denominator: number): number {
  return denominator ? numerator / denominator : 0;
}

export interface PrecisionRecall {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function precisionRecall(truePositives: number, predicted: number, gold: number): PrecisionRecall {
  const precision = ratio(truePositives, predicted);
  const recall = ratio(truePositives, gold);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
