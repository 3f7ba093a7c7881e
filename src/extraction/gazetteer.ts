// The word lists extraction relies on, kept as data files beside this module.
import mediaData from './gazetteers/media.json';
import reportingData from './gazetteers/reporting-verbs.json';
import statesData from './gazetteers/states.json';
import titlesData from './gazetteers/titles.json';

export interface KnownActor {
  readonly name: string;
  readonly kind: 'STATE' | 'ORGANIZATION' | 'MEDIA';
  readonly memberOf: readonly string[];
}

// ASCII has no accents to take off: most words skip the normalisation.
const fold = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const REPORTING_VERBS: ReadonlySet<string> = new Set(reportingData.verbs);
export const THAT_VERBS: ReadonlySet<string> = new Set(reportingData.thatVerbs);
export const TITLES: readonly string[] = [...titlesData.titles].sort(
  (a, b) => b.split(' ').length - a.split(' ').length,
);
/** TITLES as a set, for membership tests. */
export const TITLE_SET: ReadonlySet<string> = new Set(TITLES);
/** The names of the days and the months, which name no one. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  (
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December'
  ).split(' '),
);
export const FEMALE_TITLES: ReadonlySet<string> = new Set(titlesData.femaleTitles);
export const MALE_TITLES: ReadonlySet<string> = new Set(titlesData.maleTitles);
const REGIONS: ReadonlySet<string> = new Set(statesData.regions.map(fold));

/** Every name, alias and demonym of a state, organisation or medium, folded, to what it names. */
const byName = new Map<string, KnownActor>();
const byDemonym = new Map<string, KnownActor>();
const byCapital = new Map<string, KnownActor>();

for (const state of statesData.states) {
  const actor: KnownActor = { name: state.name, kind: 'STATE', memberOf: state.memberOf ?? [] };
  for (const name of [state.name, ...state.aliases]) byName.set(fold(name), actor);
  for (const demonym of state.demonyms) byDemonym.set(fold(demonym), actor);
  for (const capital of state.capitals) byCapital.set(fold(capital), actor);
}
for (const organisation of statesData.organisations) {
  const actor: KnownActor = { name: organisation.name, kind: 'ORGANIZATION', memberOf: [] };
  for (const name of [organisation.name, ...organisation.aliases]) byName.set(fold(name), actor);
}
for (const medium of mediaData.media) {
  const actor: KnownActor = { name: medium.name, kind: 'MEDIA', memberOf: [] };
  for (const name of [medium.name, ...medium.aliases]) byName.set(fold(name), actor);
}

/**
 * The look-ups below run several times on every capitalised word of an article, each folding it
 * again; their answers are kept by the word as written. Bounded, so that a long-running server
 * holds no more than a few thousand words.
 */
function remembered<T>(lookUp: (word: string) => T): (word: string) => T {
  const answers = new Map<string, T>();
  return (word) => {
    const known = answers.get(word);
    if (known !== undefined || answers.has(word)) return known as T;
    if (answers.size >= 20_000) answers.clear();
    const answer = lookUp(word);
    answers.set(word, answer);
    return answer;
  };
}

export const knownActorNamed: (name: string) => KnownActor | undefined = remembered(
  (name) => byName.get(fold(name)) ?? byName.get(fold(name.replace(/^the\s+/i, ''))),
);

export const stateOfDemonym: (word: string) => KnownActor | undefined = remembered((word) => byDemonym.get(fold(word)));

export const stateOfCapital: (word: string) => KnownActor | undefined = remembered((word) => byCapital.get(fold(word)));

export const isRegion: (word: string) => boolean = remembered((word) => REGIONS.has(fold(word)));
