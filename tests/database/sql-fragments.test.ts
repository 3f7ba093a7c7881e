// The query shape every hand-written read is built on: conditions stay apart from values, an absent
// filter field adds nothing, and one condition's OR cannot leak into its neighbours.
import { fromWhere, rowSet, where } from '../../src/common/row-set';
import { type SQL, sql } from '../../src/database/sql';

const compiled = (fragment: SQL) => {
  const { text, values } = sql.compile(fragment);
  return { text: text.replace(/\s+/g, ' ').trim(), values };
};

describe('row sets', () => {
  test('rows without conditions read FROM alone', () => {
    expect(compiled(fromWhere(rowSet(sql`quotes q`)))).toEqual({ text: 'FROM quotes q', values: [] });
  });

  test('conditions are parenthesised and joined with AND; a null condition adds nothing', () => {
    const rows = where(
      rowSet(sql`quotes q`),
      sql`q.kind = ${sql.value('DIRECT')} OR q.kind IS NULL`,
      null,
      sql`q.id = ${sql.value('x')}`,
    );
    expect(compiled(fromWhere(rows))).toEqual({
      text: 'FROM quotes q WHERE (q.kind = $1 OR q.kind IS NULL) AND (q.id = $2)',
      values: ['DIRECT', 'x'],
    });
  });

  test('narrowing returns new rows and leaves the original as it was', () => {
    const all = rowSet(sql`quotes q`);
    const some = where(all, sql`q.id = ${sql.value("'; DROP TABLE quotes; --")}`);
    expect(all.conditions).toHaveLength(0);
    expect(compiled(fromWhere(some))).toEqual({
      text: 'FROM quotes q WHERE (q.id = $1)',
      values: ["'; DROP TABLE quotes; --"],
    });
  });
});

describe('fragments', () => {
  test('values are bound as parameters in order, also inside nested fragments', () => {
    const inner = sql`b = ${sql.value(2)}`;
    expect(compiled(sql`a = ${sql.value('x')} AND ${inner} AND c = ANY(${sql.value(['p', 'q'])})`)).toEqual({
      text: 'a = $1 AND b = $2 AND c = ANY($3)',
      values: ['x', 2, ['p', 'q']],
    });
  });

  test('identifiers and literals are quoted so that neither can end their quoting', () => {
    expect(compiled(sql`SELECT ${sql.identifier('m', 'we"ird')} FROM t WHERE x = ${sql.literal("it's")}`)).toEqual({
      text: `SELECT "m"."we""ird" FROM t WHERE x = 'it''s'`,
      values: [],
    });
    expect(() => sql.literal(1.5)).toThrow(TypeError);
  });

  test('joining no fragments gives nothing, and a join keeps each fragment whole', () => {
    expect(compiled(sql`SELECT 1 ${sql.join([], ', ')}`)).toEqual({ text: 'SELECT 1', values: [] });
    expect(compiled(sql.join([sql`a = ${sql.value(1)}`, sql`b = ${sql.value(2)}`], ' OR '))).toEqual({
      text: 'a = $1 OR b = $2',
      values: [1, 2],
    });
  });
});
