// A speaker phrase that opens with a possessive owner ("Trump's aide said") is the possessed noun
// phrase: an unnamed aide, a campaign, a lawyer, or the person a name after it gives; the owner is
// only the affiliation, and never the speaker, nor whom a later "he" or "she" stands for.
import { extractArticle } from '../../src/extraction/extract-article';

/** The source of the text's first direct quote. */
function firstSource(text: string) {
  const draft = extractArticle(text);
  const quote = draft.quotes.find((q) => q.kind === 'DIRECT');
  return quote?.source == null ? undefined : draft.sources[quote.source];
}

/** What a researcher reads of a source: who, what kind, whether anonymous, role and affiliation. */
function summary(text: string) {
  const source = firstSource(text);
  return (
    source && {
      descriptor: source.descriptor,
      actor: source.actor?.name ?? null,
      kind: source.kind,
      anonymous: source.anonymous,
      role: source.role,
      affiliation: source.affiliation?.name ?? null,
    }
  );
}

describe('possessive speaker phrases', () => {
  test('"Trump\'s aide said" is an unnamed aide whom Trump\'s name places, not Donald Trump', () => {
    const text = 'Donald Trump spoke in Ohio on Monday.\n\n“We are not worried about the weather,” Trump’s aide said.';
    expect(summary(text)).toEqual({
      descriptor: 'Trump’s aide',
      actor: null,
      kind: 'PERSON',
      anonymous: true,
      role: 'aide',
      affiliation: 'Donald Trump',
    });
  });

  test('"Obama\'s spokesman said" is an unnamed spokesman, also when the quote follows', () => {
    const before = 'Barack Obama left for Asia.\n\nObama’s spokesman said: “The trip will go ahead as planned.”';
    expect(summary(before)).toMatchObject({ actor: null, anonymous: true, role: 'spokesman' });
    expect(summary(before)?.affiliation).toBe('Barack Obama');
  });

  test('"the company\'s lawyer said" is an unnamed lawyer with no affiliation to name', () => {
    expect(summary('“We deny every claim in the suit,” the company’s lawyer said.')).toEqual({
      descriptor: 'the company’s lawyer',
      actor: null,
      kind: 'PERSON',
      anonymous: true,
      role: 'lawyer',
      affiliation: null,
    });
  });

  test('"Clinton\'s campaign said" is an organisation, cited but not anonymous', () => {
    const text =
      'Hillary Clinton rallied in Florida.\n\n“The numbers are strong,” Clinton’s campaign said in a statement.';
    expect(summary(text)).toMatchObject({
      descriptor: 'Clinton’s campaign',
      actor: null,
      kind: 'ORGANIZATION',
      anonymous: false,
      affiliation: 'Hillary Clinton',
    });
  });

  test('a name after the possessed role is the speaker, with the role and the owner as affiliation', () => {
    const text = 'Donald Trump denied the payment.\n\n“He paid the money himself,” Trump’s lawyer Michael Cohen said.';
    expect(summary(text)).toEqual({
      descriptor: 'Trump’s lawyer Michael Cohen',
      actor: 'Michael Cohen',
      kind: 'PERSON',
      anonymous: false,
      role: 'lawyer',
      affiliation: 'Donald Trump',
    });
  });

  test('a pronoun after "Trump\'s aide said" stands for the aide, not for Trump', () => {
    const text = [
      'Donald Trump spoke in Ohio on Monday.',
      '“We are not worried about the weather,” Trump’s aide said.',
      '“The crowd will be the largest yet,” he added.',
    ].join('\n\n');
    const draft = extractArticle(text);
    const sources = draft.quotes.map((q) => (q.source === null ? null : draft.sources[q.source]));
    expect(sources.map((s) => [s?.descriptor, s?.actor?.name ?? null])).toEqual([
      ['Trump’s aide', null],
      ['Trump’s aide', null],
    ]);
    expect(draft.sources.some((s) => s.actor?.name === 'Donald Trump')).toBe(false);
  });

  test('an owner after a preposition leaves the phrase to its head: "a woman at Trump\'s rally" is the woman', () => {
    expect(summary('“I came for the music,” a woman at Trump’s rally said.')).toMatchObject({
      actor: null,
      anonymous: true,
      role: 'woman at Trump’s rally',
    });
  });
});
