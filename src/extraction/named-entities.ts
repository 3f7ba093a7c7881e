// Named people, organisations, states and media in an article: runs of proper nouns (wink-nlp's
// part-of-speech tags), titles stripped ("U.S. President Joe Biden" -> Joe Biden), a surname alone
// resolved to the full name already seen, capitals taken for their state only where the text
// makes them act ("Kyiv believes", "Moscow's positions"). Offsets are UTF-16.
import {
  FEMALE_TITLES,
  isRegion,
  type KnownActor,
  knownActorNamed,
  MALE_TITLES,
  stateOfCapital,
  stateOfDemonym,
  TITLES,
} from './gazetteer';
import type { Analysis, Token } from './text-analysis';

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
}

const ORGANISATION_WORDS =
  /\b(House|Group|Council|Party|Ministry|Department|Agency|Committee|Union|Organization|Organisation|Pentagon|Kremlin|Bureau|Senate|Congress|Court|Office|Administration|Campaign|Foundation|Institute|University|Service|Army|Navy|Force|Forces|Corp|Inc|Bank|Commission|Parliament|Assembly|Association|Center|Centre|Coalition|Network|Times|Post|News|Journal)\b/;
const NOT_NAMES = new Set([
  'I',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Photo',
  'File',
  'AP Photo',
]);

function isNameToken(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    (token.pos === 'PROPN' || (token.pos === 'NOUN' && /^\p{Lu}/u.test(token.text) && TITLES.includes(token.text))) &&
    /^\p{Lu}/u.test(token.text)
  );
}

/** Runs of capitalised proper-noun tokens, joined across "." in initials (U.S., J. Smith). */
function properNounRuns(analysis: Analysis): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (const [i, token] of analysis.tokens.entries()) {
    const previous = analysis.tokens[i - 1];
    const adjacent =
      previous && previous.paragraph === token.paragraph && analysis.text.slice(previous.end, token.start) === ' ';
    if (isNameToken(token) && (run.length === 0 || adjacent)) {
      run.push(token);
    } else {
      flush();
      if (isNameToken(token)) run.push(token);
    }
  }
  flush();
  return runs;
}

/** The state a word names: a demonym ("Ukrainian") or a state's name ("Britain"). */
function stateNamedBy(word: string): KnownActor | undefined {
  return stateOfDemonym(word) ?? (knownActorNamed(word)?.kind === 'STATE' ? knownActorNamed(word) : undefined);
}

/** Splits "Ukrainian President Volodymyr Zelensky" into its state, title words and name. */
function stripTitles(words: string[]): { title: string[]; demonym?: string; name: string[] } {
  const title: string[] = [];
  let demonym: string | undefined;
  let rest = [...words];
  for (;;) {
    // A state before a title ("U.S. President", "Ukrainian President") is the person's affiliation.
    const state = rest.length > 2 ? stateNamedBy(rest[0]) : undefined;
    if (state && TITLES.some((t) => t.split(' ').every((part, k) => rest[1 + k] === part))) {
      demonym = state.name;
      rest = rest.slice(1);
      continue;
    }
    const found = TITLES.find((t) => {
      const parts = t.split(' ');
      return parts.every((p, k) => rest[k] === p) && rest.length > parts.length;
    });
    if (!found) break;
    title.push(found);
    rest = rest.slice(found.split(' ').length);
  }
  return { title, demonym, name: rest };
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
}

/** What a run is: an entity known at once, or a candidate name; undefined when it is neither. */
type RunReading = { readonly entity: EntityMention } | { readonly candidate: Candidate } | undefined;

