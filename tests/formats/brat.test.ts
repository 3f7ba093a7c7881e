import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ActorKind } from '../../src/actor/actor.entity';
import { codePointIndexer, sliceCodePoints } from '../../src/common/code-points';
import { BratFormatError, readBrat } from '../../src/formats/brat-reader';
import { writeBrat } from '../../src/formats/brat-writer';
import type {
  ActorData,
  ActorRefData,
  AnnotatedArticleData,
  AnnotationsData,
  SpanData,
} from '../../src/import/annotated-article';
import { AttributionMethod, QuoteKind } from '../../src/quote/quote.entity';
import { Anonymity, SourceKind } from '../../src/source/source.entity';
import { Position } from '../../src/stance/stance.entity';

import { standoffShape } from '../setup/brat-shape';

const fixtures = path.join(__dirname, '..', 'fixtures', 'brat');
const body = readFileSync(path.join(fixtures, 'flood-wall.txt'), 'utf8');
const ann = readFileSync(path.join(fixtures, 'flood-wall.ann'), 'utf8');

/** The code point span of the `nth` occurrence of `needle` in `text`. */
function spanOf(text: string, needle: string, nth = 0): SpanData {
  let index = -1;
  for (let seen = 0; seen <= nth; seen += 1) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`'${needle}' is not in the text`);
  const toCodePoint = codePointIndexer(text);
  return { start: toCodePoint(index), end: toCodePoint(index + needle.length) };
}

/** An actor reference as what it names, so data whose keys differ can be compared. */
function actorNamed(ref: ActorRefData | null | undefined, actors: readonly ActorData[]) {
  if (!ref) return undefined;
  const actor = actors.find(
    (candidate) =>
      (ref.key != null && candidate.key === ref.key) ||
      (ref.wikidataId != null && candidate.wikidataId === ref.wikidataId) ||
      (ref.name != null && candidate.name === ref.name),
  );
  return { name: actor?.name, kind: actor?.kind, wikidataId: actor?.wikidataId ?? undefined };
}

/** Sources, quotes and mentions with every key replaced by what it points at. */
function keyless(annotations: AnnotationsData) {
  const actors = annotations.actors ?? [];
  const sources = annotations.sources ?? [];
  const spanOfSource = (key: string | null | undefined) => sources.find((source) => source.key === key)?.span;
  return {
    sources: sources.map(({ key: _key, actor, affiliation, ...source }) => ({
      ...source,
      actor: actorNamed(actor, actors),
      affiliation: actorNamed(affiliation, actors),
    })),
    quotes: (annotations.quotes ?? []).map(({ key: _key, source, ...quote }) => ({
      ...quote,
      source: spanOfSource(source),
    })),
    mentions: (annotations.mentions ?? []).map(({ actor, span }) => ({ actor: actorNamed(actor, actors), span })),
  };
}

