// Who a pronoun, an appositive, a label or a participle cue names, and what kind of party a source is.
import { extractArticle } from '../../src/extraction/extract-article';
import { kindOfDescription } from '../../src/extraction/source-phrases';

/** Each direct quote's first words with its source's actor name (or descriptor) and how it was found. */
function speakers(text: string): [string, string | null, string][] {
  const draft = extractArticle(text);
  return draft.quotes
    .filter((q) => q.kind === 'DIRECT')
    .map((q) => {
      const source = q.source === null ? null : draft.sources[q.source];
      const words = text.slice(q.start, q.end).split(' ').slice(0, 3).join(' ');
      return [words, source ? (source.actor?.name ?? source.descriptor) : null, q.attribution];
    });
}

describe('pronoun speakers', () => {
  test('"he said" is the subject before it, never a person named only inside the quotation', () => {
    const text =
      'Gov. Mark Hill spoke to reporters on Monday.\n“Mr. Paul Grant and Mr. Carl Diaz were wrong about the budget,” he said.';
    expect(speakers(text)).toEqual([['Mr. Paul Grant', 'Mark Hill', 'PRONOUN']]);
  });

  test('the subject of the sentence before wins over the person it mentions', () => {
    const text = 'Gov. Mark Hill criticised Mr. Paul Grant on Tuesday.\n“We cannot wait any longer for this,” he said.';
    expect(speakers(text)).toEqual([['We cannot wait', 'Mark Hill', 'PRONOUN']]);
  });

  test('gender agrees: from a title, or from a first name where the text says nothing better', () => {
    expect(speakers('Mr. Tom Baker met Angela Moore. “We talked for hours about the plan,” she said.')[0][1]).toBe(
      'Angela Moore',
    );
    expect(speakers('Mrs. Ana Lopez met Robert Stone. “We talked for hours about the plan,” he said.')[0][1]).toBe(
      'Robert Stone',
    );
  });

  test('a paragraph of quotes keeps its speaker through "he said" and continuations', () => {
    const text =
      'Sen. Dan Ortiz opened the hearing.\n“This program has failed,” he said. “It has failed the families it was meant to help.”';
    expect(speakers(text).map(([, s, how]) => [s, how])).toEqual([
      ['Dan Ortiz', 'PRONOUN'],
      ['Dan Ortiz', 'CONTINUATION'],
    ]);
  });
});

describe('constructions around the quote', () => {
  test('an appositive between the name and the verb, kept in the descriptor', () => {
    const text = '“We will appeal the ruling,” Scott Palmer, the attorney general of the state, said on Monday.';
    const draft = extractArticle(text);
    expect(speakers(text)[0][1]).toBe('Scott Palmer');
    expect(draft.sources[0].descriptor).toBe('Scott Palmer, the attorney general of the state');
  });

  test('a label without a verb ("Said Ellis:") and a participle cue ("…, saying")', () => {
    expect(speakers('Said Ellis: “The plan will not survive the winter.”')[0][1]).toBe('Ellis');
    expect(
      speakers(
        'Mayor Joan Blake attacked the council on Friday, saying, “This budget is a disgrace to the city.”',
      )[0][1],
    ).toBe('Joan Blake');
  });

  test('reporting verbs beyond "said": demanded, insisted', () => {
    expect(speakers('“Where is the money going now?” the senator demanded.')[0][1]).toBe('the senator');
    expect(speakers('“We never saw the letter at all,” the aide insisted.')[0][1]).toBe('the aide');
  });

  test('documents and organisations speak: "the letter reads", "the White House said"', () => {
    const letter = extractArticle('“Our support for these schools is not abstract,” the letter reads.');
    expect(letter.sources.map((s) => [s.descriptor, s.kind, s.anonymous])).toEqual([['the letter', 'DOCUMENT', false]]);
    const house = extractArticle('“We will respond in due course,” the White House said.');
    expect(house.sources.map((s) => [s.kind, s.anonymous])).toEqual([['ORGANIZATION', false]]);
  });

  test('a named person with a role is named, not anonymous', () => {
    const draft = extractArticle('“We have the planes we need,” said retired Air Force general Lloyd Newton.');
    expect(draft.sources.map((s) => [s.actor?.name, s.anonymous, s.kind])).toEqual([['Lloyd Newton', false, 'PERSON']]);
  });

  test('a fragment before the verb makes no source', () => {
    const draft = extractArticle('He left the room, going on to say, “We are done with this process for good.”');
    expect(draft.sources.map((s) => s.descriptor).filter((d) => /going on/.test(d))).toEqual([]);
  });
});

describe('what kind of party an unnamed source is', () => {
  test.each([
    ['a Ukrainian defense source', 'PERSON', true],
    ['officials familiar with the discussions', 'GROUP', true],
    ['analysts', 'GROUP', true],
    ['a spokeswoman', 'PERSON', true],
    ['the report', 'DOCUMENT', false],
    ['the campaign', 'ORGANIZATION', false],
  ])('%s is a %s (anonymous: %s)', (descriptor, kind, anonymous) => {
    expect(kindOfDescription(descriptor)).toEqual({ kind, anonymous });
  });

  test.each(['going on to', 'before', 'and'])('"%s" names no party', (fragment) => {
    expect(kindOfDescription(fragment)).toBeUndefined();
  });
});

describe('confidence follows the way the speaker was found', () => {
  test('a name at the quote is surer than a pronoun, and no speaker is least sure', () => {
    const text =
      'Gov. Mark Hill spoke on Monday.\n“We will win this fight,” Mark Hill said.\n“We will not stop now,” he said.\nThe vote was close.\n“Nobody expected the vote to pass this week.”';
    const confidence = Object.fromEntries(extractArticle(text).quotes.map((q) => [q.attribution, q.confidence]));
    expect(confidence.CUE).toBeGreaterThan(confidence.PRONOUN);
    expect(confidence.PRONOUN).toBeGreaterThan(confidence.NONE);
  });
});
