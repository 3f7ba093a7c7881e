// importArticle with the caller's own annotations: written as given (MANUAL, or EXTRACTED where an
// item says so), spans converted from the sender's unit and body to the stored body, actors
// resolved by Wikidata id then name, every problem named by its path with nothing written.
import { startTestApp, type TestApp } from '../setup/test-app';

const IMPORT = `mutation ($input: ImportArticleInput!) {
  importArticle(input: $input) {
    created warnings extraction { quotes sources mentions newActors }
    article {
      body
      quotes { edges { node { text kind origin extractor confidence cue cueSpan { start end text }
        source { descriptor anonymity kind role actor { name wikidataId } affiliation { name kind } } } } }
      mentions { span { text } actor { name } origin }
      stances { position note evidence { text } quote { text } question { slug text } source { descriptor } }
    }
  }
}`;

// An emoji (two UTF-16 units, four UTF-8 bytes), a decomposed accent that the stored body composes,
// and CRLF line ends that it turns into LF: every offset after them differs by unit and by body.
const RAW_BODY =
  'Kyiv 🇺🇦 —\r\nOlena Kovalenko said: “We will hold.”\r\nA senior official in Pe\u0301cs added that talks had stalled.';
const STORED_BODY =
  'Kyiv 🇺🇦 —\nOlena Kovalenko said: “We will hold.”\nA senior official in P\u00e9cs added that talks had stalled.';

/** [start, end) of `text` in RAW_BODY, in UTF-16 units (what JavaScript's indexOf counts). */
function utf16Span(text: string): { start: number; end: number } {
  const start = RAW_BODY.indexOf(text);
  if (start < 0) throw new Error(`not in the body: ${text}`);
  return { start, end: start + text.length };
}

function annotations() {
  return {
    offsets: 'UTF16',
    actors: [
      { key: 'olena', name: 'Olena Kovalenko', kind: 'PERSON', wikidataId: 'Q424242', aliases: ['Kovalenko'] },
      { key: 'ua', name: 'Ukraine', kind: 'STATE' },
    ],
    sources: [
      {
        key: 's1',
        descriptor: 'Olena Kovalenko',
        span: utf16Span('Olena Kovalenko'),
        anonymity: 'NAMED',
        actor: { key: 'olena' },
        affiliation: { key: 'ua' },
        role: 'spokeswoman',
      },
      {
        key: 's2',
        descriptor: 'A senior official in Pe\u0301cs',
        span: utf16Span('A senior official in Pe\u0301cs'),
        anonymity: 'ANONYMOUS',
        affiliation: { name: 'Hungary' },
      },
    ],
    quotes: [
      { key: 'q1', span: utf16Span('We will hold.'), kind: 'DIRECT', source: 's1', cueSpan: utf16Span('said') },
      {
        span: utf16Span('talks had stalled'),
        kind: 'PARAPHRASE',
        source: 's2',
        cue: 'added',
        extracted: { extractor: 'my-tagger', version: '0.3', confidence: 0.75 },
      },
    ],
    mentions: [{ actor: { key: 'olena' }, span: utf16Span('Olena Kovalenko') }],
    stances: [
      {
        question: 'ukraine-holds-the-line',
        questionText: 'Will Ukraine hold the line?',
        source: 's1',
        position: 'SUPPORT',
        quote: 'q1',
        note: 'firm',
      },
    ],
  };
}