describe('readBrat', () => {
  test('reads attributions, sources, actors and mentions of a PolNeAR-style file, skipping Discuss', () => {
    const { annotations, skipped } = readBrat(body, ann);

    expect(annotations.offsets).toBe('CODE_POINT');
    expect(annotations.actors).toEqual([
      { key: 'name:Ines Varga', name: 'Ines Varga', kind: ActorKind.PERSON },
      { key: 'Q458', name: 'European Union', kind: ActorKind.ORGANIZATION, wikidataId: 'Q458' },
    ]);
    expect(annotations.sources).toEqual([
      {
        key: 'T1',
        descriptor: 'Mayor Ines Varga',
        span: { start: 38, end: 54 },
        anonymity: Anonymity.NAMED,
        kind: SourceKind.PERSON,
        role: 'mayor',
        actor: { key: 'name:Ines Varga' },
      },
      {
        key: 'T6',
        descriptor: 'she',
        span: { start: 156, end: 159 },
        anonymity: Anonymity.NAMED,
        actor: { key: 'name:Ines Varga' },
      },
      {
        key: 'T10',
        descriptor: 'A senior official at the regional water authority',
        span: { start: 205, end: 254 },
        anonymity: Anonymity.ANONYMOUS,
        kind: SourceKind.PERSON,
      },
    ]);
    const said = (start: number) => ({ cue: 'said', cueSpan: { start, end: start + 4 } });
    expect(annotations.quotes).toEqual([
      { key: 'T3', span: { start: 71, end: 124 }, kind: QuoteKind.DIRECT, source: 'T1', ...said(55) },
      { key: 'T8.1', span: { start: 126, end: 155 }, kind: QuoteKind.DIRECT, source: 'T6', ...said(160) },
      { key: 'T8.2', span: { start: 166, end: 203 }, kind: QuoteKind.DIRECT, source: 'T6', ...said(160) },
      { key: 'T12', span: { start: 260, end: 300 }, kind: QuoteKind.PARAPHRASE, source: 'T10', ...said(255) },
      {
        key: 'T15',
        span: { start: 319, end: 377 },
        kind: QuoteKind.PARAPHRASE,
        cue: 'It was reported',
        cueSpan: { start: 303, end: 318 },
      },
    ]);
    expect(annotations.quotes?.map((quote) => sliceCodePoints(body, quote.span.start, quote.span.end))).toEqual([
      '“The wall will be finished before the autumn storms.”',
      '“We have waited long enough,”',
      '“and the river will not wait for us.”',
      'the budget was likely to rise by a third',
      'that the contract went to a firm owned by a council member',
    ]);
    expect(annotations.mentions).toEqual([
      { actor: { key: 'name:Ines Varga' }, span: { start: 44, end: 54 } },
      { actor: { key: 'Q458' }, span: { start: 386, end: 400 } },
    ]);
    expect(annotations.quotes?.some((quote) => quote.extracted)).toBe(false);
    expect(skipped).toEqual(['line 26: T18 Discuss is not an attribution or an actor']);
  });

  test('reads Content2, roles in any order, lines that refer to later lines, and a QuoteKind attribute', () => {
    const text = 'He said: yes. And: no.';
    const { annotations, skipped } = readBrat(
      text,
      [
        'E1\tAttribution:T3 Content2:T5 Source:T1 Cue:T2 Content:T4',
        'A1\tQuoteKind T5 DIRECT',
        'R1\tSame Arg1:T4 Arg2:T5',
        'T1\tSource 0 2\tHe',
        'T2\tCue 3 7\tsaid',
        'T3\tAttribution 3 7\tsaid',
        'T4\tContent 9 13\tyes.',
        'T5\tContent 19 22\tno.',
      ].join('\n'),
    );

    expect(annotations.quotes?.map(({ key, span, kind, source }) => ({ key, span, kind, source }))).toEqual([
      { key: 'T4', span: { start: 9, end: 13 }, kind: QuoteKind.PARAPHRASE, source: 'T1' },
      { key: 'T5', span: { start: 19, end: 22 }, kind: QuoteKind.DIRECT, source: 'T1' },
    ]);
    expect(skipped).toEqual(['line 3: R1 is a relation, which is not read']);
  });

  test.each([
    ['T3\tContent 9 x\tyes.', "line 3: T3: expected 'Type start end[;start end…]', got 'Content 9 x'"],
    ['T3\tContent 9 99\tyes.', 'line 3: T3: fragment 9 99 ends past the text (22 code points)'],
    ['T3\tContent 13 9\tyes.', 'line 3: T3: fragment 13 9 ends before it starts'],
    [
      'T3\tContent 9 13\tno.',
      "line 3: T3: its text 'no.' is not the text at its offsets ('yes.'); are they code points of this text?",
    ],
    ['E1\tAttribution:T2 Content:T9', 'line 3: E1 refers to T9, which no line defines'],
    ['E1\tAttribution:T2 Content T1', "line 3: E1: expected 'Role:Tn', got 'Content'"],
    ['A1\tQuoteKind T1 QUOTE', "line 3: A1: QuoteKind is 'QUOTE', not one of DIRECT, PARAPHRASE"],
    ['N1\tReference T1 Wikidata:Douglas', "line 3: N1: 'Douglas' is not a Wikidata item id (Q and digits)"],
    ['T1\tSource 0 2\tHe', 'line 3: T1 is already defined on line 1'],
    ['X1\tSource 0 2\tHe', "line 3: 'X1' is not a brat annotation id (T, E, A, M, N, R, * or #)"],
    ['T3 Content 9 13 yes.', "line 3: expected an id, a tab and an annotation, got 'T3 Content 9 13 yes.'"],
  ])('names the line at fault: %s', (badLine, message) => {
    const lines = ['T1\tSource 0 2\tHe', 'T2\tCue 3 7\tsaid', badLine].join('\n');
    const read = () => readBrat('He said: yes. And: no.', lines);

    expect(read).toThrow(BratFormatError);
    expect(read).toThrow(message);
  });

  test('offsets counted in UTF-16 units after an emoji are refused at their line', () => {
    // "Ines Varga" in UTF-16 units is one further on than in code points, past the 🌊.
    const utf16 = spanOf(body, 'Ines Varga').start + 1;

    expect(() => readBrat(body, `T1\tPerson ${utf16} ${utf16 + 10}\tInes Varga\n`)).toThrow(
      "line 1: T1: its text 'Ines Varga' is not the text at its offsets ('nes Varga ')",
    );
  });
});

