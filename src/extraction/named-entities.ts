// Named people, organisations, states and media in an article: runs of capitalised words
// (ner/name-runs.ts), titles stripped ("U.S. President Joe Biden" -> Joe Biden), kinds from the
// gazetteers and from head words ("Museum", "University of X"), a surname or first name alone
// resolved to the one person of the article it belongs to, capitals taken for their state only
// where the text makes them act ("Kyiv believes", "Moscow's positions"). Offsets are UTF-16.
import {
  CALENDAR_WORDS,
  FEMALE_TITLES,
  isRegion,
  type KnownActor,
  knownActorNamed,
  MALE_TITLES,
  stateOfCapital,
  stateOfDemonym,
  TITLE_SET,
  TITLES,
} from './gazetteer';
import { genderOfFirstName } from './ner/first-names';
import { type NameRun, nameRuns, ORGANISATION_HEADS } from './ner/name-runs';
import { definiteShortForms, withShortNames } from './ner/organisation-forms';
import { sportsTeams } from './ner/sports-teams';
import { OverlapIndex, partitionPoint } from './sorted-search';
import { type Analysis, tokenIndexAt } from './text-analysis';

export type EntityKind = 'PERSON' | 'ORGANIZATION' | 'STATE' | 'MEDIA';

export interface EntityMention {
  /** The canonical name this mention refers to: the full name of a person, a state's name. */
  readonly name: string;
  readonly kind: EntityKind;
  readonly start: number;
  readonly end: number;
  /** For people: the title words before the name (President, Sir) and a state named with it. */
  readonly title?: string;
  readonly affiliation?: string;
  readonly gender?: 'male' | 'female';
  /** The words of the text at this mention ("Trump", "NASA Administrator Charles Bolden"'s name part). */
  readonly surface?: string;
}

const NOT_NAMES = new Set([
  ...CALENDAR_WORDS,
  ...(
    'Photo File Image Mr Mrs Ms Dr Mr. Mrs. Ms. Dr. God Internet Web Christmas ' +
    'Easter Ramadan Islam Muslim Muslims Christian Christians Christianity Jewish Jew Jews Judaism Hindu Hinduism ' +
    'Buddhist Buddhism Catholic Catholics Protestant Sunni Shia Shiite'
  ).split(' '),
]);
/** Acronyms that name no actor. */
const NOT_ACTOR_ACRONYMS = new Set(
  (
    'CEO CFO COO CTO TV DNA GDP AM PM OK ID PhD MP MPs USB PC AI IT HIV AIDS COVID GPS SMS UFO FAQ PDF RNA CD DVD LED VIP LGBT LGBTQ BC AD ' +
    'GMT UTC EST PST QC KC SC HTML HTTP URL WWW IQ BMI ATM CPU GPU API SUV NGO NGOs OBE MBE CBE'
  ).split(' '),
);
/** Last words that make a capitalised run a place, a thing or an event rather than a person. */
const NOT_PERSON_HEADS = new Set(
  (
    'Station Hall Airport Street Road Avenue Square Park Bridge River Mountain Mountains Lake Island Islands Bay ' +
    'Beach Valley County Province District City Town Village Prize Award Awards Cup Games Olympics Championship ' +
    'Festival Expo Day Week War Act Bill Treaty Agreement Law Accord Shuttle Chrome Firefox Explorer Windows Building ' +
    'Tower Temple Mosque Cathedral Palace Castle Stadium Arena Theatre Theater Hotel Mall Port Harbour Harbor Canal ' +
    'Sea Ocean Desert Forest Peninsula Coast Highway Line Route Trail Conference Summit Convention Olympiad ' +
    'Declaration Constitution Amendment Code Plan Strategy Report Index Prize Medal Trophy Series Show Album Film ' +
    'Book Novel Magazine Edition Version Model Engine System Protocol Virus Disease Syndrome Quarter Region Zone'
  ).split(' '),
);

/**
 * Words that make a name a craft, a storm or a product wherever they stand in it ("Space Shuttle
 * Atlantis", "Hurricane Katrina"); its last word alone then names that thing too ("Atlantis").
 */
const THING_WORDS = new Set(
  'Shuttle Spacecraft Spaceship Rover Probe Satellite Telescope Rocket Hurricane Typhoon Cyclone USS HMS'.split(' '),
);
const PROGRAMME_HEADS = new Set(['Program', 'Programme', 'Project', 'Mission', 'Initiative']);

