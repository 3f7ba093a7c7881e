import { findQuotations } from '../../src/extraction/quotations';

const texts = (text: string) => findQuotations(text).map((q) => text.slice(q.start, q.end));

describe('findQuotations', () => {
  test('finds curly, straight, guillemet, low-high and typewriter quotation marks, spans excluding the marks', () => {
    expect(
      texts(
        "He said “one two three.” Then \"four five six,\" she said. «sept huit neuf» „zehn elf zwölf“ and ''thirteen fourteen.''",
      ),
    ).toEqual(['one two three.', 'four five six,', 'sept huit neuf', 'zehn elf zwölf', 'thirteen fourteen.']);
  });

  test('keeps nested quotation marks and apostrophes inside the quotation', () => {
    expect(texts('“He told me ‘never again’ and didn’t stop,” she said.')).toEqual([
      'He told me ‘never again’ and didn’t stop,',
    ]);
  });

  test('a quotation split by its attribution gives two quotations', () => {
    expect(texts('“The first part,” he said. “The second part.”')).toEqual(['The first part,', 'The second part.']);
  });

  test('a quotation that goes on into a new paragraph, reopened there, is one quotation', () => {
    const text = '“First paragraph of the speech.\n“Second paragraph of the speech.”\nAfter.';
    expect(texts(text)).toEqual(['First paragraph of the speech.\n“Second paragraph of the speech.']);
  });

  test('an apostrophe or a lone mark opens nothing', () => {
    expect(texts('Zelensky’s plan and the officials’ views, 5\' 9" tall')).toEqual([]);
  });
});