/** "Kyiv believes", "Moscow’s front-line positions": the capital stands for the state. */
function capitalActsAsState(analysis: Analysis, end: number): boolean {
  const next = analysis.text.slice(end, end + 3);
  const following = analysis.tokens.find((t) => t.start >= end);
  return /^['’]s/.test(next) || following?.pos === 'VERB' || following?.pos === 'AUX';
}

/** A known actor, a capital acting as its state, an organisation, or else (maybe) a name. */
function readRun(analysis: Analysis, run: Token[]): RunReading {
  const start = run[0].start;
  const end = run[run.length - 1].end;
  const surface = analysis.text.slice(start, end);
  if (NOT_NAMES.has(surface)) return undefined;
  const known = knownActorNamed(surface);
  if (known) return { entity: { name: known.name, kind: known.kind, start, end } };
  const capital = stateOfCapital(surface);
  if (capital) {
    return capitalActsAsState(analysis, end)
      ? { entity: { name: capital.name, kind: 'STATE', start, end } }
      : undefined;
  }
  if (stateOfDemonym(surface) || isRegion(surface)) return undefined;
  // "Ukraine Defense Contact Group", "White House": an organisation by its head word.
  if (ORGANISATION_WORDS.test(surface) && !TITLES.includes(surface.split(' ')[0])) {
    return { entity: { name: surface.replace(/^The /, ''), kind: 'ORGANIZATION', start, end } };
  }
  return readName(analysis.text, surface, start, end);
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

/** The run with its titles taken off ("U.S. President Joe Biden" -> Joe Biden): a known actor or a candidate. */
function readName(text: string, surface: string, start: number, end: number): RunReading {
  const { title, demonym, name } = stripTitles(surface.split(' '));
  const nameText = name.join(' ');
  const nameStart = start + surface.length - nameText.length;
  if (!nameText || NOT_NAMES.has(nameText)) return undefined;
  const knownName = knownActorNamed(nameText);
  if (knownName) return { entity: { name: knownName.name, kind: knownName.kind, start: nameStart, end } };
  if (ORGANISATION_WORDS.test(nameText) && !title.length) {
    return { entity: { name: nameText.replace(/^The /, ''), kind: 'ORGANIZATION', start: nameStart, end } };
  }
  return {
    candidate: {
      name: nameText,
      start: nameStart,
      end,
      title: title.join(' ') || undefined,
      // Only a titled name takes the state just before it: the office is that state's.
      affiliation: demonym ?? (title.length ? stateBefore(text, start)?.name : undefined),
      gender: genderOf(title),
      single: name.length === 1,
    },
  };
}

/** What the whole article says about the candidate names. */
interface NameEvidence {
  readonly candidates: Candidate[];
  /** Names a title precedes somewhere in the article. */
  readonly titled: ReadonlySet<string>;
  /** One-word names: surnames that stand alone somewhere. */
  readonly standalone: ReadonlySet<string>;
}

function lastWord(name: string): string {
  return name.split(' ').pop() as string;
}

/** A full name: the person, with what an earlier mention of it said that this one does not. */
function fullNameMention(candidate: Candidate, earlier: EntityMention | undefined): EntityMention {
  return {
    name: candidate.name,
    kind: 'PERSON',
    start: candidate.start,
    end: candidate.end,
    title: candidate.title ?? earlier?.title,
    affiliation: candidate.affiliation ?? earlier?.affiliation,
    gender: candidate.gender ?? earlier?.gender,
  };
}

/** A surname alone: the full name seen before (or after) in the article, else a titled one-word name. */
function surnameMention(
  candidate: Candidate,
  people: ReadonlyMap<string, EntityMention>,
  evidence: NameEvidence,
): EntityMention | undefined {
  const { candidates, titled, standalone } = evidence;
  const full =
    [...people.values()].reverse().find((p) => lastWord(p.name) === candidate.name) ??
    candidates.find(
      (c) => !c.single && lastWord(c.name) === candidate.name && (titled.has(c.name) || standalone.has(candidate.name)),
    );
  if (full)
    return {
      name: full.name,
      kind: 'PERSON',
      start: candidate.start,
      end: candidate.end,
      title: candidate.title ?? full.title,
      affiliation: full.affiliation,
      gender: candidate.gender ?? full.gender,
    };
  if (candidate.title)
    return {
      name: candidate.name,
      kind: 'PERSON',
      start: candidate.start,
      end: candidate.end,
      title: candidate.title,
      affiliation: candidate.affiliation,
      gender: candidate.gender,
    };
  return undefined;
}

/**
 * The people among the candidates, in their order. A run of capitalised words is a person when a
 * title precedes it somewhere or its last word stands alone elsewhere ("Zelensky"); "Storm Shadow"
 * and headings are neither.
 */
function peopleAmong(candidates: Candidate[]): EntityMention[] {
  const evidence: NameEvidence = {
    candidates,
    titled: new Set(candidates.filter((c) => c.title).map((c) => c.name)),
    standalone: new Set(candidates.filter((c) => c.single).map((c) => c.name)),
  };
  // Full names met so far, so that a later mention keeps an earlier one's title and state.
  const people = new Map<string, EntityMention>();
  const found: EntityMention[] = [];
  for (const candidate of candidates) {
    if (
      !candidate.single &&
      (evidence.titled.has(candidate.name) || evidence.standalone.has(lastWord(candidate.name)))
    ) {
      const person = fullNameMention(candidate, people.get(candidate.name));
      people.set(candidate.name, person);
      found.push(person);
    } else if (candidate.single) {
      const person = surnameMention(candidate, people, evidence);
      if (person) found.push(person);
    }
  }
  return found;
}

export function findEntities(analysis: Analysis): EntityMention[] {
  // Entities known from the run alone come first, then the people, then role phrases: the role
  // phrases look back through this order, and the sort below keeps it among equal starts.
  const entities: EntityMention[] = [];
  const candidates: Candidate[] = [];
  for (const run of properNounRuns(analysis)) {
    const reading = readRun(analysis, run);
    if (reading && 'entity' in reading) entities.push(reading.entity);
    else if (reading) candidates.push(reading.candidate);
  }
  entities.push(...peopleAmong(candidates));
  entities.push(...roleMentions(analysis.text, entities));
  entities.sort((a, b) => a.start - b.start);
  return entities;
}

const ROLE_PHRASE = /\b[Tt]he\s+(?:([\p{Lu}][\p{L}.]*)\s+)?(president|prime minister|chancellor|leader|premier)\b/gu;
const HEAD_OF_STATE_TITLES = /President|Prime Minister|Chancellor|Premier|King|Queen/;

/**
 * "The U.S. president", "the Ukrainian leader": a role phrase names the person the article named
 * with that role before, never anyone through a global alias.
 */
function roleMentions(text: string, entities: EntityMention[]): EntityMention[] {
  const found: EntityMention[] = [];
  for (const match of text.matchAll(ROLE_PHRASE)) {
    const qualifier = match[1];
    const state = qualifier ? stateNamedBy(qualifier) : undefined;
    if (qualifier && !state) continue;
    const role = match[2].toLowerCase();
    const person = [...entities]
      .reverse()
      .find(
        (e) =>
          e.kind === 'PERSON' &&
          e.end <= match.index &&
          e.title !== undefined &&
          (role === 'leader' ? HEAD_OF_STATE_TITLES.test(e.title) : e.title.toLowerCase().includes(role)) &&
          (!state || e.affiliation === state.name),
      );
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
