import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { ActorKind } from '../../src/actor/actor.entity';
import { offsetWriter } from '../../src/article/body-offsets';
import { codePointIndexer, sliceCodePoints } from '../../src/common/code-points';
import { WebAnnotationFormatError, readWebAnnotations } from '../../src/formats/web-annotation-reader';
import { writeWebAnnotations } from '../../src/formats/web-annotation-writer';
import { type AnnotatedArticleData, OffsetUnit, type SpanData } from '../../src/import/annotated-article';
import { AttributionMethod, QuoteKind } from '../../src/quote/quote.entity';
import { Anonymity, SourceKind } from '../../src/source/source.entity';
import { Position } from '../../src/stance/stance.entity';

const ARTICLE_IRI = 'https://news.example.org/2031/harbour-shelters';

// An emoji (one code point, two UTF-16 units) and a combining accent (two code points) stand before
// most spans, so code point, UTF-16 and byte offsets all differ there.
const BODY =
  'Harbour towns 🌊 brace for the storm. Mayor Ine\u0301s Quarry said: "We will open the shelters tonight." ' +
  'A council official, who asked not to be named, said the budget would not stretch to a second week. ' +
  'Quarry later met the Coastal Guard 🚤 at the pier.';

/** The code point span of the `occurrence`-th (0-based) appearance of `text` in BODY. */
function spanOf(text: string, occurrence = 0): SpanData {
  let index = BODY.indexOf(text);
  for (let skipped = 0; skipped < occurrence; skipped += 1) index = BODY.indexOf(text, index + 1);
  if (index === -1) throw new Error(`"${text}" is not in the test body`);
  const toCodePoint = codePointIndexer(BODY);
  return { start: toCodePoint(index), end: toCodePoint(index + text.length) };
}

const EXTRACTED = { extractor: 'quotegraph-rules', version: '2.1.0', confidence: 0.72 };

const ARTICLE: AnnotatedArticleData = {
  title: 'Harbour towns brace for the storm',
  body: BODY,
  annotations: {
    actors: [
      {
        key: 'ines',
        name: 'Ine\u0301s Quarry',
        kind: ActorKind.PERSON,
        aliases: ['Quarry'],
        description: 'Mayor of Harbourton',
        affiliation: 'council',
      },
      { key: 'council', name: 'Harbourton Council', kind: ActorKind.ORGANIZATION },
      { key: 'guard', name: 'Coastal Guard', kind: ActorKind.ORGANIZATION, wikidataId: 'Q7654321' },
    ],
    sources: [
      {
        key: 'mayor',
        descriptor: 'Mayor Ine\u0301s Quarry',
        span: spanOf('Mayor Ine\u0301s Quarry'),
        anonymity: Anonymity.NAMED,
        kind: SourceKind.PERSON,
        role: 'mayor',
        actor: { key: 'ines' },
      },
      {
        key: 'official',
        descriptor: 'A council official, who asked not to be named',
        span: spanOf('A council official'),
        anonymity: Anonymity.ANONYMOUS,
        kind: SourceKind.PERSON,
        affiliation: { name: 'Harbourton Council' },
      },
      { key: 'guard', descriptor: 'the Coastal Guard', anonymity: Anonymity.NAMED, actor: { key: 'guard' } },
    ],
    quotes: [
      {
        key: 'shelters',
        span: spanOf('We will open the shelters tonight.'),
        kind: QuoteKind.DIRECT,
        source: 'mayor',
        cue: 'said',
        cueSpan: spanOf('said'),
      },
      {
        span: spanOf('the budget would not stretch to a second week'),
        kind: QuoteKind.PARAPHRASE,
        source: 'official',
        cue: 'said',
        cueSpan: spanOf('said', 1),
        attributionMethod: AttributionMethod.CUE,
        extracted: EXTRACTED,
      },
    ],
    mentions: [
      { actor: { key: 'ines' }, span: spanOf('Quarry', 1) },
      { actor: { key: 'guard' }, span: spanOf('Coastal Guard') },
    ],
    stances: [
      {
        question: 'open-storm-shelters',
        questionText: 'Should the harbour towns open storm shelters?',
        source: 'mayor',
        position: Position.SUPPORT,
        evidence: spanOf('We will open the shelters tonight.'),
        quote: 'shelters',
        note: 'Announces the opening.',
      },
    ],
  },
};

