// The variables the benchmarks' reads take over a generated corpus: NATO's global id, and the
// cursor of the row halfway down the default quote order, as a client paging there would hold.
import type { DataSource } from 'typeorm';
import { encodeCursor } from '../../src/common/cursor';
import { queryRows, sql } from '../../src/database/sql';
import { QUOTE_ORDER_KEYS, QuoteOrder } from '../../src/quote/quote.types';

export async function benchQueryVariables(
  dataSource: DataSource,
  quoteCount: number,
): Promise<Record<string, unknown>> {
  const [nato] = await queryRows<{ id: string }>(dataSource.manager, sql`SELECT id FROM actors WHERE name = 'NATO'`);
  const natoId = Buffer.from(`Actor:${nato.id}`).toString('base64url');
  // The cursor of the row halfway down the default quote order, as a client paging there would hold.
  const keys = QUOTE_ORDER_KEYS[QuoteOrder.PUBLISHED_AT_DESC];
  const [middle] = await queryRows<Record<string, string>>(
    dataSource.manager,
    sql`SELECT ${sql.join(
      keys.map((k, i) => sql`(${k.sql})::text AS ${sql.identifier(`k${i}`)}`),
      ', ',
    )}
        FROM quotes q JOIN articles a ON a.id = q.article_id
        ORDER BY ${sql.join(
          keys.map((k) => sql`${k.sql} DESC`),
          ', ',
        )} OFFSET ${sql.value(Math.floor(quoteCount / 2))} LIMIT 1`,
  );
  return { nato: natoId, deep: encodeCursor(Object.values(middle)) };
}
