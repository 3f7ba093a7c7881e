// Possessives never make an actor's name ("Donald Trump's" -> Donald Trump), whatever the tagger
// read before: wink keeps "Trump's" whole before a full stop and, having cached it so, everywhere
// after, so the text below has "Mr. Trump's." before the possessives that must still split.
import { draftActors } from '../../src/extraction/draft-actors';
import { extractArticle } from '../../src/extraction/extract-article';

const ARTICLE = [
  'Donald Trump’s campaign said on Tuesday that the rally in Ohio would go ahead.',
  'The new plan is bolder than Mr. Trump\'s. "We are not worried about the weather," Trump\'s aide said.',
  '"It will be the largest crowd yet," Donald Trump\'s campaign manager said. Trump’s rivals disagreed.',
  "Democrats hope to fill Tim Kaine's Senate seat, and the Korean People's Army staged a parade.",
].join('\n\n');

/** A possessive anywhere but in the one organisation's name that holds one. */
const possessive = (name: string) => /['’]s(?!\p{L})/u.test(name.replace("People's", 'People'));

describe('possessives in actor names', () => {
  test('a possessive after a name is no part of the actor, a source or a mention', () => {
    const draft = extractArticle(ARTICLE);
    const actors = draftActors(draft).map((a) => a.name);
    expect(actors).toContain('Donald Trump');
    expect(actors.filter((name) => possessive(name))).toEqual([]);
    expect(draft.sources.flatMap((s) => (s.actor ? [s.actor.name] : [])).filter((n) => possessive(n))).toEqual([]);
    const trump = draft.entities.filter((e) => e.name === 'Donald Trump').map((e) => ARTICLE.slice(e.start, e.end));
    expect(trump).toEqual(['Donald Trump', 'Trump', 'Trump', 'Donald Trump', 'Trump']);
  });

  test("someone's possessive before an organisation's head is two names; a plural noun's opens one", () => {
    const actors = draftActors(extractArticle(ARTICLE)).map((a) => a.name);
    expect(actors).toEqual(expect.arrayContaining(['Tim Kaine', "Korean People's Army"]));
    expect(actors).not.toContain("Tim Kaine's Senate");
  });

  test('an article reads the same after articles that ended a sentence with a possessive', () => {
    const first = extractArticle(ARTICLE);
    extractArticle("The decision is Mr. Putin's. The plan was Donald Trump's, and the Senate was Tim Kaine's.");
    expect(extractArticle(ARTICLE)).toEqual(first);
  });
});
