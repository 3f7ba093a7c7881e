// The second pass of named-entity rules: places that play as teams, short forms of organisations,
// acronyms known or defined, and things (craft, products, numerals) that are no actors.
import { draftActors } from '../../src/extraction/draft-actors';
import type { ArticleDraft } from '../../src/extraction/extract-article';
import { type EntityMention, findEntities } from '../../src/extraction/named-entities';
import { analyse } from '../../src/extraction/text-analysis';

const entitiesOf = (text: string) =>
  findEntities(analyse(text)).map((e: EntityMention) => `${text.slice(e.start, e.end)}=${e.name}/${e.kind}`);

const aliasesOf = (text: string) => {
  const draft = { entities: findEntities(analyse(text)), sources: [], quotes: [] } as unknown as ArticleDraft;
  return Object.fromEntries(draftActors(draft).map((a) => [a.name, a.aliases]));
};

const MATCH_REPORT =
  'The football World Cup continued on Sunday. Norway 2 – 1 Chile in a tense match at the stadium. ' +
  'Norway scored twice before half-time and Chile’s striker hit a penalty late. Wales beat Peru in the other ' +
  'match, and the coach praised the goalkeeper. The tournament is held in Canada.';

describe('places playing as teams', () => {
  test('a place set against another in a result is its national team everywhere in a sports article', () => {
    const found = entitiesOf(MATCH_REPORT);
    expect(found).toEqual(
      expect.arrayContaining([
        'Norway=Norway national team/ORGANIZATION',
        'Chile=Chile national team/ORGANIZATION',
        'Wales=Wales national team/ORGANIZATION',
        'Peru=Peru national team/ORGANIZATION',
      ]),
    );
    expect(found.filter((e) => e.startsWith('Norway='))).toHaveLength(2);
    // The host country plays in no result: still the state.
    expect(found).toContain('Canada=Canada/STATE');
  });

  test('a result outside an article about a sport leaves states as states', () => {
    expect(entitiesOf('Norway beat Chile to the contract, officials said on Monday.')).toEqual([
      'Norway=Norway/STATE',
      'Chile=Chile/STATE',
    ]);
  });

  test('a team keeps no state name as its alias', () => {
    expect(aliasesOf(MATCH_REPORT)['Norway national team']).toEqual([]);
  });
});

describe('short forms of organisations', () => {
  test('its own word alone is the organisation the article named in full', () => {
    const text = 'The Church of Zentology denied it. Critics of Zentology said members of Zentology were held.';
    expect(entitiesOf(text)).toEqual([
      'Church of Zentology=Church of Zentology/ORGANIZATION',
      'Zentology=Church of Zentology/ORGANIZATION',
      'Zentology=Church of Zentology/ORGANIZATION',
    ]);
    expect(aliasesOf(text)['Church of Zentology']).toEqual(['Zentology']);
  });

  test('"the Church" and "the university" after one organisation of that head are that organisation, and no alias', () => {
    const text =
      'The Church of Zentology denied the report. A spokesman said the Church would respond. ' +
      'Students at the University of Eastbrook protested, and the university closed.';
    const found = entitiesOf(text);
    expect(found).toContain('Church=Church of Zentology/ORGANIZATION');
    expect(found).toContain('university=University of Eastbrook/ORGANIZATION');
    expect(aliasesOf(text)['Church of Zentology']).toEqual([]);
  });

  test('a head two organisations of the article share links to neither', () => {
    const text = 'The University of Eastbrook and the University of Westmoor signed a deal. Then the university voted.';
    expect(entitiesOf(text).filter((e) => e.startsWith('university='))).toEqual([]);
  });
});

describe('acronyms', () => {
  test('known acronym and name pairs name one state or organisation', () => {
    expect(entitiesOf('The DPRK fired a missile, and North Korea said the UN was biased.')).toEqual([
      'DPRK=North Korea/STATE',
      'North Korea=North Korea/STATE',
      'UN=United Nations/ORGANIZATION',
    ]);
  });

  test('an acronym defined after a name is that name, and recorded as its alias', () => {
    const text =
      'The Eastbrook Rowing Federation (ERF) voted. Later the ERF said it would appeal, and ERF members agreed.';
    expect(entitiesOf(text).filter((e) => e.startsWith('ERF='))).toEqual([
      'ERF=Eastbrook Rowing Federation/ORGANIZATION',
      'ERF=Eastbrook Rowing Federation/ORGANIZATION',
      'ERF=Eastbrook Rowing Federation/ORGANIZATION',
    ]);
    expect(aliasesOf(text)['Eastbrook Rowing Federation']).toEqual(['ERF']);
  });
});

describe('things that are no actors', () => {
  test('craft and storms, and their last word alone, are not named as actors', () => {
    const text = 'Space Shuttle Endeavour landed. Endeavour will be shown in a museum, NASA said. Hurricane Olga hit.';
    expect(entitiesOf(text)).toEqual(['NASA=NASA/ORGANIZATION']);
  });

  test('versions, numerals and common acronyms are not organisations', () => {
    const text = 'Users of IE8 and IE8 alike saw part XVII of the series at 15:00 GMT; a VIP and a VIP guest came.';
    expect(entitiesOf(text)).toEqual([]);
  });
});

describe('states run into other names', () => {
  test('a state before a name the article uses alone is a mention of its own', () => {
    const text = 'The United Kingdom Home Office replied. Critics said the Home Office had waited.';
    expect(entitiesOf(text)).toEqual([
      'United Kingdom=United Kingdom/STATE',
      'Home Office=Home Office/ORGANIZATION',
      'Home Office=Home Office/ORGANIZATION',
    ]);
  });

  test('"the North" after North Korea is North Korea, and an acronym in square brackets is defined', () => {
    const text =
      'North Korea shelled an island. The Korean Coastal Army [KCA] fired, and the North said the KCA would go on.';
    expect(entitiesOf(text)).toEqual([
      'North Korea=North Korea/STATE',
      'Korean Coastal Army=Korean Coastal Army/ORGANIZATION',
      'KCA=Korean Coastal Army/ORGANIZATION',
      'North=North Korea/STATE',
      'KCA=Korean Coastal Army/ORGANIZATION',
    ]);
  });
});
