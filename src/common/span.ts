// Spans are half-open [start, end) ranges of Unicode code points into Article.body.
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'A half-open [start, end) range of Unicode code points in the article body, with its text.',
})
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
