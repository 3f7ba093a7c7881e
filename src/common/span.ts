// Spans are half-open [start, end) ranges of Unicode code points into Article.body.
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A half-open [start, end) range of Unicode code points in the article body, with its text.' })
export class Span {
  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;

  /** The article the span points into, so that `text` can be read when it is not known yet. */
  articleId: string;

  /** Known when the row stores its own text (quotes); otherwise read from the body on demand. */
  knownText?: string;
}

export function spanOf(articleId: string, start: number | null, end: number | null, knownText?: string): Span | null {
  if (start === null || end === null) return null;
  return Object.assign(new Span(), { articleId, start, end, knownText });
}

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
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      codePointAt[i + 1] = codePoints;
      i += 1;
    }
    codePoints += 1;
  }
  codePointAt[text.length] = codePoints;
  return (utf16Index) => codePointAt[utf16Index];
}
