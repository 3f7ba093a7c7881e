// Preparing a batch for import, without a database: every item validated and normalised, and the
// extractions asked for a few at a time, so that the extraction pool's threads stay busy while its
// queue stays short; an item that cannot be extracted fails alone, with its index.
import type { ArticleDraft } from '../../src/extraction/extract-article';
import { AppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';
import { prepareEach } from '../../src/import/import-batch';
import { toImportArticleInput } from '../../src/import/import-reader';

const EMPTY_DRAFT: ArticleDraft = { quotes: [], sources: [], entities: [] };

describe('preparing a batch for import', () => {
  test('extracts at most the given number of items at once, and an item whose extraction fails fails alone', async () => {
    let running = 0;
    let most = 0;
    const extracted: string[] = [];
    const extract = async (body: string): Promise<ArticleDraft> => {
      running += 1;
      most = Math.max(most, running);
      // Every other extraction asked for meanwhile starts before this one ends.
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      if (body.startsWith('Busy')) throw new AppError(ErrorCode.Unavailable, 'the pool is busy');
      extracted.push(body);
      return EMPTY_DRAFT;
    };
    const inputs = [
      ...Array.from({ length: 7 }, (_, i) => ({ title: `T${i}`, body: `Body ${i}.` })),
      { title: 'Busy', body: 'Busy body.' },
      { title: '', body: 'Invalid.' },
      { title: 'Plain', body: 'Not extracted.', extract: false },
    ].map((value) => toImportArticleInput(value));

    const items = await prepareEach(inputs, { maxBodyBytes: 1000 }, { extract, concurrency: 3 });

    expect(most).toBe(3);
    expect(extracted.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `Body ${i}.`));
    expect(items.map((item) => item.index)).toEqual([...inputs.keys()]);
    expect(items.slice(0, 7).every((item) => item.prepared?.draft === EMPTY_DRAFT)).toBe(true);
    expect(items[7].error).toMatchObject({ code: 'UNAVAILABLE' });
    expect(items[8].error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(items[9].prepared).toMatchObject({ extract: false });
    expect(items[9].prepared?.draft).toBeUndefined();
  });
});
