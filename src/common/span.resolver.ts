import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { queryRows, sql } from '../database/sql';
import type { Context } from './context';
import { Span } from './span';

/** The text at many spans in one statement: PostgreSQL's substr counts code points, as spans do. */
function spanTexts(ctx: Context): DataLoader<Span, string, string> {
  return ctx.loaders.get(
    'spanTexts',
    () =>
      new DataLoader<Span, string, string>(
        async (spans) => {
          const [articleIds, starts, stops] = [
            spans.map((s) => s.articleId),
            spans.map((s) => s.start),
            spans.map((s) => s.end),
          ];
          const rows = await queryRows<{ i: string; text: string }>(
            ctx.db,
            sql`SELECT k.i::text AS i, substr(a.body, k.start + 1, k.stop - k.start) AS text
              FROM unnest(${sql.value(articleIds)}::uuid[], ${sql.value(starts)}::int[], ${sql.value(stops)}::int[]) WITH ORDINALITY AS k(article_id, start, stop, i)
              JOIN articles a ON a.id = k.article_id`,
          );
          const byIndex = new Map(rows.map((row) => [Number(row.i) - 1, row.text]));
          return spans.map((_, i) => byIndex.get(i) ?? '');
        },
        { cacheKeyFn: (span) => `${span.articleId}:${span.start}:${span.end}` },
      ),
  );
}

@Resolver(() => Span)
export class SpanResolver {
  @FieldResolver(() => String)
  text(@Root() span: Span, @Ctx() ctx: Context): Promise<string> | string {
    return span.knownText ?? spanTexts(ctx).load(span);
  }
}
