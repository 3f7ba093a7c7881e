import { normaliseBody } from '../../src/article/article-body';
import { normalisedBodyWithOffsets, offsetReader, offsetWriter } from '../../src/article/body-offsets';
import { codePointLength, sliceCodePoints } from '../../src/common/code-points';
import { OffsetUnit } from '../../src/import/annotated-article';

// 25 code points: a waving hand with a skin-tone modifier (two astral code points, one grapheme)
// and "cafe" with a decomposed acute accent, between curly quotes (3 bytes each in UTF-8).
const SENT = 'Zelensky 👋🏽 said “cafe\u0301”.';

const ALL_UNITS = [OffsetUnit.CODE_POINT, OffsetUnit.UTF16, OffsetUnit.UTF8];

function mapSpan(map: (offset: number) => number | null, start: number, end: number): [number | null, number | null] {
  return [map(start), map(end)];
}

describe('offsetReader', () => {
  test.each([
    [OffsetUnit.CODE_POINT, 9, 11],
    [OffsetUnit.UTF16, 9, 13],
    [OffsetUnit.UTF8, 9, 17],
  ])('reads the emoji with its skin tone, given in %s as [%d, %d), as code points [9, 11)', (unit, start, end) => {
    const span = mapSpan(offsetReader(SENT, unit), start, end);
    expect(span).toEqual([9, 11]);
    expect(sliceCodePoints(SENT, 9, 11)).toBe('👋🏽');
  });

  test.each([
    [OffsetUnit.CODE_POINT, 18, 23],
    [OffsetUnit.UTF16, 20, 25],
    [OffsetUnit.UTF8, 26, 32],
  ])('reads the decomposed word, given in %s as [%d, %d), as code points [18, 23)', (unit, start, end) => {
    expect(mapSpan(offsetReader(SENT, unit), start, end)).toEqual([18, 23]);
    expect(sliceCodePoints(SENT, 18, 23)).toBe('cafe\u0301');
  });

  test('reads the boundary between the hand and its skin tone, which is a code point boundary', () => {
    expect(offsetReader(SENT, OffsetUnit.UTF16)(11)).toBe(10);
    expect(offsetReader(SENT, OffsetUnit.UTF8)(13)).toBe(10);
  });

  test('answers null for a UTF-16 offset between the two halves of a surrogate pair', () => {
    const read = offsetReader(SENT, OffsetUnit.UTF16);
    expect([read(10), read(12)]).toEqual([null, null]);
  });

  test('answers null for a UTF-8 offset inside a multi-byte sequence', () => {
    const read = offsetReader(SENT, OffsetUnit.UTF8);
    // Inside the hand (4 bytes), the skin tone (4), the opening quote (3) and the accent (2).
    expect([10, 11, 12, 14, 15, 16, 24, 25, 31].map(read)).toEqual(Array(9).fill(null));
  });

  test.each([
    [OffsetUnit.CODE_POINT, 25],
    [OffsetUnit.UTF16, 27],
    [OffsetUnit.UTF8, 36],
  ])('in %s reads the end %d and answers null past it, below zero and between integers', (unit, end) => {
    const read = offsetReader(SENT, unit);
    expect([read(0), read(end), read(end + 1), read(-1), read(1.5), read(Number.NaN)]).toEqual([
      0,
      25,
      null,
      null,
      null,
      null,
    ]);
  });

  test('reads the empty text: only offset 0', () => {
    for (const unit of ALL_UNITS) expect([offsetReader('', unit)(0), offsetReader('', unit)(1)]).toEqual([0, null]);
  });
});

describe('offsetWriter', () => {
  test('writes every code point boundary as its UTF-16 index and its UTF-8 byte count', () => {
    const utf16 = offsetWriter(SENT, OffsetUnit.UTF16);
    const utf8 = offsetWriter(SENT, OffsetUnit.UTF8);
    for (let boundary = 0; boundary <= 25; boundary += 1) {
      const prefix = sliceCodePoints(SENT, 0, boundary);
      expect([utf16(boundary), utf8(boundary)]).toEqual([prefix.length, Buffer.byteLength(prefix, 'utf8')]);
    }
  });

  test.each(ALL_UNITS)('inverts offsetReader at every code point boundary in %s', (unit) => {
    const read = offsetReader(SENT, unit);
    const write = offsetWriter(SENT, unit);
    const roundTrips = Array.from({ length: 26 }, (_, boundary) => read(write(boundary)));
    expect(roundTrips).toEqual(Array.from({ length: 26 }, (_, boundary) => boundary));
  });

  test('throws a RangeError for an offset outside the text', () => {
    const write = offsetWriter(SENT, OffsetUnit.UTF8);
    expect(() => write(26)).toThrow(new RangeError('code point offset 26 is outside 0..25'));
    expect(() => write(-1)).toThrow(RangeError);
    expect(() => write(0.5)).toThrow(RangeError);
  });
});