describe('writeBrat', () => {
  test('writes T, E, A and # lines numbered in text order', () => {
    const text = '🙂 “Rates will fall,” the minister said.';
    const written = writeBrat({
      title: 'Rates',
      body: text,
      annotations: {
        actors: [{ key: 'ruiz', name: 'Ana Ruiz', kind: ActorKind.PERSON }],
        sources: [
          {
            key: 'minister',
            descriptor: 'the minister',
            span: spanOf(text, 'the minister'),
            anonymity: Anonymity.NAMED,
            kind: SourceKind.PERSON,
            role: 'finance minister',
            actor: { key: 'ruiz' },
          },
        ],
        quotes: [
          {
            span: spanOf(text, 'Rates will fall,'),
            kind: QuoteKind.DIRECT,
            source: 'minister',
            cue: 'said',
            cueSpan: spanOf(text, 'said'),
          },
        ],
        stances: [{ question: 'rates', source: 'minister', position: Position.SUPPORT }],
      },
    });

    expect(written).toBe(
      [
        'T1\tContent 3 19\tRates will fall,',
        'T2\tSource 21 33\tthe minister',
        'T3\tCue 34 38\tsaid',
        'T4\tAttribution 34 38\tsaid',
        'E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2',
        'A1\tQuoteKind T1 DIRECT',
        'A2\tAnonymity T2 NAMED',
        'A3\tSourceKind T2 PERSON',
        'A4\tActorKind T2 PERSON',
        '#1\tAnnotatorNotes T2\tactor: Ana Ruiz | role: finance minister',
        '',
      ].join('\n'),
    );
  });

  test('writes the quotes of a source without a span as Attribution-no-source events', () => {
    const text = 'Prices rose, it is said.';
    const written = writeBrat({
      title: 'Prices',
      body: text,
      annotations: {
        sources: [{ key: 'rumour', descriptor: 'rumour', anonymity: Anonymity.ANONYMOUS }],
        quotes: [
          {
            span: spanOf(text, 'Prices rose'),
            kind: QuoteKind.PARAPHRASE,
            source: 'rumour',
            cueSpan: spanOf(text, 'said'),
          },
        ],
      },
    });

    expect(written).toContain('E1\tAttribution-no-source:T3 Content:T1 Cue:T2\n');
    expect(readBrat(text, written).annotations.quotes).toEqual([
      {
        key: 'T1',
        span: { start: 0, end: 11 },
        kind: QuoteKind.PARAPHRASE,
        cue: 'said',
        cueSpan: { start: 19, end: 23 },
      },
    ]);
  });
});

