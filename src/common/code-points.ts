// Spans count Unicode code points; JavaScript strings index UTF-16 units. These convert.

/** Code points of `text` from `start` to `end`; JavaScript string indexes count UTF-16 units. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

/** Converts UTF-16 indexes of `text` (what JavaScript gives) to code point offsets (what spans use). */
export function codePointIndexer(text: string): (utf16Index: number) => number {
  const codePointAt = new Int32Array(text.length + 1);
  let codePoints = 0;
  for (let i = 0; i < text.length; i += 1) {
    codePointAt[i] = codePoints;
    const unit = text.charCodeAt(i);
    // A high surrogate and the low one after it are one code point.
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      codePointAt[i + 1] = codePoints;
      i += 1;
    }
    codePoints += 1;
  }
  codePointAt[text.length] = codePoints;
  return (utf16Index) => codePointAt[utf16Index];
}
