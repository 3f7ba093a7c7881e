import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openImportInput, toImportArticleInput, type RawItem } from '../../src/import/import-reader';

async function readAll(input: string): Promise<RawItem[]> {
  const items: RawItem[] = [];
  for await (const item of (await openImportInput(input)).items()) items.push(item);
  return items;
}

describe('import reader', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-reader-'));

  test('reads JSON Lines with line numbers, skipping blank lines and reporting bad ones', async () => {
    const file = path.join(folder, 'items.jsonl');
    writeFileSync(file, '{"title":"A","body":"a"}\n\nnot json\n[1,2]\n{"title":"B","body":"b"}\n');
    const items = await readAll(file);
    expect(items.map((i) => [i.label, i.value?.title ?? i.parseError?.slice(0, 8)])).toEqual([
      ['line 1', 'A'],
      ['line 3', 'not JSON'],
      ['line 4', 'the line'],
      ['line 5', 'B'],
    ]);
  });

  test('streams a JSON array item by item', async () => {
    const file = path.join(folder, 'items.json');
    writeFileSync(file, JSON.stringify([{ title: 'A', body: 'a' }, 'oops', { title: 'C', body: 'c' }]));
    const items = await readAll(file);
    expect(items.map((i) => [i.label, i.value?.title ?? i.parseError])).toEqual([
      ['item 1', 'A'],
      ['item 2', 'the item is not a JSON object'],
      ['item 3', 'C'],
    ]);
  });

  test('reads a folder of .txt files with optional front matter', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-txt-'));
    writeFileSync(path.join(dir, 'b-plain.txt'), 'Just a body.\n');
    writeFileSync(
      path.join(dir, 'a-with-front-matter.txt'),
      '---\ntitle: Strikes inside Russia\nurl: https://example.org/strikes\npublishedAt: 2024-09-23T08:00:00Z\noutlet: The Telegraph\n---\nZelensky said “now”.\n',
    );
    writeFileSync(path.join(dir, 'ignored.md'), '# not imported');
    const items = await readAll(dir);
    expect(items.map((i) => i.label)).toEqual(['file a-with-front-matter.txt', 'file b-plain.txt']);
    const input = toImportArticleInput(items[0].value as Record<string, unknown>);
    expect(input).toMatchObject({
      title: 'Strikes inside Russia',
      url: 'https://example.org/strikes',
      outletName: 'The Telegraph',
      body: 'Zelensky said “now”.\n',
    });
    expect(input.publishedAt?.toISOString()).toBe('2024-09-23T08:00:00.000Z');
    expect(toImportArticleInput(items[1].value as Record<string, unknown>)).toMatchObject({
      title: 'b-plain',
      body: 'Just a body.\n',
    });
  });
});
