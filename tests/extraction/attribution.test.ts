import { extractArticle } from '../../src/extraction/extract-article';

/** Each direct quote's text with the source it is attributed to (its actor's name when named). */
function attributions(text: string): [string, string | null][] {
  const draft = extractArticle(text);
  return draft.quotes
    .filter((q) => q.kind === 'DIRECT')
    .map((q) => {
      const source = q.source === null ? null : draft.sources[q.source];
      return [text.slice(q.start, q.end), source ? (source.actor?.name ?? source.descriptor) : null];
    });
}

describe('attribution', () => {
  test.each([
    ['“We will not stop the strikes now,” said Defense Minister Rustem Umerov.', 'Rustem Umerov'],
    ['“We will not stop the strikes now,” a senior Ukrainian official said.', 'a senior Ukrainian official'],
    ['“We will not stop the strikes now,” according to a diplomat in Kyiv.', 'a diplomat'],
    ['Senator Jane Ruiz told reporters: “We will not stop the strikes now.”', 'Jane Ruiz'],
    ['Rep. Gwen Moore (D-Wis.) tweeted: “We will not stop the strikes now.”', 'Gwen Moore'],
    ['“We will not stop the strikes now.” ― Pamela Padilla', 'Pamela Padilla'],
  ])('reads the cue around the quote: %s', (text, speaker) => {
    expect(attributions(text)).toEqual([[expect.stringContaining('We will not stop'), speaker]]);
  });

  test('a quote split by its attribution, and the next paragraph reopening it, keep their speaker', () => {
    const text =
      '“The first part of it,” the minister said. “The second part of it.”\n“And a third part, in a new paragraph.”';
    expect(attributions(text).map(([, s]) => s)).toEqual(['the minister', 'the minister', 'the minister']);
  });

  test('a quote introduced by the sentence before, or followed by its speaker, is theirs', () => {
    expect(
      attributions(
        'President Joe Biden spoke after the vote. Biden said on Monday:\n“We will stand with Ukraine for as long as it takes.”',
      ),
    ).toEqual([['We will stand with Ukraine for as long as it takes.', 'Joe Biden']]);
    expect(
      attributions('“We will stand with Ukraine for as long as it takes.” Chancellor Olaf Scholz said so twice.')[0][1],
    ).toBe('Olaf Scholz');
  });

  test('"he said" is the last person named before, of that gender when the title tells it', () => {
    const text =
      'Mr. John Kirby met Mrs. Ana Lopez. “We talked for a long time about aid,” she said. “It went well for both sides,” he said.';
    expect(attributions(text).map(([, s]) => s)).toEqual(['Ana Lopez', 'John Kirby']);
  });

  test('keeps offsets right after spaces the tokenizer drops (U+3000, a byte order mark)', () => {
    const text =
      '\ufeffThe minister emphasized that the talks would continue.\u3000“We will be back next week,” the minister said.';
    const draft = extractArticle(text);
    expect(draft.quotes.map((q) => text.slice(q.start, q.end))).toEqual([
      'the talks would continue',
      'We will be back next week,',
    ]);
    // One source, whose span still reads "the minister" after the U+3000.
    expect(draft.sources.map((s) => text.slice(s.start, s.end))).toEqual(['the minister']);
  });

  test('names of shows, books and songs are not quotes, even beside a speaker', () => {
    expect(
      attributions('Pence on the police\n“We stand by the police,” Pence said on CNN’s “State of the Union.”').map(
        ([q]) => q,
      ),
    ).toEqual(['We stand by the police,']);
    expect(attributions('A night of music\nHe sang “A Change Is Gonna Come,” he said.')).toEqual([]);
    // A headline is written in title case, so a quote in it may be too.
    expect(attributions('Warren to Stumpf: ‘You Should Be Criminally Investigated.’')).toHaveLength(1);
  });

  test('titles, scare quotes and short names are not quotes', () => {
    expect(
      attributions('Zelensky presented his “Victory Plan,” which he called “bold.” The “Storm Shadow” missile flew.'),
    ).toEqual([]);
  });
});