describe('brat round trips', () => {
  test('reading what was written from a read file gives the same annotations, T spans and event links', () => {
    const first = readBrat(body, ann).annotations;
    const written = writeBrat({ title: 'Flood wall', body, annotations: first });
    const second = readBrat(body, written);

    expect(keyless(second.annotations)).toEqual(keyless(first));
    expect(second.annotations.actors).toEqual(first.actors);
    expect(second.skipped).toEqual([]);
    expect(standoffShape(written)).toEqual(standoffShape(ann));
  });

  test('our own data keeps its sources, quotes, mentions and actor links through brat', () => {
    const text =
      '⚡ Kyiv. “The grid held overnight,” said Olena Kovalenko, a spokeswoman, “but the next strike may be worse.” ' +
      'The European Union said it would send transformers to Ukraine. A diplomat in Kyiv said talks were stalled. ' +
      'It is understood that repairs will take weeks. Kovalenko thanked the donors.';
    const said = (nth: number) => ({ cue: 'said', cueSpan: spanOf(text, 'said', nth) });
    const article: AnnotatedArticleData = {
      title: 'Grid',
      body: text,
      annotations: {
        actors: [
          { key: 'kovalenko', name: 'Olena Kovalenko', kind: ActorKind.PERSON },
          { key: 'eu', name: 'European Union', kind: ActorKind.ORGANIZATION, wikidataId: 'Q458' },
          { key: 'ukraine', name: 'Ukraine', kind: ActorKind.STATE, wikidataId: 'Q212' },
        ],
        sources: [
          {
            key: 'spokeswoman',
            descriptor: 'Olena Kovalenko',
            span: spanOf(text, 'Olena Kovalenko'),
            anonymity: Anonymity.NAMED,
            kind: SourceKind.PERSON,
            role: 'spokeswoman',
            actor: { key: 'kovalenko' },
            affiliation: { key: 'ukraine' },
          },
          {
            key: 'eu',
            descriptor: 'The European Union',
            span: spanOf(text, 'The European Union'),
            anonymity: Anonymity.NAMED,
            kind: SourceKind.ORGANIZATION,
            actor: { wikidataId: 'Q458' },
          },
          {
            key: 'diplomat',
            descriptor: 'A diplomat in Kyiv',
            span: spanOf(text, 'A diplomat in Kyiv'),
            anonymity: Anonymity.ANONYMOUS,
            kind: SourceKind.PERSON,
          },
        ],
        quotes: [
          {
            key: 'q1',
            span: spanOf(text, 'The grid held overnight,'),
            kind: QuoteKind.DIRECT,
            source: 'spokeswoman',
            attributionMethod: AttributionMethod.CUE,
            ...said(0),
          },
          {
            key: 'q2',
            span: spanOf(text, 'but the next strike may be worse.'),
            kind: QuoteKind.DIRECT,
            source: 'spokeswoman',
            attributionMethod: AttributionMethod.CUE,
            ...said(0),
          },
          {
            span: spanOf(text, 'it would send transformers to Ukraine'),
            kind: QuoteKind.PARAPHRASE,
            source: 'eu',
            ...said(1),
          },
          { span: spanOf(text, 'talks were stalled'), kind: QuoteKind.PARAPHRASE, source: 'diplomat', ...said(2) },
          {
            span: spanOf(text, 'that repairs will take weeks'),
            kind: QuoteKind.PARAPHRASE,
            cue: 'It is understood',
            cueSpan: spanOf(text, 'It is understood'),
          },
        ],
        mentions: [
          { actor: { wikidataId: 'Q458' }, span: spanOf(text, 'European Union') },
          { actor: { key: 'ukraine' }, span: spanOf(text, 'Ukraine') },
          { actor: { name: 'Olena Kovalenko' }, span: spanOf(text, 'Kovalenko', 1) },
        ],
      },
    };

    const written = writeBrat(article);
    const { annotations, skipped } = readBrat(text, written);

    expect(keyless(annotations)).toEqual(keyless(article.annotations ?? {}));
    expect(annotations.actors).toEqual([
      { key: 'name:Olena Kovalenko', name: 'Olena Kovalenko', kind: ActorKind.PERSON },
      { key: 'Q212', name: 'Ukraine', kind: ActorKind.STATE, wikidataId: 'Q212' },
      { key: 'Q458', name: 'European Union', kind: ActorKind.ORGANIZATION, wikidataId: 'Q458' },
    ]);
    expect(written).toContain(
      'AnnotatorNotes T4\tactor: Olena Kovalenko | role: spokeswoman | affiliation: Ukraine | affiliationKind: STATE | affiliationWikidata: Q212',
    );
    expect(skipped).toEqual([]);
  });
});
