import { IsInt, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { queryRow, sql } from '../database/sql';
import { AppError } from '../errors/app-error';

@InputType({ description: 'A half-open [start, end) range of Unicode code points in the article body.' })
export class SpanInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  start: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  end: number;
}

/** A span must be non-empty and inside its article's body; BAD_USER_INPUT naming `field` if not. */
export async function checkSpan(db: EntityManager, articleId: string, span: SpanInput, field: string): Promise<void> {
  if (span.start < 0 || span.end <= span.start) {
    throw AppError.badInput(`${field} must be non-empty: 0 <= start < end (got [${span.start}, ${span.end}))`, field);
  }
  // A fragment rather than the Article repository: common/ imports no feature.
  const article = await queryRow<{ body_length: number }>(
    db,
    sql`SELECT body_length FROM articles WHERE id = ${sql.value(articleId)}`,
  );
  if (article && span.end > article.body_length) {
    throw AppError.badInput(
      `${field} ends at ${span.end}, past the end of the body (${article.body_length} code points)`,
      field,
    );
  }
}
