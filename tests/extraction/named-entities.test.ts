import { draftActors } from '../../src/extraction/draft-actors';
import { type EntityMention, findEntities } from '../../src/extraction/named-entities';
import { analyse } from '../../src/extraction/text-analysis';

function entitiesOf(text: string): { text: string; name: string; kind: string }[] {
  return findEntities(analyse(text)).map((e: EntityMention) => ({
    text: text.slice(e.start, e.end),
    name: e.name,
    kind: e.kind,
  }));
}

const named = (text: string) => entitiesOf(text).map((e) => `${e.name}/${e.kind}`);

describe('findEntities', () => {
  test('strips titles and possessives from people', () => {
    const found = entitiesOf("Massachusetts Sen. Elizabeth Warren met Donald Trump's lawyer on Monday.");
    expect(found).toEqual([
      { text: 'Elizabeth Warren', name: 'Elizabeth Warren', kind: 'PERSON' },
      { text: 'Donald Trump', name: 'Donald Trump', kind: 'PERSON' },
    ]);
  });

  test('keeps hyphenated and particle names whole', () => {
    expect(named('Yau Wai-ching spoke beside Leonardo da Vinci, the painter.')).toEqual([
      'Yau Wai-ching/PERSON',
      'Leonardo da Vinci/PERSON',
    ]);
  });

  test('links a surname alone to the one person of the article with that surname', () => {
    const text =
      'Ahmed Mohamed, a student, was arrested. Yesterday Mohamed received support online. Police questioned Mohamed again.';
    expect(entitiesOf(text).map((e) => [e.text, e.name])).toEqual([
      ['Ahmed Mohamed', 'Ahmed Mohamed'],
      ['Mohamed', 'Ahmed Mohamed'],
      ['Mohamed', 'Ahmed Mohamed'],
    ]);
  });

  test('takes the office and whom it serves off a name, and mentions whom it serves: NASA Administrator Charles Bolden', () => {
    const [nasa, bolden] = findEntities(analyse('NASA Administrator Charles Bolden announced the decision.'));
    expect([bolden.name, bolden.kind, bolden.title, bolden.affiliation]).toEqual([
      'Charles Bolden',
      'PERSON',
      'Administrator',
      'NASA',
    ]);
    expect([nasa.name, nasa.kind, nasa.start, nasa.end]).toEqual(['NASA', 'ORGANIZATION', 0, 4]);
  });

  test('reads kinds from the gazetteers and from head words', () => {
    const text =
      'The University of Southern Indiana and the Museum of Flight thanked New Zealand, the WHO and Reuters. ' +
      'Officials at the Church of Scientology agreed.';
    expect(named(text)).toEqual([
      'University of Southern Indiana/ORGANIZATION',
      'Museum of Flight/ORGANIZATION',
      'New Zealand/STATE',
      'World Health Organization/ORGANIZATION',
      'Reuters/MEDIA',
      'Church of Scientology/ORGANIZATION',
    ]);
  });

  test('never takes a generic noun or a sentence opener for an actor', () => {
    expect(named('After the vote, the Department said the University would reopen its Center.')).toEqual([]);
  });

  test('takes an unknown acronym for an organisation and a bracketed acronym for what it abbreviates', () => {
    const text = 'The Korean People’s Army (KPA) fired shells. The KPA later denied it.';
    expect(named(text)).toEqual([
      'Korean People’s Army/ORGANIZATION',
      'Korean People’s Army/ORGANIZATION',
      'Korean People’s Army/ORGANIZATION',
    ]);
  });

  test('takes a first name alone for the one person of the article who has it', () => {
    const text = 'Marilyn Monroe posed for Andy Warhol. Later, Warhol painted Marilyn in colour.';
    expect(entitiesOf(text).map((e) => [e.text, e.name])).toEqual([
      ['Marilyn Monroe', 'Marilyn Monroe'],
      ['Andy Warhol', 'Andy Warhol'],
      ['Warhol', 'Andy Warhol'],
      ['Marilyn', 'Marilyn Monroe'],
    ]);
  });

  test('gives a person the gender of a title, else of a first name', () => {
    const genders = findEntities(analyse('Ms. Jordan Smith met Harry Kane and Gloria Estefan.')).map((e) => e.gender);
    expect(genders).toEqual(['female', 'male', 'female']);
  });

  test('does not take a place for a person although a first name spells it', () => {
    expect(named('Flights from Houston were cancelled, and in Houston the schools closed.')).toEqual([]);
  });
});

describe('draftActors', () => {
  test('carries every other surface form linked to an actor as an alias', () => {
    const text = 'President Donald Trump spoke. Trump said Kyiv believes him. Ukraine agreed.';
    const actors = draftActors({ quotes: [], sources: [], entities: findEntities(analyse(text)) });
    expect(actors.map((a) => [a.name, a.kind, a.aliases])).toEqual([
      ['Donald Trump', 'PERSON', ['Trump']],
      ['Ukraine', 'STATE', []],
    ]);
  });
});
