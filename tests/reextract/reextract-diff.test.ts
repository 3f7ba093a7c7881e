// The pure diff re-extraction applies to each kind of row of an article.
import { diffRows, type FreshRow, type StoredRow } from '../../src/import/reextract-diff';

const stored = (id: string, signature: string, span: [number, number], flags: Partial<StoredRow> = {}): StoredRow => ({
  id,
  manual: false,
  linked: false,
  signature,
  start: span[0],
  end: span[1],
  ...flags,
});
const fresh = (signature: string, span: [number, number]): FreshRow => ({ signature, start: span[0], end: span[1] });

describe('diffRows', () => {
  test('keeps a stored extracted row equal to a fresh one, removes the others and inserts the new', () => {
    const diff = diffRows(
      [stored('a', 'A', [0, 5]), stored('b', 'B', [10, 15])],
      [fresh('A', [0, 5]), fresh('C', [20, 25])],
    );
    expect(diff).toEqual({ standsFor: ['a', null], removed: ['b'], kept: 1, keptLinked: 0 });
  });

  test('a fresh row overlapping a MANUAL row is that row, and the MANUAL row is never removed', () => {
    const diff = diffRows([stored('m', '', [0, 8], { manual: true })], [fresh('A', [2, 6])]);
    expect(diff).toEqual({ standsFor: ['m'], removed: [], kept: 1, keptLinked: 0 });
  });

  test('keeps an extracted row curated work links to, and counts it as kept for that reason', () => {
    const diff = diffRows([stored('l', 'OLD', [0, 5], { linked: true })], [fresh('NEW', [0, 5]), fresh('X', [30, 40])]);
    expect(diff).toEqual({ standsFor: ['l', null], removed: [], kept: 1, keptLinked: 1 });
  });

  test('matches equal rows one to one: a second fresh row of the same signature is new', () => {
    const diff = diffRows([stored('a', 'A', [0, 5])], [fresh('A', [0, 5]), fresh('A', [0, 5])]);
    expect(diff.standsFor).toEqual(['a', null]);
  });

  test('applied to its own result, changes nothing', () => {
    const rows = [fresh('A', [0, 5]), fresh('B', [10, 15])];
    const diff = diffRows(
      rows.map((row, i) => stored(String(i), row.signature, [row.start as number, row.end as number])),
      rows,
    );
    expect(diff).toEqual({ standsFor: ['0', '1'], removed: [], kept: 2, keptLinked: 0 });
  });
});
