// Extraction on the example article, without a database: the floor the evaluation holds.
import path from 'node:path';
import { codePointIndexer } from '../../src/common/code-points';
import { readGoldDocument } from '../../src/corpus/gold-annotation';
import { extractArticle } from '../../src/extraction/extract-article';

const { gold, text } = readGoldDocument(path.join(__dirname, '../fixtures'), 'storm-shadow-victory-plan');

describe('extractArticle on the example article', () => {
  const draft = extractArticle(text);
  const toCodePoints = codePointIndexer(text);
  const direct = draft.quotes.filter((q) => q.kind === 'DIRECT');

  test('finds the 6 direct quotes at their exact spans and no others ("Victory Plan" is not a quote)', () => {
    expect(direct.map((q) => [toCodePoints(q.start), toCodePoints(q.end)])).toEqual(
      gold.quotes.filter((q) => q.kind === 'DIRECT').map((q) => q.span),
    );
  });

  test('attributes each direct quote to the annotated source, with its anonymity and affiliation', () => {
    const actorName = new Map(gold.actors.map((a) => [a.id, a.name]));
    const expected = gold.quotes
      .filter((q) => q.kind === 'DIRECT')
      .map((q) => gold.sources.find((s) => s.id === q.speaker))
      .map((s) => [s?.descriptor, s?.anonymous, s?.affiliation ? actorName.get(s.affiliation) : null]);
    const found = direct
      .map((q) => draft.sources[q.source as number])
      .map((s) => [s.descriptor, s.anonymous, s.affiliation?.name ?? null]);
    expect(found).toEqual(expected);
  });

  test('finds the clear paraphrases at the annotated spans', () => {
    const paraphrases = draft.quotes
      .filter((q) => q.kind === 'PARAPHRASE')
      .map((q) => [toCodePoints(q.start), toCodePoints(q.end), draft.sources[q.source as number].descriptor]);
    expect(paraphrases).toEqual(
      expect.arrayContaining([
        [1851, 1920, 'Biden'],
        [2158, 2285, 'Biden'],
        [4230, 4268, 'some NATO officials'],
      ]),
    );
  });

  test('cites the plural anonymous sources even without a direct quote', () => {
    const anonymous = draft.sources.filter((s) => s.anonymous).map((s) => s.descriptor);
    expect(anonymous).toEqual(expect.arrayContaining(['sources', 'analysts', 'some NATO officials']));
    expect(draft.sources.find((s) => s.descriptor === 'some NATO officials')?.affiliation?.name).toBe('NATO');
  });

  test('names Zelensky, Biden, Starmer and Macron by one name each, whatever form the text uses', () => {
    for (const person of ['Volodymyr Zelensky', 'Joe Biden', 'Keir Starmer', 'Emmanuel Macron']) {
      const surname = person.split(' ').pop() as string;
      const mentions = draft.entities.filter((e) => text.slice(e.start, e.end).endsWith(surname));
      expect({ person, names: [...new Set(mentions.map((m) => m.name))] }).toEqual({ person, names: [person] });
    }
    const biden = draft.entities.find((e) => e.name === 'Joe Biden' && e.affiliation);
    expect(biden?.affiliation).toBe('United States');
    expect(draft.entities.some((e) => e.name === 'Storm Shadow' || e.name === 'Victory Plan')).toBe(false);
  });

  test('takes a capital for its state only where the text makes it act', () => {
    const capitals = draft.entities.filter((e) =>
      ['Kyiv', 'Moscow', 'Washington'].includes(text.slice(e.start, e.end)),
    );
    // "Kyiv believes", "Moscow’s front-line positions", "Kyiv’s backers"; not "in Washington".
    expect(capitals.map((e) => [text.slice(e.start, e.end), e.name])).toEqual(
      expect.arrayContaining([
        ['Kyiv', 'Ukraine'],
        ['Moscow', 'Russia'],
      ]),
    );
    expect(
      capitals.some((e) => text.slice(e.start, e.end) === 'Washington' && text.slice(e.start - 3, e.start) === 'in '),
    ).toBe(false);
  });
});