describe('normalisedBodyWithOffsets', () => {
  // Raw code points: "Zelensky said " 0-13, “ 14, c a f e 15-18, U+0301 19, ” 20, "." 21, two spaces
  // 22-23, CR 24, LF 25, "Next line" 26-34, tab 35, space 36, CR LF 37-38, "Last" 39-42, then CR LF,
  // CR LF, two spaces, CR LF (43-50): 51 code points.
  const RAW = 'Zelensky said “cafe\u0301”.  \r\nNext line\t \r\nLast\r\n\r\n  \r\n';
  const BODY = 'Zelensky said “café”.\nNext line\nLast';

  test('produces exactly what normaliseBody does', () => {
    expect(normalisedBodyWithOffsets(RAW).body).toBe(normaliseBody(RAW));
    expect(normalisedBodyWithOffsets(RAW).body).toBe(BODY);
  });

  test('maps a span around the decomposed word onto the composed word', () => {
    const { body, offsetOf } = normalisedBodyWithOffsets(RAW);
    expect(mapSpan(offsetOf, 15, 20)).toEqual([15, 19]);
    expect(sliceCodePoints(body, 15, 19)).toBe('café');
  });

  test('answers null between the e and the combining accent that NFC composes with it', () => {
    expect(normalisedBodyWithOffsets(RAW).offsetOf(19)).toBeNull();
  });

  test('maps the trailing spaces, the CR and the boundary before the LF all to the LF', () => {
    const { offsetOf } = normalisedBodyWithOffsets(RAW);
    expect([21, 22, 23, 24, 25, 26].map(offsetOf)).toEqual([20, 21, 21, 21, 21, 22]);
  });

  test('maps a span over a line with its trailing white space and CR onto the line, and with its LF onto line and LF', () => {
    const { body, offsetOf } = normalisedBodyWithOffsets(RAW);
    expect(mapSpan(offsetOf, 26, 38)).toEqual([22, 31]);
    expect(sliceCodePoints(body, 22, 31)).toBe('Next line');
    expect(mapSpan(offsetOf, 26, 39)).toEqual([22, 32]);
    expect(sliceCodePoints(body, 22, 32)).toBe('Next line\n');
  });

  test('maps every boundary in the trailing blank lines to the end of the body, and nothing past raw', () => {
    const { offsetOf } = normalisedBodyWithOffsets(RAW);
    const trailing = Array.from({ length: 9 }, (_, index) => offsetOf(43 + index));
    expect(trailing).toEqual(Array(9).fill(36));
    expect([offsetOf(52), offsetOf(-1), offsetOf(2.5)]).toEqual([null, null, null]);
  });

  test('maps every boundary of an already normalised body to itself', () => {
    const raw = 'Zelensky 👋🏽 said “café”.\n\tNext 🇺🇦 line 👩‍👩‍👧';
    const { body, offsetOf } = normalisedBodyWithOffsets(raw);
    expect(body).toBe(raw);
    const boundaries = Array.from({ length: codePointLength(raw) + 1 }, (_, boundary) => boundary);
    expect(boundaries.map(offsetOf)).toEqual(boundaries);
  });

  test('keeps every boundary inside emoji sequences NFC leaves alone, in a body NFC changes elsewhere', () => {
    // e U+0301 0-1, space 2, family (woman ZWJ woman ZWJ girl) 3-7, space 8, flag 9-10.
    const { body, offsetOf } = normalisedBodyWithOffsets('e\u0301 👩‍👩‍👧 🇺🇦');
    expect(body).toBe('é 👩‍👩‍👧 🇺🇦');
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(offsetOf)).toEqual([0, null, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('turns a lone CR into LF one for one', () => {
    const { body, offsetOf } = normalisedBodyWithOffsets('a\rb');
    expect(body).toBe('a\nb');
    expect([0, 1, 2, 3].map(offsetOf)).toEqual([0, 1, 2, 3]);
  });

  test('throws normaliseBody’s error for a body with a control character', () => {
    expect(() => normalisedBodyWithOffsets('a\u0000b')).toThrow('contains the control character U+0000');
  });

  test.each([
    ['mixed', ' Kyiv\u00a0 \r\n“Zele\u0301nsky” 👋🏽\r\rend \u2028 next\t\r\n \n'],
    ['Hangul jamo', '\u1100\u1161\u11a8 said \r\n\r\n'],
    ['accents on every letter', 'a\u0300e\u0301i\u0302 o\u0308\u0301  \r\n'],
    ['blank', ' \r\n\t\n'],
  ])('maps the %s body monotonically from 0 to the end of the body', (_name, raw) => {
    const { body, offsetOf } = normalisedBodyWithOffsets(raw);
    const rawLength = codePointLength(raw);
    expect([offsetOf(0), offsetOf(rawLength)]).toEqual([0, codePointLength(body)]);
    const mapped = Array.from({ length: rawLength + 1 }, (_, boundary) => offsetOf(boundary)).filter(
      (offset): offset is number => offset !== null,
    );
    expect(mapped).toEqual([...mapped].sort((a, b) => a - b));
  });

  test('cuts the body at every mapped boundary so that, less trailing white space, it is normaliseBody of the raw prefix', () => {
    const raw = 'Zele\u0301nsky  said:\r\n“no” 👋🏽 \r\n\r\nend  ';
    const { body, offsetOf } = normalisedBodyWithOffsets(raw);
    let mapped = 0;
    for (let boundary = 0; boundary <= codePointLength(raw); boundary += 1) {
      const offset = offsetOf(boundary);
      if (offset === null) continue;
      mapped += 1;
      expect(sliceCodePoints(body, 0, offset).trimEnd()).toBe(normaliseBody(sliceCodePoints(raw, 0, boundary)));
    }
    // Only the boundary between the e and its accent is lost.
    expect(mapped).toBe(codePointLength(raw));
  });
});
