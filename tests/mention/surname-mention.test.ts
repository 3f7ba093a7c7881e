// Issue 12, point 5: a person named in full and later by surname alone is mentioned at both places,
// so co-mention networks and mention filters count what the text says.
import { startTestApp, type TestApp } from '../setup/test-app';

const IMPORT = `
  mutation ($input: ImportArticleInput!) {
    importArticle(input: $input) {
      created
      article { id mentions { span { start end text } actor { id name } } }
    }
  }`;

const FIRST = {
  url: 'https://example.org/trade/lindqvist-in-gdansk',
  title: 'Swedish minister visits Gdansk',
  body:
    'Swedish trade minister Maria Lindqvist visited the port of Gdansk on Monday.\n\n' +
    'Lindqvist met officials of the European Commission at the harbour and toured the new container terminal.',
  publishedAt: '2024-03-04T09:00:00Z',
  language: 'en',
  outletName: 'Example Trade News',
};

// The second article names her by title and surname only ("Minister Lindqvist"): the one known
// actor with that surname.
const SECOND = {
  url: 'https://example.org/trade/lindqvist-in-brussels',
  title: 'Trade talks in Brussels',
  body: 'On Thursday, Minister Lindqvist arrived in Brussels for talks with the European Commission on shipping rules.',
  publishedAt: '2024-03-07T09:00:00Z',
  language: 'en',
  outletName: 'Example Trade News',
};

interface MentionRow {
  span: { start: number; end: number; text: string };
  actor: { id: string; name: string };
}

describe('surname-only mentions', () => {
  let app: TestApp;
  let first: { id: string; mentions: MentionRow[] };
  let second: { id: string; mentions: MentionRow[] };

  beforeAll(async () => {
    app = await startTestApp();
    const one = await app.graphql(IMPORT, { input: FIRST });
    expect(one.errors).toBeUndefined();
    first = one.data.importArticle.article;
    const two = await app.graphql(IMPORT, { input: SECOND });
    expect(two.errors).toBeUndefined();
    second = two.data.importArticle.article;
  });

  afterAll(async () => {
    await app.close();
  });

  const lindqvistIn = (mentions: MentionRow[]) =>
    mentions.filter((m) => m.span.text.includes('Lindqvist')).map((m) => [m.span.text, m.actor.name]);

  test('a surname after the full name is a mention of the same actor, at its own span', async () => {
    expect(lindqvistIn(first.mentions)).toEqual([
      ['Maria Lindqvist', 'Maria Lindqvist'],
      ['Lindqvist', 'Maria Lindqvist'],
    ]);
    const surname = first.mentions.find((m) => m.span.text === 'Lindqvist');
    expect(surname?.span.start).toBe(FIRST.body.indexOf('Lindqvist met'));
    const { data } = await app.graphql(
      `query ($id: ID!) { article(id: $id) { mentions { span { text } actor { name } } } }`,
      { id: first.id },
    );
    expect(data.article.mentions).toEqual(
      expect.arrayContaining([{ span: { text: 'Lindqvist' }, actor: { name: 'Maria Lindqvist' } }]),
    );
  });

  test('a surname alone in a later article is a mention of the one known actor with that surname', async () => {
    expect(lindqvistIn(second.mentions)).toEqual([['Lindqvist', 'Maria Lindqvist']]);
    const actorIds = new Set(
      [...first.mentions, ...second.mentions].filter((m) => m.actor.name === 'Maria Lindqvist').map((m) => m.actor.id),
    );
    expect(actorIds.size).toBe(1);
  });

  test('coMentioned and the mentionsActorIds filter count the article that names her by surname only', async () => {
    const lindqvist = first.mentions.find((m) => m.actor.name === 'Maria Lindqvist')!.actor.id;
    const { data, errors } = await app.graphql(
      `query ($id: ID!) {
        commission: actor(name: "European Commission") { coMentioned(first: 20) { actor { name } articleCount } }
        articles(filter: { mentionsActorIds: [$id] }) { totalCount edges { node { title } } }
      }`,
      { id: lindqvist },
    );
    expect(errors).toBeUndefined();
    expect(data.commission.coMentioned).toEqual(
      expect.arrayContaining([{ actor: { name: 'Maria Lindqvist' }, articleCount: 2 }]),
    );
    expect(data.articles.edges.map((e: any) => e.node.title).sort()).toEqual([FIRST.title, SECOND.title].sort());
  });
});
