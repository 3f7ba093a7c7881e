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
    const rows = where(rowSet(sql`quotes q`), sql`q.kind = ${sql.value('DIRECT')} OR q.kind IS NULL`, null, sql`q.id = ${sql.value('x')}`);
    expect(compiled(fromWhere(rows))).toEqual({
      text: 'FROM quotes q WHERE (q.kind = $1 OR q.kind IS NULL) AND (q.id = $2)',
      values: ['DIRECT', 'x'],
    });
  });

  test('narrowing returns new rows and leaves the original as it was', () => {
    const all = rowSet(sql`quotes q`);
    const some = where(all, sql`q.id = ${sql.value("'; DROP TABLE quotes; --")}`);
    expect(all.conditions).toHaveLength(0);
    expect(compiled(fromWhere(some))).toEqual({ text: 'FROM quotes q WHERE (q.id = $1)', values: ["'; DROP TABLE quotes; --"] });
  });
});