describe('importing an article with its own annotations', () => {
  let app: TestApp;
  const count = async (table: string): Promise<number> =>
    (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(async () => {
    await app.database.dataSource.query('TRUNCATE articles, outlets, actors, policy_questions CASCADE');
  });

  test('writes the given sources, quotes, mentions and stances at the right text of the stored body', async () => {
    const { data, errors } = await app.graphql(IMPORT, {
      input: { title: 'Holding', body: RAW_BODY, extract: false, annotations: annotations() },
    });
    expect(errors).toBeUndefined();
    const { article, extraction } = data.importArticle;
    expect(article.body).toBe(STORED_BODY);
    expect(extraction).toEqual({ quotes: 2, sources: 2, mentions: 1, newActors: 3 });
    const quotes = article.quotes.edges.map((e: any) => e.node);
    expect(quotes).toEqual([
      {
        text: 'We will hold.',
        kind: 'DIRECT',
        origin: 'MANUAL',
        extractor: null,
        confidence: null,
        cue: 'said',
        cueSpan: { start: 26, end: 30, text: 'said' },
        source: {
          descriptor: 'Olena Kovalenko',
          anonymity: 'NAMED',
          kind: 'PERSON',
          role: 'spokeswoman',
          actor: { name: 'Olena Kovalenko', wikidataId: 'Q424242' },
          affiliation: { name: 'Ukraine', kind: 'STATE' },
        },
      },
      {
        text: 'talks had stalled',
        kind: 'PARAPHRASE',
        origin: 'EXTRACTED',
        extractor: 'my-tagger',
        confidence: 0.75,
        cue: 'added',
        cueSpan: null,
        source: {
          descriptor: 'A senior official in P\u00e9cs',
          anonymity: 'ANONYMOUS',
          kind: 'PERSON',
          role: null,
          actor: null,
          affiliation: { name: 'Hungary', kind: 'ORGANIZATION' },
        },
      },
    ]);
    expect(article.mentions).toEqual([
      { span: { text: 'Olena Kovalenko' }, actor: { name: 'Olena Kovalenko' }, origin: 'MANUAL' },
    ]);
    expect(article.stances).toEqual([
      {
        position: 'SUPPORT',
        note: 'firm',
        evidence: { text: 'We will hold.' },
        quote: { text: 'We will hold.' },
        question: { slug: 'ukraine-holds-the-line', text: 'Will Ukraine hold the line?' },
        source: { descriptor: 'Olena Kovalenko' },
      },
    ]);
  });

  test('converts code point and UTF-8 offsets to the same stored spans as UTF-16 ones', async () => {
    const codePoints = (utf16: number) => Array.from(RAW_BODY.slice(0, utf16)).length;
    const bytes = (utf16: number) => Buffer.byteLength(RAW_BODY.slice(0, utf16), 'utf8');
    for (const [unit, convert] of [
      ['CODE_POINT', codePoints],
      ['UTF8', bytes],
    ] as const) {
      await app.database.dataSource.query('TRUNCATE articles, outlets, actors, policy_questions CASCADE');
      const quoteSpan = utf16Span('talks had stalled');
      const { data, errors } = await app.graphql(IMPORT, {
        input: {
          title: `In ${unit}`,
          body: RAW_BODY,
          extract: false,
          annotations: {
            offsets: unit,
            quotes: [{ span: { start: convert(quoteSpan.start), end: convert(quoteSpan.end) }, kind: 'PARAPHRASE' }],
          },
        },
      });
      expect(errors).toBeUndefined();
      expect(data.importArticle.article.quotes.edges.map((e: any) => e.node.text)).toEqual(['talks had stalled']);
    }
  });

  test('refuses an import with one bad span, names its path and writes nothing', async () => {
    const input = annotations();
    input.quotes[1].span = { start: 10, end: 400 };
    const { data, errors } = await app.graphql(IMPORT, {
      input: { title: 'Bad', body: RAW_BODY, extract: false, annotations: input },
    });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.annotations.quotes[1].span' });
    expect(errors?.[0].message).toMatch(/not a boundary between characters of the body, counted in UTF-16 code units/);
    for (const table of ['articles', 'actors', 'sources', 'quotes', 'policy_questions'])
      expect(await count(table)).toBe(0);
  });

  test('refuses an offset between the two halves of an emoji and one inside a composed accent', async () => {
    const emoji = RAW_BODY.indexOf('🇺🇦');
    const accent = RAW_BODY.indexOf('\u0301');
    for (const [span, message] of [
      [{ start: emoji + 1, end: emoji + 4 }, /not a boundary between characters/],
      [{ start: accent, end: accent + 3 }, /falls inside a character that normalisation \(NFC\) composes/],
    ] as const) {
      const { errors } = await app.graphql(IMPORT, {
        input: {
          title: 'Inside',
          body: RAW_BODY,
          extract: false,
          annotations: { offsets: 'UTF16', mentions: [{ actor: { name: 'Someone' }, span }] },
        },
      });
      expect(errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.annotations.mentions[0].span',
      });
      expect(errors?.[0].message).toMatch(message);
    }
    expect(await count('articles')).toBe(0);
  });

  test('names the path of a reference to a key that the input does not define', async () => {
    const input = annotations();
    input.quotes[0].source = 'nobody';
    const { errors } = await app.graphql(IMPORT, {
      input: { title: 'Unknown key', body: RAW_BODY, extract: false, annotations: input },
    });
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.annotations.quotes[0].source',
    });
    expect(errors?.[0].message).toBe('no entry of annotations.sources has the key "nobody"');
  });

  test('names the path of a shape error inside a list, as class-validator finds it', async () => {
    const input = annotations();
    (input.actors[0] as { wikidataId: string }).wikidataId = 'wd:42';
    const { errors } = await app.graphql(IMPORT, {
      input: { title: 'Shape', body: RAW_BODY, extract: false, annotations: input },
    });
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.annotations.actors[0].wikidataId',
    });
  });

  test('links a known actor by its Wikidata id alone, and refuses an unknown one with nothing written', async () => {
    await app.graphql(IMPORT, {
      input: { title: 'First', body: RAW_BODY, extract: false, annotations: annotations() },
    });
    const mentionOf = (wikidataId: string) => ({
      title: `Again ${wikidataId}`,
      body: `Kovalenko spoke again (${wikidataId}).`,
      extract: false,
      annotations: { mentions: [{ actor: { wikidataId }, span: { start: 0, end: 9 } }] },
    });
    const known = await app.graphql(IMPORT, { input: mentionOf('Q424242') });
    expect(known.errors).toBeUndefined();
    expect(known.data.importArticle.article.mentions[0].actor).toEqual({ name: 'Olena Kovalenko' });
    expect(known.data.importArticle.extraction.newActors).toBe(0);

    const unknown = await app.graphql(IMPORT, { input: mentionOf('Q99') });
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.annotations.mentions[0].actor.wikidataId',
    });
    expect(await count('articles')).toBe(2);
  });

  test('resolves actors by Wikidata id before name: another name joins, the same name with another id does not', async () => {
    await app.graphql(IMPORT, {
      input: { title: 'First', body: RAW_BODY, extract: false, annotations: annotations() },
    });
    const withActor = (title: string, actor: object) => ({
      title,
      body: `O. Kovalenko spoke (${title}).`,
      extract: false,
      annotations: {
        actors: [{ key: 'a', kind: 'PERSON', ...actor }],
        mentions: [{ actor: { key: 'a' }, span: { start: 0, end: 12 } }],
      },
    });
    const sameId = await app.graphql(IMPORT, {
      input: withActor('Same id', { name: 'O. Kovalenko', wikidataId: 'Q424242' }),
    });
    expect(sameId.data.importArticle.article.mentions[0].actor).toEqual({ name: 'Olena Kovalenko' });
    const otherId = await app.graphql(IMPORT, {
      input: withActor('Other id', { name: 'Olena Kovalenko', wikidataId: 'Q515' }),
    });
    expect(otherId.data.importArticle.extraction.newActors).toBe(1);
    const actors = await app.database.dataSource.query(
      `SELECT name, wikidata_id FROM actors WHERE name = 'Olena Kovalenko' ORDER BY wikidata_id`,
    );
    expect(actors).toEqual([
      { name: 'Olena Kovalenko', wikidata_id: 'Q424242' },
      { name: 'Olena Kovalenko', wikidata_id: 'Q515' },
    ]);
  });

  test("a caller's key that looks like a made-up one never meets it", async () => {
    const { data, errors } = await app.graphql(IMPORT, {
      input: {
        title: 'Keys',
        body: 'Kovalenko met Someone Else.',
        extract: false,
        annotations: {
          actors: [{ key: 'name:Kovalenko', name: 'Someone Else', kind: 'PERSON' }],
          mentions: [
            { actor: { name: 'Kovalenko' }, span: { start: 0, end: 9 } },
            { actor: { key: 'name:Kovalenko' }, span: { start: 14, end: 26 } },
          ],
        },
      },
    });
    expect(errors).toBeUndefined();
    expect(data.importArticle.article.mentions).toEqual([
      { span: { text: 'Kovalenko' }, actor: { name: 'Kovalenko' }, origin: 'MANUAL' },
      { span: { text: 'Someone Else' }, actor: { name: 'Someone Else' }, origin: 'MANUAL' },
    ]);
  });

  test('finds actors by Wikidata id, and by whether they have one', async () => {
    await app.graphql(IMPORT, {
      input: { title: 'First', body: RAW_BODY, extract: false, annotations: annotations() },
    });
    const names = async (filter: object) =>
      (
        await app.graphql(`query ($filter: ActorFilter) { actors(filter: $filter) { edges { node { name } } } }`, {
          filter,
        })
      ).data.actors.edges.map((e: any) => e.node.name);
    expect(await names({ wikidataIds: ['Q424242', 'Q1'] })).toEqual(['Olena Kovalenko']);
    expect((await names({ hasWikidataId: false })).sort()).toEqual(['Hungary', 'Ukraine']);
    const { errors } = await app.graphql(`{ actors(filter: { wikidataIds: ["42"] }) { totalCount } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.wikidataIds' });
  });

  test('with extract: true, extraction fills only what the annotations leave out', async () => {
    const body =
      'The minister said: "We will rebuild every bridge this year." Later he warned: "The winter will be hard for everyone."';
    const second = body.indexOf('The winter');
    const { data, errors } = await app.graphql(IMPORT, {
      input: {
        title: 'Fill',
        body,
        extract: true,
        annotations: {
          quotes: [
            { span: { start: second, end: second + 'The winter will be hard for everyone.'.length }, kind: 'DIRECT' },
          ],
        },
      },
    });
    expect(errors).toBeUndefined();
    const quotes = data.importArticle.article.quotes.edges.map((e: any) => [e.node.text, e.node.origin]);
    expect(quotes).toEqual([
      ['We will rebuild every bridge this year.', 'EXTRACTED'],
      ['The winter will be hard for everyone.', 'MANUAL'],
    ]);
  });

  test('an article already stored keeps its annotations and the payload says the given ones were not written', async () => {
    const input = { url: 'https://example.org/holding', title: 'Holding', body: RAW_BODY, extract: false };
    await app.graphql(IMPORT, { input });
    const { data } = await app.graphql(IMPORT, { input: { ...input, annotations: annotations() } });
    expect(data.importArticle.created).toBe(false);
    expect(data.importArticle.warnings).toEqual([
      'the article was already stored: it keeps its annotations, and those given were not written',
    ]);
    expect(await count('quotes')).toBe(0);
  });
});
