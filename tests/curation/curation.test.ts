// Curation mutations through GraphQL: span checks, NOT_FOUND for unknown ids, conflicts,
// MANUAL on edit, merges that leave no dangling reference, and one revision per change.
import { ActorKind } from '../../src/actor/actor.entity';
import { toGlobalId } from '../../src/common/global-id';
import { Position } from '../../src/stance/stance.entity';
import { rebuildCorpus, type BuiltCorpus } from '../setup/corpus-builder';
import { startTestApp, type TestApp } from '../setup/test-app';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('curation', () => {
  let app: TestApp;
  let corpus: BuiltCorpus;
  const sql = (text: string, params: unknown[] = []) => app.database.dataSource.query(text, params);
  const revisionCount = async () => (await sql(`SELECT count(*)::int AS n FROM revisions`))[0].n as number;
  const gid = (type: string, id: string) => toGlobalId(type, id);

  async function mutate(query: string, variables: Record<string, unknown>) {
    const response = await app.graphql(query, variables);
    return response;
  }

  async function oneRow<T = any>(text: string, params: unknown[] = []): Promise<T> {
    return (await sql(text, params))[0];
  }

  beforeAll(async () => {
    app = await startTestApp();
  });

  // Every test mutates: each starts from this corpus, never from what an earlier test left.
  beforeEach(async () => {
    corpus = await rebuildCorpus(app.database.dataSource, {
      outlets: [{ key: 'o', name: 'Outlet', domain: 'outlet.example' }],
      actors: [
        { name: 'NATO', kind: ActorKind.ORGANIZATION },
        { name: 'France', kind: ActorKind.STATE, memberOf: ['NATO'] },
        { name: 'Volodymyr Zelensky', kind: ActorKind.PERSON, aliases: ['Zelensky'] },
        {
          name: 'Zelenskyy',
          kind: ActorKind.PERSON,
          aliases: ['V. Zelenskyy'],
          memberOf: ['NATO'],
          affiliation: 'France',
        },
      ],
      questions: [{ slug: 'strikes', text: 'Strikes?' }],
      articles: [
        {
          key: 'a',
          title: 'First',
          outlet: 'o',
          publishedAt: '2024-09-01T00:00:00Z',
          intro: '🇺🇦 Zelenskyy spoke. Zelensky spoke.',
          quotes: [
            {
              text: 'We need the missiles.',
              source: 'Zelenskyy',
              stance: { question: 'strikes', position: Position.SUPPORT },
            },
            { text: 'Not yet.', source: 'an official', extracted: { confidence: 0.5 } },
          ],
        },
        { key: 'b', title: 'Second', intro: 'Other text.', quotes: [{ text: 'Elsewhere.', source: 'a diplomat' }] },
      ],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('quotes', () => {
    const CREATE = `mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { id text origin kind span { start end text } source { descriptor } } }`;

    test('a created quote takes its text from the body at its span, counting code points', async () => {
      const [article] = await sql(`SELECT id, body FROM articles WHERE title = 'First'`);
      const chars = Array.from(article.body as string);
      const start =
        chars.join('').indexOf('Zelenskyy spoke.') >= 0
          ? Array.from((article.body as string).slice(0, (article.body as string).indexOf('Zelenskyy spoke.'))).length
          : -1;
      const before = await revisionCount();
      const { data, errors } = await mutate(CREATE, {
        input: { articleId: gid('Article', article.id), span: { start, end: start + 9 }, kind: 'PARAPHRASE' },
      });
      expect(errors).toBeUndefined();
      expect(data.createQuote).toMatchObject({
        text: 'Zelenskyy',
        origin: 'MANUAL',
        kind: 'PARAPHRASE',
        span: { start, end: start + 9, text: 'Zelenskyy' },
        source: null,
      });
      expect(start).toBe(3); // after the flag's two code points and a space
      expect((await revisionCount()) - before).toBe(1);
    });

    test.each([
      ['past the end of the body', { start: 0, end: 10_000 }],
      ['empty', { start: 5, end: 5 }],
      ['negative', { start: -1, end: 3 }],
    ])('a span %s is BAD_USER_INPUT naming input.span, and nothing is written', async (_case, span) => {
      const before = await oneRow(`SELECT count(*)::int AS n FROM quotes`);
      const { data, errors } = await mutate(CREATE, {
        input: { articleId: gid('Article', corpus.articleIds.a), span },
      });
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: expect.stringMatching(/^input\.span/),
      });
      expect(await oneRow(`SELECT count(*)::int AS n FROM quotes`)).toEqual(before);
    });

    test('a source of another article is refused', async () => {
      const [other] = await sql(`SELECT id FROM sources WHERE article_id = $1`, [corpus.articleIds.b]);
      const { errors } = await mutate(CREATE, {
        input: {
          articleId: gid('Article', corpus.articleIds.a),
          span: { start: 0, end: 2 },
          sourceId: gid('Source', other.id),
        },
      });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sourceId' });
    });

    test('correcting an extracted quote makes it MANUAL, keeps its extractor, and records before and after', async () => {
      const quote = await oneRow(`SELECT id, span_start, span_end FROM quotes WHERE origin = 'EXTRACTED' LIMIT 1`);
      const { data, errors } = await mutate(
        `mutation ($input: UpdateQuoteInput!) { updateQuote(input: $input) { id text origin extractor confidence cue span { start end } } }`,
        {
          input: {
            id: gid('Quote', quote.id),
            span: { start: quote.span_start, end: quote.span_end - 1 },
            cue: 'told',
          },
        },
      );
      expect(errors).toBeUndefined();
      expect(data.updateQuote).toMatchObject({
        text: 'Not yet',
        origin: 'MANUAL',
        extractor: 'test',
        confidence: null,
        cue: 'told',
      });
      const history = await app.graphql(
        `query ($id: ID!) { revisions(entityId: $id) { edges { node { operation before after } } } }`,
        { id: gid('Quote', quote.id) },
      );
      const [created, revision] = history.data.revisions.edges.map((e: any) => e.node);
      expect(created.operation).toBe('CREATE');
      expect(revision.operation).toBe('UPDATE');
      expect(revision.before).toMatchObject({ origin: 'EXTRACTED', confidence: 0.5, text: 'Not yet.' });
      expect(revision.after).toMatchObject({ origin: 'MANUAL', confidence: null, text: 'Not yet' });
    });

    test('deleting a quote keeps the stance that cites it, with its evidence and without the link', async () => {
      const stance = await oneRow(
        `SELECT id, quote_id, evidence_start, evidence_end FROM stances WHERE quote_id IS NOT NULL LIMIT 1`,
      );
      const before = await revisionCount();
      const { data } = await mutate(`mutation ($id: ID!) { deleteQuote(id: $id) }`, {
        id: gid('Quote', stance.quote_id),
      });
      expect(data.deleteQuote).toBe(gid('Quote', stance.quote_id));
      expect(
        await oneRow(`SELECT quote_id, evidence_start, evidence_end FROM stances WHERE id = $1`, [stance.id]),
      ).toEqual({
        quote_id: null,
        evidence_start: stance.evidence_start,
        evidence_end: stance.evidence_end,
      });
      expect((await revisionCount()) - before).toBe(2); // the quote and the stance
    });
  });

  test('every mutation given an unknown id answers NOT_FOUND naming the argument', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [`mutation ($id: ID!) { deleteArticle(id: $id) }`, { id: gid('Article', UNKNOWN) }, 'id'],
      [`mutation ($id: ID!) { deleteQuote(id: $id) }`, { id: gid('Quote', UNKNOWN) }, 'id'],
      [`mutation ($id: ID!) { deleteSource(id: $id) }`, { id: gid('Source', UNKNOWN) }, 'id'],
      [`mutation ($id: ID!) { deleteMention(id: $id) }`, { id: gid('Mention', UNKNOWN) }, 'id'],
      [`mutation ($id: ID!) { deleteStance(id: $id) }`, { id: gid('Stance', UNKNOWN) }, 'id'],
      [
        `mutation ($id: ID!) { updateQuote(input: { id: $id, cue: "said" }) { id } }`,
        { id: gid('Quote', UNKNOWN) },
        'input.id',
      ],
      [
        `mutation ($id: ID!) { updateSource(input: { id: $id, role: "x" }) { id } }`,
        { id: gid('Source', UNKNOWN) },
        'input.id',
      ],
      [
        `mutation ($id: ID!) { updateActor(input: { id: $id, name: "x" }) { id } }`,
        { id: gid('Actor', UNKNOWN) },
        'input.id',
      ],
      [
        `mutation ($id: ID!) { updatePolicyQuestion(input: { id: $id, text: "x" }) { id } }`,
        { id: gid('PolicyQuestion', UNKNOWN) },
        'input.id',
      ],
      [
        `mutation ($id: ID!) { mergeActors(intoId: $id, fromIds: [$id]) { id } }`,
        { id: gid('Actor', UNKNOWN) },
        'intoId',
      ],
      [
        `mutation ($id: ID!) { createQuote(input: { articleId: $id, span: { start: 0, end: 1 } }) { id } }`,
        { id: gid('Article', UNKNOWN) },
        'input.articleId',
      ],
      [
        `mutation ($id: ID!) { setStance(input: { questionId: $id, sourceId: $id, position: SUPPORT }) { id } }`,
        { id: gid('PolicyQuestion', UNKNOWN) },
        'input.questionId',
      ],
    ];
    for (const [query, variables, field] of cases) {
      const { errors } = await mutate(query, variables);
      expect({ query, extensions: errors?.[0].extensions }).toEqual({
        query,
        extensions: { code: 'NOT_FOUND', field },
      });
    }
  });

  describe('actors', () => {
    const CREATE = `mutation ($input: CreateActorInput!) { createActor(input: $input) { id name aliases affiliation { name } memberOf { name } } }`;

    test('aliases are trimmed and deduplicated; memberships and affiliation are set', async () => {
      const { data, errors } = await mutate(CREATE, {
        input: {
          name: 'Emmanuel Macron',
          kind: 'PERSON',
          aliases: ['  Macron ', 'macron', 'E.  Macron'],
          affiliationId: gid('Actor', corpus.actorIds.France),
          memberOfIds: [],
        },
      });
      expect(errors).toBeUndefined();
      expect(data.createActor).toMatchObject({
        name: 'Emmanuel Macron',
        aliases: ['E. Macron', 'Macron'],
        affiliation: { name: 'France' },
        memberOf: [],
      });
    });

    test('an alias another actor holds is CONFLICT naming that actor, and nothing is written', async () => {
      const before = await oneRow(`SELECT count(*)::int AS n FROM actors`);
      const { errors } = await mutate(CREATE, { input: { name: 'Someone', kind: 'PERSON', aliases: ['ZELÉNSKY'] } });
      expect(errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'input.aliases' } });
      expect(errors?.[0].message).toContain('Volodymyr Zelensky');
      expect(await oneRow(`SELECT count(*)::int AS n FROM actors`)).toEqual(before);
    });

    test('merging actors moves sources, mentions, stances, memberships and aliases, and leaves no reference to the merged ones', async () => {
      const into = corpus.actorIds['Volodymyr Zelensky'];
      const from = corpus.actorIds.Zelenskyy;
      const held = await oneRow(
        `
        SELECT (SELECT count(*) FROM quotes q JOIN sources s ON s.id = q.source_id WHERE s.actor_id IN ($1, $2))::int AS quotes,
               (SELECT count(*) FROM stances st JOIN sources s ON s.id = st.source_id WHERE s.actor_id IN ($1, $2))::int AS stances`,
        [into, from],
      );
      expect(held.stances).toBe(1);
      const { data, errors } = await mutate(
        `mutation ($into: ID!, $from: [ID!]!) { mergeActors(intoId: $into, fromIds: $from) {
          name aliases memberOf { name }
          quotes { totalCount } stances { totalCount } mentions { totalCount } } }`,
        // Named twice: merged once, with one DELETE revision (asserted below).
        { into: gid('Actor', into), from: [gid('Actor', from), gid('Actor', from)] },
      );
      expect(errors).toBeUndefined();
      expect(data.mergeActors).toMatchObject({
        name: 'Volodymyr Zelensky',
        aliases: ['V. Zelenskyy', 'Zelensky', 'Zelenskyy'],
        memberOf: [{ name: 'NATO' }],
        quotes: { totalCount: held.quotes },
        stances: { totalCount: held.stances },
      });
      expect(data.mergeActors.mentions.totalCount).toBeGreaterThanOrEqual(2);
      const dangling = await oneRow(
        `
        SELECT (SELECT count(*) FROM sources WHERE actor_id = $1 OR affiliation_id = $1)::int
             + (SELECT count(*) FROM mentions WHERE actor_id = $1)::int
             + (SELECT count(*) FROM actor_memberships WHERE member_id = $1 OR organisation_id = $1)::int
             + (SELECT count(*) FROM actor_aliases WHERE actor_id = $1)::int
             + (SELECT count(*) FROM actors WHERE id = $1 OR affiliation_id = $1)::int AS n`,
        [from],
      );
      expect(dangling.n).toBe(0);
      const merged = await app.graphql(
        `query ($id: ID!) { revisions(entityId: $id) { edges { node { operation } } } }`,
        { id: gid('Actor', from) },
      );
      expect(merged.data.revisions.edges.map((e: any) => e.node.operation)).toEqual(['CREATE', 'DELETE']);
    });
  });

  describe('sources, mentions, policy questions and stances', () => {
    test('deleting a source leaves its quotes unattributed and removes its stances', async () => {
      const source = await oneRow(`SELECT id FROM sources WHERE descriptor = 'a diplomat'`);
      const quotes = await sql(`SELECT id FROM quotes WHERE source_id = $1`, [source.id]);
      await mutate(`mutation ($id: ID!) { deleteSource(id: $id) }`, { id: gid('Source', source.id) });
      expect(
        await sql(`SELECT source_id FROM quotes WHERE id = ANY($1::uuid[])`, [quotes.map((q: any) => q.id)]),
      ).toEqual([{ source_id: null }]);
    });

    test('a policy question slug must be kebab-case and unique', async () => {
      const CREATE = `mutation ($input: CreatePolicyQuestionInput!) { createPolicyQuestion(input: $input) { slug text } }`;
      expect((await mutate(CREATE, { input: { slug: 'Not Kebab', text: 'Q?' } })).errors?.[0].extensions).toMatchObject(
        { code: 'BAD_USER_INPUT', field: 'input.slug' },
      );
      expect((await mutate(CREATE, { input: { slug: 'strikes', text: 'Q?' } })).errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'input.slug',
      });
      expect(
        (await mutate(CREATE, { input: { slug: 'new-question', text: 'New?' } })).data.createPolicyQuestion,
      ).toEqual({ slug: 'new-question', text: 'New?' });
    });

    test('setting a stance twice updates the one stance; a quote of another article is refused', async () => {
      const source = await oneRow(`SELECT id FROM sources WHERE descriptor = 'an official'`);
      const question = gid('PolicyQuestion', corpus.questionIds.strikes);
      const SET = `mutation ($input: SetStanceInput!) { setStance(input: $input) { id position note evidence { text } origin } }`;
      const first = await mutate(SET, {
        input: { questionId: question, sourceId: gid('Source', source.id), position: 'OPPOSE', note: 'first' },
      });
      const second = await mutate(SET, {
        input: {
          questionId: question,
          sourceId: gid('Source', source.id),
          position: 'CONDITIONAL',
          evidence: { start: 0, end: 2 },
        },
      });
      expect(second.data.setStance).toMatchObject({
        id: first.data.setStance.id,
        position: 'CONDITIONAL',
        note: null,
        origin: 'MANUAL',
      });
      expect(await oneRow(`SELECT count(*)::int AS n FROM stances WHERE source_id = $1`, [source.id])).toEqual({
        n: 1,
      });
      const otherQuote = await oneRow(`SELECT id FROM quotes WHERE article_id = $1`, [corpus.articleIds.b]);
      const wrong = await mutate(SET, {
        input: {
          questionId: question,
          sourceId: gid('Source', source.id),
          position: 'SUPPORT',
          quoteId: gid('Quote', otherQuote.id),
        },
      });
      expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quoteId' });
    });

    test('a mention is created at a checked span and deleted, each with one revision', async () => {
      const before = await revisionCount();
      const created = await mutate(
        `mutation ($input: CreateMentionInput!) { createMention(input: $input) { id span { text } actor { name } origin } }`,
        {
          input: {
            articleId: gid('Article', corpus.articleIds.b),
            actorId: gid('Actor', corpus.actorIds.NATO),
            span: { start: 0, end: 5 },
          },
        },
      );
      expect(created.data.createMention).toMatchObject({
        span: { text: 'Other' },
        actor: { name: 'NATO' },
        origin: 'MANUAL',
      });
      await mutate(`mutation ($id: ID!) { deleteMention(id: $id) }`, { id: created.data.createMention.id });
      expect((await revisionCount()) - before).toBe(2);
    });

    test('deleting an article removes it and everything on it, and its history stays readable', async () => {
      const id = gid('Article', corpus.articleIds.b);
      await mutate(`mutation ($id: ID!) { deleteArticle(id: $id) }`, { id });
      expect(
        await oneRow(`SELECT count(*)::int AS n FROM quotes WHERE article_id = $1`, [corpus.articleIds.b]),
      ).toEqual({ n: 0 });
      const { data } = await app.graphql(
        `query ($id: ID!) { article(id: $id) { id } revisions(entityId: $id) { edges { node { operation before } } } }`,
        { id },
      );
      expect(data.article).toBeNull();
      // The test corpus is written like an import, so the history starts with the CREATE.
      expect(data.revisions.edges.map((e: any) => [e.node.operation, e.node.before?.title ?? null])).toEqual([
        ['CREATE', null],
        ['DELETE', 'Second'],
      ]);
    });
  });
});