/** What reading the written page gives: the Wikidata actor keyed by its id, the unkeyed quote by its index. */
const READ_BACK = {
  offsets: OffsetUnit.CODE_POINT,
  actors: [
    {
      key: 'ines',
      name: 'Ine\u0301s Quarry',
      kind: ActorKind.PERSON,
      aliases: ['Quarry'],
      description: 'Mayor of Harbourton',
      affiliation: 'council',
    },
    { key: 'Q7654321', name: 'Coastal Guard', kind: ActorKind.ORGANIZATION, wikidataId: 'Q7654321' },
    { key: 'council', name: 'Harbourton Council', kind: ActorKind.ORGANIZATION },
  ],
  sources: [
    ARTICLE.annotations!.sources![0],
    ARTICLE.annotations!.sources![1],
    { ...ARTICLE.annotations!.sources![2], actor: { key: 'Q7654321' } },
  ],
  quotes: [ARTICLE.annotations!.quotes![0], { key: '1', ...ARTICLE.annotations!.quotes![1] }],
  mentions: [ARTICLE.annotations!.mentions![0], { actor: { key: 'Q7654321' }, span: spanOf('Coastal Guard') }],
  stances: ARTICLE.annotations!.stances,
};

const schema = JSON.parse(
  readFileSync(path.join(__dirname, '../fixtures/web-annotation.schema.json'), 'utf8'),
) as Record<string, unknown>;
const validatePage = new Ajv({ allErrors: true }).compile(schema);

function selectorsOf(page: any): any[] {
  return page.items.flatMap((item: any) => (typeof item.target === 'string' ? [] : item.target.selector));
}

/** The page with every offset rewritten by `rewrite`, as a tool counting other units would have written it. */
function withOffsets(page: any, rewrite: (codePointOffset: number) => number): any {
  const copy = structuredClone(page);
  for (const selector of selectorsOf(copy).filter((selector) => selector.type === 'TextPositionSelector')) {
    selector.start = rewrite(selector.start);
    selector.end = rewrite(selector.end);
  }
  for (const item of copy.items) {
    if (item.body['qg:cueStart'] === undefined) continue;
    item.body['qg:cueStart'] = rewrite(item.body['qg:cueStart']);
    item.body['qg:cueEnd'] = rewrite(item.body['qg:cueEnd']);
  }
  return copy;
}

function annotationOn(selector: unknown[], body: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'urn:example:1',
    type: 'Annotation',
    motivation: 'identifying',
    body,
    target: { source: ARTICLE_IRI, selector },
  };
}

const MENTION_BODY = {
  id: 'urn:quotegraph:actor:ines',
  type: 'qg:Actor',
  'qg:name': 'Quarry',
  'qg:actorKind': 'PERSON',
};