/** A name holding a thing word, unless an organisation's head ends it ("Space Telescope Science Institute"). */
function isThing(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  return words.some((w) => THING_WORDS.has(w)) && (!ORGANISATION_HEADS.has(last) || PROGRAMME_HEADS.has(last));
}

/** The state a word names: a demonym ("Ukrainian") or a state's name ("Britain"). */
function stateNamedBy(word: string): KnownActor | undefined {
  return stateOfDemonym(word) ?? (knownActorNamed(word)?.kind === 'STATE' ? knownActorNamed(word) : undefined);
}

/** A product's or a version's name ("IE9", "PS4"): letters then digits. The gazetteer knows the groups ("G20"). */
const isVersionName = (word: string) => /^\p{Lu}{1,4}\d+$/u.test(word);
/** Roman numerals ("part XVII") are no acronyms. */
const isRomanNumeral = (word: string) => /^[IVXLC]+$/.test(word);

const isNotActorWord = (word: string) => NOT_ACTOR_ACRONYMS.has(word) || isVersionName(word) || isRomanNumeral(word);

const isAcronym = (word: string) => /^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(word) && !isNotActorWord(word);

/** The titles by their first word, each as its words, longest first (TITLES' order). */
const TITLES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const title of TITLES) {
  const parts = title.split(' ');
  TITLES_BY_FIRST_WORD.set(parts[0], [...(TITLES_BY_FIRST_WORD.get(parts[0]) ?? []), parts]);
}

// The words of a run are read from an index on rather than sliced: a run of titles ("President
// President …") would copy the rest of the run once a title.

/** The title at `from` in `words` when a name follows it, longest first. */
function titleAt(words: readonly string[], from = 0): string | undefined {
  const found = TITLES_BY_FIRST_WORD.get(words[from])?.find(
    (parts) => words.length - from > parts.length && parts.every((p, k) => words[from + k] === p),
  );
  return found?.join(' ');
}

/** How many words at `from` name whom a following title serves: a state, an organisation, a region. */
function affiliationLength(words: readonly string[], from = 0): number {
  for (let n = Math.min(4, words.length - from - 2); n >= 1; n -= 1) {
    const lead = words.slice(from, from + n).join(' ');
    const serves = stateNamedBy(lead) || knownActorNamed(lead) || isRegion(lead) || (n === 1 && isAcronym(lead));
    if (serves && titleAt(words, from + n)) return n;
  }
  return 0;
}

/** Splits "NASA Administrator Charles Bolden" into whom the office serves, its title words and the name. */
function stripTitles(words: string[]): { title: string[]; affiliation?: string; name: string[] } {
  const title: string[] = [];
  let affiliation: string | undefined;
  let from = 0;
  for (;;) {
    const lead = affiliationLength(words, from);
    if (lead) {
      const named = words.slice(from, from + lead).join(' ');
      const known = stateNamedBy(named) ?? knownActorNamed(named);
      affiliation = known?.name ?? (isRegion(named) ? undefined : named);
      from += lead;
    }
    const found = titleAt(words, from);
    if (!found) break;
    title.push(found);
    from += found.split(' ').length;
  }
  return { title, affiliation, name: words.slice(from) };
}

/** A run of capitalised words that may be a person's name, decided once the whole article is read. */
interface Candidate {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly title?: string;
  readonly affiliation?: string;
  readonly gender?: 'male' | 'female';
  /** One word: a surname alone, or a single-word name. */
  readonly single: boolean;
  /** What a single word is when it is nobody's name in this article (a capital acting as its state). */
  readonly otherwise?: EntityMention;
  /** A state, capital, demonym or region by the gazetteer: never an organisation by default. */
  readonly listed: boolean;
  readonly sentenceInitial: boolean;
  /** A noun follows, which the name qualifies ("Storm Shadow missiles", "the Obama administration"). */
  readonly modifier?: boolean;
}

/** What a run is: an entity known at once, or a candidate name; undefined when it is neither. */
type RunReading = { readonly entity: EntityMention } | { readonly candidate: Candidate } | undefined;

