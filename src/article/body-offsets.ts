// Converts span offsets that annotation tools count over the body exactly as they sent it (code
// points, UTF-16 units or UTF-8 bytes) into code point offsets of the stored, normalised body.
import { codePointLength } from '../common/code-points';
import { OffsetUnit } from '../import/annotated-article';
import { normaliseBody } from './article-body';

/** Marks a boundary that falls inside a character, or inside a cluster that normalisation rewrote. */
const INSIDE = -1;

/** How many units of each kind one code point takes. */
const UNIT_WIDTH: Readonly<Record<OffsetUnit, (codePoint: number) => number>> = {
  [OffsetUnit.CODE_POINT]: () => 1,
  [OffsetUnit.UTF16]: (codePoint) => (codePoint > 0xffff ? 2 : 1),
  // A lone surrogate counts 3 bytes, as in WTF-8 and as the U+FFFD that TextEncoder puts in its place.
  [OffsetUnit.UTF8]: (codePoint) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint <= 0xffff ? 3 : 4),
};

function codePointOf(character: string): number {
  return character.codePointAt(0) ?? 0;
}

/** Index: an offset in units; value: the code point offset there, or INSIDE when it splits a code point. */
function codePointOffsetsByUnitOffset(text: string, unit: OffsetUnit): Int32Array {
  const widthOf = UNIT_WIDTH[unit];
  let units = 0;
  for (const character of text) units += widthOf(codePointOf(character));
  const codePointOffsets = new Int32Array(units + 1).fill(INSIDE);
  let unitOffset = 0;
  let codePointOffset = 0;
  for (const character of text) {
    codePointOffsets[unitOffset] = codePointOffset;
    unitOffset += widthOf(codePointOf(character));
    codePointOffset += 1;
  }
  codePointOffsets[unitOffset] = codePointOffset;
  return codePointOffsets;
}

/** Index: a code point offset; value: the offset in units there. */
function unitOffsetsByCodePointOffset(text: string, unit: OffsetUnit): Int32Array {
  const widthOf = UNIT_WIDTH[unit];
  const unitOffsets = new Int32Array(codePointLength(text) + 1);
  let codePointOffset = 0;
  for (const character of text) {
    unitOffsets[codePointOffset + 1] = unitOffsets[codePointOffset] + widthOf(codePointOf(character));
    codePointOffset += 1;
  }
  return unitOffsets;
}

/** Looks `offset` up in `boundaries`: null when it is not an integer, out of range, or INSIDE. */
function boundaryAt(boundaries: Int32Array, offset: number): number | null {
  if (!Number.isInteger(offset) || offset < 0 || offset >= boundaries.length) return null;
  const boundary = boundaries[offset];
  return boundary === INSIDE ? null : boundary;
}

/**
 * Reads offsets counted in `unit` over `text` as code point offsets over `text`. The returned
 * function answers null for an offset that is negative, not an integer, past the end, or inside a
 * character (between the halves of a surrogate pair, inside a multi-byte UTF-8 sequence).
 */
export function offsetReader(text: string, unit: OffsetUnit): (offset: number) => number | null {
  // Built once per text so that reading every span of an article stays linear.
  const codePointOffsets = codePointOffsetsByUnitOffset(text, unit);
  return (offset) => boundaryAt(codePointOffsets, offset);
}

/**
 * Writes code point offsets over `text` as offsets counted in `unit`, for exporters. The returned
 * function throws a RangeError for an offset that is not an integer in [0, code point length]:
 * stored spans always are, so anything else is a bug worth hearing about.
 */
export function offsetWriter(text: string, unit: OffsetUnit): (codePointOffset: number) => number {
  const unitOffsets = unitOffsetsByCodePointOffset(text, unit);
  return (codePointOffset) => {
    if (!Number.isInteger(codePointOffset) || codePointOffset < 0 || codePointOffset >= unitOffsets.length) {
      throw new RangeError(`code point offset ${codePointOffset} is outside 0..${unitOffsets.length - 1}`);
    }
    return unitOffsets[codePointOffset];
  };
}

/**
 * One step of the normalisation: the text it produced, and for every code point boundary of the
 * text it was given (length + 1 of them) the boundary of the produced text, or INSIDE.
 */
interface NormalisationStep {
  readonly text: string;
  readonly boundaries: Int32Array;
}

function identityBoundaries(codePoints: number): Int32Array {
  const boundaries = new Int32Array(codePoints + 1);
  for (let offset = 0; offset <= codePoints; offset += 1) boundaries[offset] = offset;
  return boundaries;
}