describe('writeWebAnnotations', () => {
  const page: any = writeWebAnnotations(ARTICLE, ARTICLE_IRI);

  test('writes an AnnotationPage that the Web Annotation schema accepts', () => {
    const valid = validatePage(page);
    expect(validatePage.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(page['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(page.id).toBe(`${ARTICLE_IRI}#annotations`);
    expect(page.items.map((item: any) => [item.motivation, item.body.type])).toEqual([
      ['identifying', 'qg:Source'],
      ['identifying', 'qg:Source'],
      ['identifying', 'qg:Source'],
      ['classifying', 'qg:Quote'],
      ['classifying', 'qg:Quote'],
      ['identifying', 'qg:Actor'],
      ['identifying', 'qg:Actor'],
      ['assessing', 'qg:Stance'],
      ['identifying', 'qg:Actor'],
    ]);
  });

  test('the schema refuses an annotation without a target and a selector with a negative start', () => {
    const withoutTarget = structuredClone(page);
    delete withoutTarget.items[0].target;
    expect(validatePage(withoutTarget)).toBe(false);
    const negativeStart = structuredClone(page);
    negativeStart.items[0].target.selector[0].start = -1;
    expect(validatePage(negativeStart)).toBe(false);
  });

  test('every TextQuoteSelector quotes the text at its TextPositionSelector, in code points', () => {
    const spanned = page.items.filter((item: any) => typeof item.target !== 'string');
    expect(spanned).toHaveLength(7);
    for (const { target } of spanned) {
      const [position, quote] = target.selector;
      expect(position.type).toBe('TextPositionSelector');
      expect(quote.type).toBe('TextQuoteSelector');
      expect(quote.exact).toBe(sliceCodePoints(BODY, position.start, position.end));
      expect(quote.prefix ?? '').toBe(sliceCodePoints(BODY, Math.max(0, position.start - 32), position.start));
    }
    expect(spanned[0].target.selector[0]).toEqual({ type: 'TextPositionSelector', start: 37, end: 55 });
  });

  test('writes a source without a span as an annotation of the whole article', () => {
    expect(page.items[2].target).toBe(ARTICLE_IRI);
    expect(page.items[2].body).toEqual({
      id: 'urn:quotegraph:source:guard',
      type: 'qg:Source',
      'qg:descriptor': 'the Coastal Guard',
      'qg:anonymity': 'NAMED',
      'qg:actor': {
        id: 'http://www.wikidata.org/entity/Q7654321',
        type: 'qg:Actor',
        'qg:name': 'Coastal Guard',
        'qg:actorKind': 'ORGANIZATION',
      },
    });
  });

  test("marks an extractor's row with a generator, its version and confidence, and a manual row with none", () => {
    const [manual, extracted] = [page.items[3], page.items[4]];
    expect(manual.generator).toBeUndefined();
    expect(extracted.generator).toEqual({
      id: 'urn:quotegraph:extractor:quotegraph-rules:2.1.0',
      type: 'Software',
      name: 'quotegraph-rules',
    });
    expect(extracted['qg:extractorVersion']).toBe('2.1.0');
    expect(extracted['qg:confidence']).toBe(0.72);
  });
});

describe('readWebAnnotations', () => {
  const page: any = writeWebAnnotations(ARTICLE, ARTICLE_IRI);

  test('reads back the sources, quotes, mentions, stances and actor links it wrote', () => {
    const { annotations, warnings } = readWebAnnotations(BODY, page, OffsetUnit.CODE_POINT);
    expect(warnings).toEqual([]);
    expect(annotations).toEqual(READ_BACK);
  });

  test('converts UTF-16 offsets, as Hypothesis writes them, to the same code point spans', () => {
    const utf16Page = withOffsets(page, offsetWriter(BODY, OffsetUnit.UTF16));
    expect(selectorsOf(utf16Page)[0]).toEqual({ type: 'TextPositionSelector', start: 38, end: 56 });
    const { annotations, warnings } = readWebAnnotations(BODY, utf16Page, OffsetUnit.UTF16);
    expect(warnings).toEqual([]);
    expect(annotations).toEqual(READ_BACK);
  });

  test('re-anchors a wrong position by its quoted text, choosing the occurrence whose context agrees', () => {
    // "Quarry" appears twice; the prefix and suffix point at the second, the position at neither.
    const selector = [
      { type: 'TextPositionSelector', start: 3, end: 9 },
      { type: 'TextQuoteSelector', exact: 'Quarry', prefix: 'a second week. ', suffix: ' later' },
    ];
    const { annotations, warnings } = readWebAnnotations(
      BODY,
      [annotationOn(selector, MENTION_BODY)],
      OffsetUnit.CODE_POINT,
    );
    expect(warnings).toEqual([]);
    expect(annotations.mentions).toEqual([{ actor: { key: 'ines' }, span: spanOf('Quarry', 1) }]);
  });

  test('without context, re-anchors to the occurrence nearest the given position', () => {
    const selector = [
      { type: 'TextPositionSelector', start: 170, end: 176 },
      { type: 'TextQuoteSelector', exact: 'Quarry' },
    ];
    const { annotations } = readWebAnnotations(BODY, [annotationOn(selector, MENTION_BODY)], OffsetUnit.CODE_POINT);
    expect(annotations.mentions).toEqual([{ actor: { key: 'ines' }, span: spanOf('Quarry', 1) }]);
  });

  test("moves a re-anchored quote's cue with it, and leaves out a cue span that then misses the cue", () => {
    const shifted = withOffsets({ type: 'AnnotationPage', items: [page.items[3]] }, (offset) => offset + 5);
    const { annotations, warnings } = readWebAnnotations(BODY, shifted, OffsetUnit.CODE_POINT);
    expect(warnings).toEqual([]);
    expect(annotations.quotes).toEqual([ARTICLE.annotations!.quotes![0]]);

    shifted.items[0].body['qg:cueStart'] += 1;
    shifted.items[0].body['qg:cueEnd'] += 1;
    const moved = readWebAnnotations(BODY, shifted, OffsetUnit.CODE_POINT);
    expect(moved.warnings).toEqual(['items[0].body.qg:cueStart: the cue\'s span is not "said"; left out']);
    expect(moved.annotations.quotes).toEqual([{ ...ARTICLE.annotations!.quotes![0], cueSpan: undefined }]);
  });

  test('skips with a warning an annotation whose quoted text is not in the body', () => {
    const selector = [
      { type: 'TextPositionSelector', start: 37, end: 55 },
      { type: 'TextQuoteSelector', exact: 'Governor Ada Lund' },
    ];
    const { annotations, warnings } = readWebAnnotations(
      BODY,
      [annotationOn(selector, MENTION_BODY)],
      OffsetUnit.CODE_POINT,
    );
    expect(annotations.mentions).toEqual([]);
    expect(warnings).toEqual(['[0]: the quoted text "Governor Ada Lund" is not in the body; skipped']);
  });

  test('skips with a warning a Hypothesis highlight that carries only a comment', () => {
    const highlight = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://hypothes.is/a/abc123',
      type: 'Annotation',
      motivation: 'commenting',
      body: [{ type: 'TextualBody', value: 'Check this figure', format: 'text/markdown' }],
      target: [
        {
          source: ARTICLE_IRI,
          selector: [
            { type: 'RangeSelector', startContainer: '/p[1]', startOffset: 0, endContainer: '/p[1]', endOffset: 5 },
            { type: 'TextPositionSelector', start: 0, end: 7 },
            { type: 'TextQuoteSelector', exact: 'Harbour', suffix: ' towns' },
          ],
        },
      ],
    };
    const { annotations, warnings } = readWebAnnotations(BODY, highlight, OffsetUnit.UTF16);
    expect(annotations).toEqual({
      offsets: 'CODE_POINT',
      actors: [],
      sources: [],
      quotes: [],
      mentions: [],
      stances: [],
    });
    expect(warnings).toEqual(['annotation: has no body of type qg:Source, qg:Quote, qg:Stance or qg:Actor; skipped']);
  });

  test('reads an AnnotationCollection by its embedded first page, a bare array and a single annotation alike', () => {
    const collection = { '@context': page['@context'], type: 'AnnotationCollection', first: page };
    expect(readWebAnnotations(BODY, collection, OffsetUnit.CODE_POINT).annotations).toEqual(READ_BACK);
    expect(readWebAnnotations(BODY, page.items, OffsetUnit.CODE_POINT).annotations).toEqual(READ_BACK);
    expect(readWebAnnotations(BODY, page.items[6], OffsetUnit.CODE_POINT).annotations.mentions).toEqual([
      { actor: { key: 'Q7654321' }, span: spanOf('Coastal Guard') },
    ]);
  });

  test('names the path of a value it cannot read', () => {
    const negativeStart = structuredClone(page);
    negativeStart.items[3].target.selector[0].start = -4;
    expect(() => readWebAnnotations(BODY, negativeStart, OffsetUnit.CODE_POINT)).toThrow(
      new WebAnnotationFormatError('items[3].target.selector[0].start', 'must be a non-negative integer'),
    );
    expect(() => readWebAnnotations(BODY, negativeStart, OffsetUnit.CODE_POINT)).toThrow(
      'items[3].target.selector[0].start: must be a non-negative integer',
    );

    const withoutTarget = structuredClone(page);
    delete withoutTarget.items[1].target;
    expect(() => readWebAnnotations(BODY, withoutTarget, OffsetUnit.CODE_POINT)).toThrow(
      'items[1].target: is required',
    );

    const unknownKind = structuredClone(page);
    unknownKind.items[4].body['qg:quoteKind'] = 'RUMOUR';
    expect(() => readWebAnnotations(BODY, unknownKind, OffsetUnit.CODE_POINT)).toThrow(
      'items[4].body.qg:quoteKind: "RUMOUR" is not one of DIRECT, PARAPHRASE',
    );

    expect(() => readWebAnnotations(BODY, { type: 'AnnotationPage', items: {} }, OffsetUnit.CODE_POINT)).toThrow(
      'items: must be an array',
    );
    expect(() => readWebAnnotations(BODY, 'not a document', OffsetUnit.CODE_POINT)).toThrow(
      'document: must be an object',
    );
  });
});