/** "Kyiv believes", "Moscow’s front-line positions": the capital stands for the state. */
function capitalActsAsState(analysis: Analysis, end: number): boolean {
  const next = analysis.text.slice(end, end + 3);
  const following = analysis.tokens[tokenIndexAt(analysis, end)];
  return /^['’]s/.test(next) || following?.pos === 'VERB' || following?.pos === 'AUX';
}

const surfaceOf = (analysis: Analysis, start: number, end: number) => analysis.text.slice(start, end);

/** Only head words ("University", "Department", "Center"): a generic noun, never an actor by itself. */
const onlyHeads = (words: string[]) => words.every((w) => ORGANISATION_HEADS.has(w) || TITLE_SET.has(w));

function organisation(name: string, start: number, end: number): EntityMention {
  return { name, kind: 'ORGANIZATION', start, end };
}

/** A known actor, a capital acting as its state, an organisation, or else (maybe) a name. */
function readRun(analysis: Analysis, run: NameRun): RunReading {
  const { start, end } = run;
  const surface = surfaceOf(analysis, start, end);
  const words = surface.split(' ');
  if (NOT_NAMES.has(surface) || isThing(words)) return undefined;
  const known = knownActorNamed(surface);
  // "IE9", "VIP", "part XVII", "I’m": a product, a word or a numeral, unless the gazetteer knows it ("G20").
  if (words.length === 1 && !known && (isNotActorWord(surface) || /^I['’]/.test(surface))) return undefined;
  if (known && words.length > 1) return { entity: { name: known.name, kind: known.kind, start, end } };
  const capital = stateOfCapital(surface);
  const metonym = capital && capitalActsAsState(analysis, end) ? capital : undefined;
  const meaning = known ?? metonym;
  const otherwise = meaning ? { name: meaning.name, kind: meaning.kind, start, end } : undefined;
  const stateWord = Boolean(stateOfDemonym(surface)) || isRegion(surface);
  if (words.length === 1 && (known || capital || stateWord)) {
    // A single word may still be a person's surname here ("Paris" after "Valeska Paris").
    const { sentenceInitial } = run;
    return { candidate: { name: surface, start, end, single: true, otherwise, listed: true, sentenceInitial } };
  }
  if (stateWord) return undefined;
  if (titleAt(words) === undefined && affiliationLength(words) === 0 && words.some((w) => ORGANISATION_HEADS.has(w))) {
    return onlyHeads(words) ? undefined : { entity: organisation(surface, start, end) };
  }
  if (words.length === 1 && isAcronym(surface)) return { entity: organisation(surface, start, end) };
  return readName(analysis, surface, run);
}

function genderOf(title: string[]): 'male' | 'female' | undefined {
  if (title.some((t) => FEMALE_TITLES.has(t))) return 'female';
  return title.some((t) => MALE_TITLES.has(t)) ? 'male' : undefined;
}

/** A state just before the run: "Britain’s Prime Minister Sir Keir Starmer", "French President…". */
function stateBefore(text: string, start: number): KnownActor | undefined {
  const lead = /(\p{Lu}[\p{L}.]+)(['’]s)?\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  return lead ? stateNamedBy(lead) : undefined;
}

/** A name that is a place, a thing or an event, or holds a state or region: not a person. */
function cannotBePerson(words: string[]): boolean {
  return (
    NOT_PERSON_HEADS.has(words[words.length - 1]) ||
    words.some((w) => stateOfDemonym(w) || knownActorNamed(w)?.kind === 'STATE' || isRegion(w))
  );
}

/** The run with its titles taken off ("U.S. President Joe Biden" -> Joe Biden): a known actor or a candidate. */
function readName(analysis: Analysis, surface: string, run: NameRun): RunReading {
  const { text } = analysis;
  const { title, affiliation, name } = stripTitles(surface.split(' '));
  const nameText = name.join(' ');
  const start = run.end - nameText.length;
  const { end } = run;
  if (!nameText || NOT_NAMES.has(nameText) || (title.length && onlyHeads(name))) return undefined;
  // "AP Photo/Lewis Joly": who took the picture is no actor of the story.
  if (/\b(Photo|Photograph|Image)\s*\/\s*$/.test(text.slice(Math.max(0, run.start - 12), run.start))) return undefined;
  const knownName = knownActorNamed(nameText);
  if (knownName) return { entity: { name: knownName.name, kind: knownName.kind, start, end } };
  if (!title.length && name.length > 1 && cannotBePerson(name)) return undefined;
  return {
    candidate: {
      name: nameText,
      start,
      end,
      title: title.join(' ') || undefined,
      // Only a titled name takes the state just before it: the office is that state's.
      affiliation: affiliation ?? (title.length ? stateBefore(text, run.start)?.name : undefined),
      // A title says more than a first name ("Sir Keir", "Ms. Jordan").
      gender: genderOf(title) ?? (name.length > 1 ? genderOfFirstName(name[0]) : undefined),
      single: name.length === 1,
      listed: false,
      sentenceInitial: run.sentenceInitial && !title.length,
      modifier: analysis.tokens[tokenIndexAt(analysis, end)]?.pos === 'NOUN',
    },
  };
}

function lastWord(name: string): string {
  return name.slice(name.lastIndexOf(' ') + 1);
}

function firstWord(name: string): string {
  const space = name.indexOf(' ');
  return space < 0 ? name : name.slice(0, space);
}

/** The people a word of their names is shared by, in the article's order (and so of where they end), and their distinct names. */
interface PeopleOfWord {
  readonly people: Candidate[];
  readonly names: Set<string>;
}

/** The article's full-name people by name, surname and first name. */
interface PeopleIndex {
  readonly byName: ReadonlyMap<string, Candidate>;
  readonly bySurname: ReadonlyMap<string, PeopleOfWord>;
  readonly byFirstName: ReadonlyMap<string, PeopleOfWord>;
}

function indexPeople(people: readonly Candidate[]): PeopleIndex {
  const byName = new Map<string, Candidate>();
  const bySurname = new Map<string, PeopleOfWord>();
  const byFirstName = new Map<string, PeopleOfWord>();
  for (const person of people) {
    if (!byName.has(person.name)) byName.set(person.name, person);
    for (const [map, word] of [
      [bySurname, lastWord(person.name)],
      [byFirstName, firstWord(person.name)],
    ] as const) {
      const shared = map.get(word) ?? { people: [], names: new Set<string>() };
      shared.people.push(person);
      shared.names.add(person.name);
      map.set(word, shared);
    }
  }
  return { byName, bySurname, byFirstName };
}

/** A candidate as the person it names, with what another mention of that person said. */
function personMention(candidate: Candidate, person: EntityMention | Candidate): EntityMention {
  return {
    name: person.name,
    kind: 'PERSON',
    start: candidate.start,
    end: candidate.end,
    title: candidate.title ?? person.title,
    affiliation: candidate.affiliation ?? person.affiliation,
    gender: candidate.gender ?? person.gender,
  };
}

/** The full-name people of the article a single word can stand for: by surname, else by first name. */
function personOfWord(word: string, at: number, people: PeopleIndex): Candidate | undefined {
  const bySurname = people.bySurname.get(word);
  if (bySurname?.names.size === 1) return bySurname.people[0];
  if (bySurname) {
    // Two people share the surname: the one named last before the word, else the first named after.
    const before = partitionPoint(bySurname.people, (p) => p.end <= at);
    return bySurname.people[before - 1] ?? bySurname.people[0];
  }
  const byFirstName = people.byFirstName.get(word);
  return byFirstName?.names.size === 1 ? byFirstName.people[0] : undefined;
}

/**
 * A single word nobody in the article is named by: a titled person, the state or organisation the
 * gazetteer knows, or an organisation when it recurs inside sentences ("Scientology", "Microsoft").
 */
function singleWordMention(candidate: Candidate, uses: ReadonlyMap<string, WordUse>): EntityMention | undefined {
  if (candidate.title) return personMention(candidate, candidate);
  if (candidate.listed) return candidate.otherwise;
  const use = uses.get(candidate.name);
  if (!use || use.placeLike * 2 >= use.count) return undefined;
  // "Gloria" alone, the article naming her no further: a person by her first name, unless the
  // article ever uses the word as a place ("in Houston").
  if (genderOfFirstName(candidate.name))
    return use.placeLike || !use.inside ? undefined : personMention(candidate, candidate);
  return use.count >= 2 && use.inside ? organisation(candidate.name, candidate.start, candidate.end) : undefined;
}

/** How an article uses a single word nobody is named by. */
interface WordUse {
  readonly count: number;
  /** Met once at least inside a sentence, where its capital says it is a name. */
  readonly inside: boolean;
  /** Times it follows "in", "near", "from"… or is followed by ", Texas": a place. */
  readonly placeLike: number;
}

const PLACE_BEFORE = /\b(in|near|outside|around|across|from|to|into|via)\s+$/i;

function isPlaceLike(text: string, candidate: Candidate): boolean {
  const after = /^,\s+(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)/u.exec(
    text.slice(candidate.end, candidate.end + 30),
  )?.[1];
  return (
    PLACE_BEFORE.test(text.slice(Math.max(0, candidate.start - 10), candidate.start)) ||
    (after !== undefined && (isRegion(after) || stateNamedBy(after) !== undefined))
  );
}

function wordUses(text: string, candidates: readonly Candidate[]): Map<string, WordUse> {
  const uses = new Map<string, WordUse>();
  for (const c of candidates.filter((c) => c.single && !c.listed)) {
    const use = uses.get(c.name) ?? { count: 0, inside: false, placeLike: 0 };
    uses.set(c.name, {
      count: use.count + 1,
      inside: use.inside || !c.sentenceInitial,
      placeLike: use.placeLike + (isPlaceLike(text, c) ? 1 : 0),
    });
  }
  return uses;
}

/**
 * Whether a full name is a person's: a title goes with it somewhere, its surname stands alone
 * somewhere, or it opens with a first name, an initial ("L. Ron Hubbard") or is built as a Chinese
 * given name is ("Yau Wai-ching"); "Storm Shadow" and "Victory Plan" are none of these.
 */
function looksLikePerson(candidate: Candidate, names: CandidateNames): boolean {
  const words = candidate.name.split(' ');
  // A name only ever used to qualify a noun names a thing ("Storm Shadow missiles").
  if (candidate.title === undefined && !names.unlessModifier.has(candidate.name)) return false;
  return (
    candidate.title !== undefined ||
    genderOfFirstName(words[0]) !== undefined ||
    /^\p{Lu}\.$/u.test(words[0]) ||
    /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(words[words.length - 1]) ||
    names.single.has(words[words.length - 1]) ||
    names.titled.has(candidate.name)
  );
}

/** What looksLikePerson asks of all the candidates, gathered once an article rather than once a name. */
interface CandidateNames {
  /** Names used once at least other than to qualify a noun, or with a title. */
  readonly unlessModifier: ReadonlySet<string>;
  readonly single: ReadonlySet<string>;
  readonly titled: ReadonlySet<string>;
}

function candidateNames(candidates: readonly Candidate[]): CandidateNames {
  const names = { unlessModifier: new Set<string>(), single: new Set<string>(), titled: new Set<string>() };
  for (const c of candidates) {
    if (!c.modifier || c.title !== undefined) names.unlessModifier.add(c.name);
    if (c.single) names.single.add(c.name);
    if (c.title !== undefined) names.titled.add(c.name);
  }
  return names;
}

/**
 * The people among the candidates: every full name (a run of two or more capitalised words that
 * names no place, thing or organisation), and each single word as the one person of the article
 * it is the surname or first name of, else as what it is alone.
 */
function peopleAmong(text: string, candidates: Candidate[]): EntityMention[] {
  const names = candidateNames(candidates);
  const people = indexPeople(candidates.filter((c) => !c.single && looksLikePerson(c, names)));
  const uses = wordUses(text, candidates);
  const earlier = new Map<string, EntityMention>();
  const found: EntityMention[] = [];
  for (const candidate of candidates) {
    const person = candidate.single
      ? personOfWord(candidate.name, candidate.start, people)
      : people.byName.get(candidate.name);
    const mention = person
      ? personMention(candidate, earlier.get(person.name) ?? person)
      : singleWordMention(candidate, uses);
    if (!mention) continue;
    if (mention.kind === 'PERSON' && !candidate.single) earlier.set(mention.name, mention);
    found.push(mention);
  }
  return found;
}

/** "Korean People's Army (KPA)", "… [KPA]": the acronym in brackets after a name is that name's. */
function acronymsDefined(text: string, entities: readonly EntityMention[]): Map<string, EntityMention> {
  const defined = new Map<string, EntityMention>();
  for (const entity of entities) {
    const match = /^\s[([](\p{Lu}[\p{Lu}\d&]{1,7})[)\]]/u.exec(text.slice(entity.end, entity.end + 12));
    if (match && !defined.has(match[1]) && entity.kind !== 'PERSON') defined.set(match[1], entity);
  }
  return defined;
}

/** Mentions of a defined acronym become mentions of what it stands for. */
function withAcronymsResolved(text: string, entities: EntityMention[]): EntityMention[] {
  const defined = acronymsDefined(text, entities);
  if (!defined.size) return entities;
  return entities.map((e) => {
    const full = defined.get(text.slice(e.start, e.end));
    return full && full.name !== e.name ? { ...e, name: full.name, kind: full.kind } : e;
  });
}

/**
 * "NASA Administrator Charles Bolden", "U.S. President Barack Obama": the state or organisation
 * an office serves, named before the title, is mentioned too, when the gazetteer knows it or it
 * is an acronym ("Massachusetts Sen." names a region, "French President" a demonym: neither).
 */
function affiliationMention(analysis: Analysis, run: NameRun): EntityMention | undefined {
  const words = surfaceOf(analysis, run.start, run.end).split(' ');
  const lead = affiliationLength(words);
  if (!lead) return undefined;
  const named = words.slice(0, lead).join(' ');
  const end = run.start + named.length;
  const known = knownActorNamed(named);
  if (known) return { name: known.name, kind: known.kind, start: run.start, end };
  return lead === 1 && isAcronym(named) ? organisation(named, run.start, end) : undefined;
}

/**
 * "[Ambassador to the] United States Hamdullah Mohib", "The United Kingdom Home Office": a state's
 * name run into the name of an entity the article names by itself elsewhere is two mentions.
 */
function withLeadingStatesSplit(text: string, entities: EntityMention[]): EntityMention[] {
  const names = new Set(entities.map((e) => `${e.kind} ${e.name}`));
  return entities.flatMap((entity) => {
    const words = text.slice(entity.start, entity.end).split(' ');
    for (let n = Math.min(3, words.length - 1); n >= 1; n -= 1) {
      const state = knownActorNamed(words.slice(0, n).join(' '));
      const rest = words.slice(n).join(' ');
      if (state?.kind !== 'STATE' || !names.has(`${entity.kind} ${rest}`)) continue;
      const end = entity.start + words.slice(0, n).join(' ').length;
      return [
        { name: state.name, kind: 'STATE' as const, start: entity.start, end },
        { ...entity, name: rest, start: entity.end - rest.length },
      ];
    }
    return [entity];
  });
}

const COMPASS_HALF = /\b[Tt]he\s+(North|South)(?![\p{L}\p{N}-])/gu;

/**
 * "the North", "the South": the one state of the article whose name opens with that word ("North
 * Korea", "South Sudan"), once it is named; not a region ("the South" of the United States).
 */
function compassHalves(text: string, entities: readonly EntityMention[]): EntityMention[] {
  const found: EntityMention[] = [];
  const named = new OverlapIndex(entities);
  // The states named "North …" and "South …" by where they end, taken in as the matches move on.
  const halves = entities
    .filter((e) => e.kind === 'STATE' && /^(?:North|South) /.test(e.name))
    .sort((a, b) => a.end - b.end);
  const statesBefore = new Map([
    ['North', new Set<string>()],
    ['South', new Set<string>()],
  ]);
  let next = 0;
  for (const match of text.matchAll(COMPASS_HALF)) {
    const word = match[1];
    const start = match.index + match[0].length - word.length;
    const end = start + word.length;
    if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3))) continue;
    for (; next < halves.length && halves[next].end <= start; next += 1)
      statesBefore.get(firstWord(halves[next].name))?.add(halves[next].name);
    const states = statesBefore.get(word) as Set<string>;
    if (states.size === 1 && !named.overlaps(start, end))
      found.push({ name: [...states][0], kind: 'STATE', start, end });
  }
  return found;
}

/** The last words of the things the article names ("Atlantis" of "Space Shuttle Atlantis"). */
function thingNames(analysis: Analysis, runs: readonly NameRun[]): Set<string> {
  const names = new Set<string>();
  for (const run of runs) {
    const words = surfaceOf(analysis, run.start, run.end).split(' ');
    if (words.length > 1 && isThing(words)) names.add(words[words.length - 1]);
  }
  return names;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every mention of a place the article's results set against another, as the team it names. */
function withSportsTeams(text: string, entities: EntityMention[]): EntityMention[] {
  const teams = sportsTeams(text);
  if (!teams.size) return entities;
  const found: EntityMention[] = [];
  for (const [place, team] of teams) {
    for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(place)}(?![\\p{L}\\p{N}])`, 'gu')))
      found.push({ name: team, kind: 'ORGANIZATION', start: match.index, end: match.index + place.length });
  }
  const playing = new OverlapIndex(found);
  return [...entities.filter((e) => !playing.overlaps(e.start, e.end)), ...found];
}

export function findEntities(analysis: Analysis): EntityMention[] {
  // Entities known from the run alone come first, then the people, then role phrases: the role
  // phrases look back through this order, and the sort below keeps it among equal starts.
  let entities: EntityMention[] = [];
  const candidates: Candidate[] = [];
  const runs = nameRuns(analysis);
  const things = thingNames(analysis, runs);
  for (const run of runs) {
    const reading =
      things.size && things.has(surfaceOf(analysis, run.start, run.end)) ? undefined : readRun(analysis, run);
    if (reading && 'entity' in reading) entities.push(reading.entity);
    else if (reading) candidates.push(reading.candidate);
    const served = reading ? affiliationMention(analysis, run) : undefined;
    if (served) entities.push(served);
  }
  // Joined rather than pushed as arguments: a long article has more entities than a call may take.
  entities = entities.concat(peopleAmong(analysis.text, candidates));
  entities = withLeadingStatesSplit(analysis.text, entities);
  entities = withSportsTeams(analysis.text, withShortNames(withAcronymsResolved(analysis.text, entities)));
  entities.sort((a, b) => a.start - b.start);
  entities = entities.filter((e) => !/^(?:North|South)$/.test(analysis.text.slice(e.start, e.end)));
  entities = entities.concat(definiteShortForms(analysis.text, entities), compassHalves(analysis.text, entities));
  entities = entities.map((e) => ({ ...e, surface: analysis.text.slice(e.start, e.end) }));
  entities = entities.concat(roleMentions(analysis.text, entities));
  entities.sort((a, b) => a.start - b.start);
  return entities;
}

const ROLES = ['president', 'prime minister', 'chancellor', 'leader', 'premier'];
const ROLE_PHRASE = new RegExp(`\\b[Tt]he\\s+(?:([\\p{Lu}][\\p{L}.]*)\\s+)?(${ROLES.join('|')})\\b`, 'gu');
const HEAD_OF_STATE_TITLES = /President|Prime Minister|Chancellor|Premier|King|Queen/;

/**
 * The titled people of an article, taken in by where they end as the role phrases move on through
 * the text: the last of them (in the entities' order) of each role, and of each role and state.
 */
class TitledPeople {
  private readonly byEnd: { readonly person: EntityMention; readonly index: number }[];
  private readonly last = new Map<string, number>();
  private next = 0;

  constructor(private readonly entities: readonly EntityMention[]) {
    this.byEnd = entities
      .map((person, index) => ({ person, index }))
      .filter(({ person }) => person.kind === 'PERSON' && person.title !== undefined)
      .sort((a, b) => a.person.end - b.person.end);
  }

  /** The last person of the role (and of the state, if given) ending by `offset`; offsets asked must not go back. */
  lastBefore(offset: number, role: string, state: string | undefined): EntityMention | undefined {
    for (; this.next < this.byEnd.length && this.byEnd[this.next].person.end <= offset; this.next += 1) {
      const { person, index } = this.byEnd[this.next];
      const title = person.title as string;
      for (const held of ROLES.filter((r) =>
        r === 'leader' ? HEAD_OF_STATE_TITLES.test(title) : title.toLowerCase().includes(r),
      )) {
        this.keep(held, index);
        if (person.affiliation !== undefined) this.keep(`${held}\u0000${person.affiliation}`, index);
      }
    }
    const found = this.last.get(state === undefined ? role : `${role}\u0000${state}`);
    return found === undefined ? undefined : this.entities[found];
  }

  private keep(key: string, index: number): void {
    this.last.set(key, Math.max(index, this.last.get(key) ?? -1));
  }
}

/**
 * "The U.S. president", "the Ukrainian leader": a role phrase names the person the article named
 * with that role before, never anyone through a global alias.
 */
function roleMentions(text: string, entities: EntityMention[]): EntityMention[] {
  const found: EntityMention[] = [];
  const titled = new TitledPeople(entities);
  for (const match of text.matchAll(ROLE_PHRASE)) {
    const qualifier = match[1];
    const state = qualifier ? stateNamedBy(qualifier) : undefined;
    if (qualifier && !state) continue;
    const person = titled.lastBefore(match.index, match[2].toLowerCase(), state?.name);
    if (person)
      found.push({
        name: person.name,
        kind: 'PERSON',
        start: match.index,
        end: match.index + match[0].length,
        affiliation: person.affiliation,
        gender: person.gender,
      });
  }
  return found;
}
