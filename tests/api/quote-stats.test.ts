// quoteStats counts in two steps (per article, then per bucket): its buckets must be those of the
// plain one-step GROUP BY over every quote, for every mix of article and quote dimensions.
import { ActorKind } from '../../src/actor/actor.entity';
import { buildCorpus } from '../setup/corpus-builder';
import { startTestApp, type TestApp } from '../setup/test-app';

const COLUMNS: Record<string, string> = {
  OUTLET: `o.name`,
  MONTH: `to_char(a.published_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
  ANONYMITY: `s.anonymity::text`,
  SOURCE_KIND: `s.kind::text`,
  ACTOR: `ac.name`,
};
const FIELDS: Record<string, string> = {
  OUTLET: 'outlet { name }',
  MONTH: 'month',
  ANONYMITY: 'anonymity',
  SOURCE_KIND: 'sourceKind',
  ACTOR: 'actor { name }',
};

describe('quoteStats', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await buildCorpus(app.database.dataSource, {
      outlets: [
        { key: 'one', name: 'One', domain: 'one.example' },
        { key: 'two', name: 'Two', domain: 'two.example' },
      ],
      actors: [
        { name: 'France', kind: ActorKind.STATE },
        { name: 'Leader', kind: ActorKind.PERSON, affiliation: 'France' },
      ],
      questions: [],
      articles: Array.from({ length: 12 }, (_, i) => ({
        key: `a${i}`,
        title: `Article ${i}`,
        outlet: i % 3 === 2 ? undefined : i % 2 ? 'one' : 'two',
        publishedAt: i % 5 === 4 ? undefined : new Date(Date.UTC(2024, i % 4, 1 + i)).toISOString(),
        intro: `France and Leader were named in article ${i}.`,
        quotes: [
          { text: `First quote ${i}.`, source: 'Leader' },
          ...(i % 2 ? [{ text: `Second quote ${i}.`, source: 'an official from France', affiliation: 'France' }] : []),
          ...(i % 4 === 0 ? [{ text: `Third quote ${i}.`, source: 'analysts' }] : []),
        ],
      })),
    });
  });

  afterAll(() => app.close());

  /** The buckets as the one-step GROUP BY over every quote finds them. */
  async function expected(dimensions: string[], where = 'true'): Promise<{ count: unknown; key: unknown[] }[]> {
    const columns = dimensions.map((d) => COLUMNS[d]);
    const rows: Record<string, unknown>[] = await app.database.dataSource.query(
      `SELECT count(*)::int AS count${columns.map((c, i) => `, ${c} AS d${i}`).join('')}
       FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
       LEFT JOIN sources s ON s.id = q.source_id LEFT JOIN actors ac ON ac.id = s.actor_id
       WHERE ${where} ${columns.length ? `GROUP BY ${columns.map((_, i) => i + 2).join(', ')}` : ''}`,
    );
    return rows.map((row) => ({ count: row.count, key: dimensions.map((_, i) => row[`d${i}`] ?? null) }));
  }

  const keyOf = (bucket: Record<string, unknown>, dimensions: string[]) =>
    dimensions.map((d) => {
      const value =
        bucket[
          { OUTLET: 'outlet', MONTH: 'month', ANONYMITY: 'anonymity', SOURCE_KIND: 'sourceKind', ACTOR: 'actor' }[
            d
          ] as string
        ];
      return value && typeof value === 'object' ? (value as { name: string }).name : (value ?? null);
    });

  const sorted = (buckets: { count: unknown; key: unknown[] }[]) =>
    [...buckets].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

  test.each([
    [['OUTLET', 'MONTH'], null, 'true'],
    [['OUTLET', 'ANONYMITY', 'MONTH'], null, 'true'],
    [['ACTOR', 'SOURCE_KIND'], null, 'true'],
    [['MONTH', 'ANONYMITY'], '{ anonymity: ANONYMOUS }', `s.anonymity = 'ANONYMOUS'`],
    [['OUTLET'], '{ publishedAfter: "2024-02-01T00:00:00Z" }', `a.published_at >= '2024-02-01T00:00:00Z'`],
    [[], null, 'true'],
  ])('grouped by %j with filter %s: the buckets of a plain GROUP BY', async (dimensions, filter, where) => {
    const { data, errors } = await app.graphql(
      `{ quoteStats(groupBy: [${dimensions.join(', ')}]${filter ? `, filter: ${filter}` : ''}) { count ${dimensions.map((d) => FIELDS[d]).join(' ')} } }`,
    );
    expect(errors).toBeUndefined();
    const buckets = (data.quoteStats as Record<string, unknown>[]).map((b) => ({
      count: b.count,
      key: keyOf(b, dimensions),
    }));
    expect(sorted(buckets)).toEqual(sorted(await expected(dimensions, where)));
    const counts = buckets.map((b) => b.count as number);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });
});