/** Only the start and the end are known: every boundary in between is INSIDE. */
function endpointBoundaries(codePoints: number, producedCodePoints: number): Int32Array {
  const boundaries = new Int32Array(codePoints + 1).fill(INSIDE);
  boundaries[0] = 0;
  boundaries[codePoints] = producedCodePoints;
  return boundaries;
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * NFC, one grapheme cluster at a time, so that only the boundaries inside a cluster NFC rewrites
 * (e + U+0301 -> é) are lost; clusters it leaves alone (emoji ZWJ sequences, flags) keep all of theirs.
 */
function composeToNfc(text: string): NormalisationStep {
  const composed = text.normalize('NFC');
  if (composed === text) return { text, boundaries: identityBoundaries(codePointLength(text)) };
  const boundaries = new Int32Array(codePointLength(text) + 1).fill(INSIDE);
  const clusters: string[] = [];
  let givenOffset = 0;
  let composedOffset = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    const cluster = segment.normalize('NFC');
    const clusterLength = codePointLength(segment);
    if (cluster === segment) {
      for (let inside = 0; inside < clusterLength; inside += 1)
        boundaries[givenOffset + inside] = composedOffset + inside;
    } else {
      boundaries[givenOffset] = composedOffset;
    }
    clusters.push(cluster);
    givenOffset += clusterLength;
    composedOffset += codePointLength(cluster);
  }
  boundaries[givenOffset] = composedOffset;
  // NFC may in principle reach across a cluster boundary; then only the ends can be trusted.
  if (clusters.join('') !== composed) {
    return { text: composed, boundaries: endpointBoundaries(codePointLength(text), codePointLength(composed)) };
  }
  return { text: composed, boundaries };
}

/**
 * Deletes the UTF-16 ranges [start, end) of `text`. Every boundary inside or at either end of a
 * deleted run maps to where the run was, so a span that ends on deleted white space ends before it.
 */
function deleteRanges(text: string, ranges: Iterable<readonly [number, number]>): NormalisationStep {
  const deleted = new Uint8Array(text.length);
  for (const [start, end] of ranges) deleted.fill(1, start, end);
  const boundaries = new Int32Array(codePointLength(text) + 1);
  const kept: string[] = [];
  let givenOffset = 0;
  let utf16Index = 0;
  let keptOffset = 0;
  for (const character of text) {
    boundaries[givenOffset] = keptOffset;
    if (deleted[utf16Index] === 0) {
      kept.push(character);
      keptOffset += 1;
    }
    givenOffset += 1;
    utf16Index += character.length;
  }
  boundaries[givenOffset] = keptOffset;
  return { text: kept.join(''), boundaries };
}

function* matchedRanges(text: string, pattern: RegExp): Generator<readonly [number, number]> {
  for (const match of text.matchAll(pattern)) yield [match.index, match.index + match[0].length];
}

/** CRLF becomes LF by dropping the CR: the boundaries before and after the CR both land on the LF. */
function dropCarriageReturnsBeforeLineFeeds(text: string): NormalisationStep {
  return deleteRanges(text, matchedRanges(text, /\r(?=\n)/g));
}

/** A lone CR becomes LF, one code point for one. */
function turnCarriageReturnsIntoLineFeeds(text: string): NormalisationStep {
  return { text: text.replace(/\r/g, '\n'), boundaries: identityBoundaries(codePointLength(text)) };
}

/** The same pattern as normaliseBody's, so that the same runs go (JavaScript's multiline `$` included). */
function trimLineEnds(text: string): NormalisationStep {
  return deleteRanges(text, matchedRanges(text, /[^\S\n]+$/gmu));
}

function trimBodyEnd(text: string): NormalisationStep {
  return deleteRanges(text, [[text.trimEnd().length, text.length]]);
}

/** normaliseBody's operations, in its order, each keeping track of where the boundaries went. */
const NORMALISATION_STEPS: readonly ((text: string) => NormalisationStep)[] = [
  composeToNfc,
  dropCarriageReturnsBeforeLineFeeds,
  turnCarriageReturnsIntoLineFeeds,
  trimLineEnds,
  trimBodyEnd,
];

/** Boundaries through `first` and then `second`; INSIDE stays INSIDE. */
function chainBoundaries(first: Int32Array, second: Int32Array): Int32Array {
  return first.map((boundary) => (boundary === INSIDE ? INSIDE : second[boundary]));
}

/** Raised when the steps here no longer produce what normaliseBody does: the two have drifted apart. */
export class BodyOffsetMappingError extends Error {
  override name = 'BodyOffsetMappingError';
}

export interface NormalisedBodyWithOffsets {
  /** Exactly normaliseBody(raw). */
  readonly body: string;
  /**
   * The code point offset in `body` of a code point boundary of raw; null when it is out of range,
   * not an integer, or inside a grapheme cluster that NFC rewrote. A function property rather than
   * a method, so that callers may destructure it.
   */
  readonly offsetOf: (rawCodePointOffset: number) => number | null;
}

/**
 * Normalises `raw` as normaliseBody does (throwing its InvalidBodyError) and maps raw code point
 * offsets onto the body. Throws BodyOffsetMappingError if the mapping's own text disagrees with
 * normaliseBody, rather than hand out offsets into a text that is not the one stored.
 */
export function normalisedBodyWithOffsets(raw: string): NormalisedBodyWithOffsets {
  const body = normaliseBody(raw);
  let text = raw;
  let boundaries = identityBoundaries(codePointLength(raw));
  for (const step of NORMALISATION_STEPS) {
    const result = step(text);
    text = result.text;
    boundaries = chainBoundaries(boundaries, result.boundaries);
  }
  if (text !== body) throw new BodyOffsetMappingError('the offset mapping no longer normalises as normaliseBody does');
  const rawToBody = boundaries;
  return { body, offsetOf: (rawCodePointOffset) => boundaryAt(rawToBody, rawCodePointOffset) };
}
