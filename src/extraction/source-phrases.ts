// Whether a speaker phrase names a party that can speak, and what kind of party: a person or a
// group (whose names a text can withhold), an organisation, or a document speaking for its authors.
// Fragments ("and he", "going on to", "a majority of Americans have come to") name none.
import nouns from './gazetteers/speech-nouns.json';
import type { SourceKind } from './extract-article';

const PERSON_NOUNS: ReadonlySet<string> = new Set(nouns.person);
const GROUP_NOUNS: ReadonlySet<string> = new Set(nouns.group);
const ORGANIZATION_NOUNS: ReadonlySet<string> = new Set(nouns.organization);
const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(nouns.document);

export interface PhraseKind {
  readonly kind: SourceKind;
  readonly anonymous: boolean;
}

// The head of "a senior official familiar with the talks" is the last word before its modifiers.
const MODIFIER_START =
  /\s+(?:of|from|at|with|familiar|who|whose|which|that|in|for|on|close|involved|briefed|based|speaking|near|under|inside|within)\s.*$|\s*[,(—–].*$/i;

/** The head noun of a descriptor, lower-cased and without a possessive. */
export function headOf(descriptor: string): string {
  const words = descriptor.replace(MODIFIER_START, '').trim().split(/\s+/);
  return (words[words.length - 1] ?? '').toLowerCase().replace(/['’]s?$/, '');
}

/** The singular of a plural person noun ("officials", "spokesmen", "allies"), if it is one. */
function singularPerson(word: string): string | undefined {
  const candidates = [word.replace(/men$/, 'man'), word.replace(/ies$/, 'y'), word.replace(/s$/, '')];
  return word === word.replace(/s$|men$/, '') ? undefined : candidates.find((c) => c !== word && PERSON_NOUNS.has(c));
}

/** The kind of an unnamed party by its head noun; undefined for a phrase that names no party. */
export function kindOfDescription(descriptor: string): PhraseKind | undefined {
  const head = headOf(descriptor);
  if (!head) return undefined;
  if (PERSON_NOUNS.has(head)) return { kind: 'PERSON', anonymous: true };
  if (singularPerson(head) || GROUP_NOUNS.has(head)) return { kind: 'GROUP', anonymous: true };
  if (ORGANIZATION_NOUNS.has(head)) return { kind: 'ORGANIZATION', anonymous: false };
  if (DOCUMENT_NOUNS.has(head)) return { kind: 'DOCUMENT', anonymous: false };
  // "the announcer", "a columnist": a noun of agency names a person.
  if (/^\p{Ll}{3,}(?:er|ist|ian)$/u.test(head)) return { kind: 'PERSON', anonymous: true };
  // "Americans", "Democrats", "Ukrainians": a capitalised plural names a group of people.
  if (/^\p{Lu}\p{Ll}+s$/u.test(descriptor.replace(MODIFIER_START, '').trim().split(/\s+/).pop() ?? ''))
    return { kind: 'GROUP', anonymous: true };
  return undefined;
}

/** A speaker phrase whose name is a possessive owner: "Trump's aide", "the company's lawyer". */
export interface PossessivePhrase {
  /** The owner as written ("Trump", "the company"), which opens the phrase. */
  readonly owner: string;
  /** What it owns, the speaker ("aide", "former campaign strategist", "lawyer Michael Cohen"). */
  readonly possessed: string;
}

// An owner after a preposition ("a woman at Trump's rally") qualifies a noun before it, which is
// then the speaker, so such a phrase is not the owner's possession.
const GOVERNED_OWNER = /\s(?:of|from|at|with|for|in|on|by|to|about|near|under)\s/i;

/** The owner and the possessed noun phrase of a phrase that opens with a possessive, if it does. */
export function possessiveParts(phrase: string): PossessivePhrase | undefined {
  const parts = /^(.+?)['’]s\s+(\S.*)$/u.exec(phrase);
  if (!parts || GOVERNED_OWNER.test(` ${parts[1]} `)) return undefined;
  return { owner: parts[1], possessed: parts[2] };
}
