// Named people, organisations, states and media in an article: runs of proper nouns (wink-nlp's
// part-of-speech tags), titles stripped ("U.S. President Joe Biden" -> Joe Biden), a surname alone
// resolved to the full name already seen, capitals taken for their state only where the text
// makes them act ("Kyiv believes", "Moscow's positions"). Offsets are UTF-16.
import {
  FEMALE_TITLES,
  isRegion,
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

/** Splits "Ukrainian President Volodymyr Zelensky" into its state, title words and name. */
function stripTitles(words: string[]): { title: string[]; demonym?: string; name: string[] } {
  const title: string[] = [];
  let demonym: string | undefined;
  let rest = [...words];
  for (;;) {
    // A state before a title ("U.S. President", "Ukrainian President") is the person's affiliation.
    const state =
      rest.length > 2
        ? (stateOfDemonym(rest[0]) ??
          (knownActorNamed(rest[0])?.kind === 'STATE' ? knownActorNamed(rest[0]) : undefined))
        : undefined;
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

export function findEntities(analysis: Analysis): EntityMention[] {
  const { text } = analysis;
  const entities: EntityMention[] = [];
  const candidates: {
    name: string;
    start: number;
    end: number;
    title?: string;
    affiliation?: string;
    gender?: 'male' | 'female';
    single: boolean;
  }[] = [];
  for (const run of properNounRuns(analysis)) {
    const start = run[0].start;
    const end = run[run.length - 1].end;
    const surface = text.slice(start, end);
    if (NOT_NAMES.has(surface)) continue;
    const next = text.slice(end, end + 3);
    const following = analysis.tokens.find((t) => t.start >= end);

    const known = knownActorNamed(surface);
    if (known) {
      entities.push({ name: known.name, kind: known.kind, start, end });
      continue;
    }
    const capital = stateOfCapital(surface);
    if (capital) {
      // "Kyiv believes", "Moscow’s front-line positions": the capital stands for the state.
      if (/^['’]s/.test(next) || following?.pos === 'VERB' || following?.pos === 'AUX')
        entities.push({ name: capital.name, kind: 'STATE', start, end });
      continue;
    }
    if (stateOfDemonym(surface) || isRegion(surface)) continue;

    // "Ukraine Defense Contact Group", "White House": an organisation by its head word.
    if (ORGANISATION_WORDS.test(surface) && !TITLES.includes(surface.split(' ')[0])) {
      entities.push({ name: surface.replace(/^The /, ''), kind: 'ORGANIZATION', start, end });
      continue;
    }
    const words = surface.split(' ');
    const { title, demonym, name } = stripTitles(words);
    const nameText = name.join(' ');
    const nameStart = start + surface.length - nameText.length;
    if (!nameText || NOT_NAMES.has(nameText)) continue;
    const knownName = knownActorNamed(nameText);
    if (knownName) {
      entities.push({ name: knownName.name, kind: knownName.kind, start: nameStart, end });
      continue;
    }
    if (ORGANISATION_WORDS.test(nameText) && !title.length) {
      entities.push({ name: nameText.replace(/^The /, ''), kind: 'ORGANIZATION', start: nameStart, end });
      continue;
    }
    const gender = title.some((t) => FEMALE_TITLES.has(t))
      ? 'female'
      : title.some((t) => MALE_TITLES.has(t))
        ? 'male'
        : undefined;
    // A state just before the run: "Britain’s Prime Minister Sir Keir Starmer", "French President…".
    const lead = /(\p{Lu}[\p{L}.]+)(['’]s)?\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
    const leadState = lead
      ? (stateOfDemonym(lead) ?? (knownActorNamed(lead)?.kind === 'STATE' ? knownActorNamed(lead) : undefined))
      : undefined;
    const affiliation = demonym ?? (title.length ? leadState?.name : undefined);
    candidates.push({
      name: nameText,
      start: nameStart,
      end,
      title: title.join(' ') || undefined,
      affiliation,
      gender,
      single: name.length === 1,
    });
  }
  // A run of capitalised words is a person when a title precedes it somewhere or its last word
  // stands alone elsewhere ("Zelensky"); "Storm Shadow" and headings are neither.
  const standalone = new Set(candidates.filter((c) => c.single).map((c) => c.name));
  const titled = new Set(candidates.filter((c) => c.title).map((c) => c.name));
  const people = new Map<string, EntityMention>();
  for (const candidate of candidates) {
    const surname = candidate.name.split(' ').pop() as string;
    if (!candidate.single && (titled.has(candidate.name) || standalone.has(surname))) {
      const known = people.get(candidate.name);
      const person: EntityMention = {
        name: candidate.name,
        kind: 'PERSON',
        start: candidate.start,
        end: candidate.end,
        title: candidate.title ?? known?.title,
        affiliation: candidate.affiliation ?? known?.affiliation,
        gender: candidate.gender ?? known?.gender,
      };
      people.set(candidate.name, person);
      entities.push(person);
    } else if (candidate.single) {
      // A surname alone: the full name seen before (or after) in the article.
      const full =
        [...people.values()].reverse().find((p) => p.name.split(' ').pop() === candidate.name) ??
        candidates.find(
          (c) =>
            !c.single &&
            c.name.split(' ').pop() === candidate.name &&
            (titled.has(c.name) || standalone.has(candidate.name)),
        );
      if (full)
        entities.push({
          name: full.name,
          kind: 'PERSON',
          start: candidate.start,
          end: candidate.end,
          title: candidate.title ?? full.title,
          affiliation: full.affiliation,
          gender: candidate.gender ?? full.gender,
        });
      else if (candidate.title)
        entities.push({
          name: candidate.name,
          kind: 'PERSON',
          start: candidate.start,
          end: candidate.end,
          title: candidate.title,
          affiliation: candidate.affiliation,
          gender: candidate.gender,
        });
    }
  }
  entities.push(...roleMentions(text, entities));
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
    const state = qualifier
      ? (stateOfDemonym(qualifier) ??
        (knownActorNamed(qualifier)?.kind === 'STATE' ? knownActorNamed(qualifier) : undefined))
      : undefined;
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
