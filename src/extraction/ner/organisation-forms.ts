// The shorter forms an article names an organisation by once it has named it in full: its own
// word alone ("Scientology" for the "Church of Scientology", "Microsoft" for "Microsoft
// Corporation") and a definite head ("the Church", "the university"), each only where exactly one
// organisation of the article fits, since a wrong link is worse than none.
import { ORGANISATION_HEADS } from './name-runs';

/** What the rules read of an entity: named-entities.ts's EntityMention. */
interface Named {
  readonly name: string;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

const LINK_WORDS = new Set(['of', 'for', 'on', 'and', 'the', 'The', '&']);

/** The words of an organisation's name other than its heads and joiners ("Church of Scientology" -> Scientology). */
function ownWords(name: string): string[] {
  return name.split(' ').filter((w) => !ORGANISATION_HEADS.has(w) && !LINK_WORDS.has(w));
}

/** A single word standing for the one organisation of the article whose own word it is. */
export function withShortNames<T extends Named>(entities: T[]): T[] {
  const byWord = new Map<string, Set<string>>();
  for (const entity of entities) {
    if (entity.kind !== 'ORGANIZATION' || !entity.name.includes(' ')) continue;
    const own = ownWords(entity.name);
    if (own.length !== 1) continue;
    byWord.set(own[0], (byWord.get(own[0]) ?? new Set()).add(entity.name));
  }
  if (!byWord.size) return entities;
  return entities.map((entity) => {
    const full = entity.kind === 'ORGANIZATION' ? byWord.get(entity.name) : undefined;
    return full?.size === 1 ? { ...entity, name: [...full][0] } : entity;
  });
}

/**
 * Heads that may stand alone for an organisation the article named: capitalised after "the"
 * ("the Church", "the Court"), and the few that also do so in lower case. "the House" is left
 * out: in political news it is the House of Representatives, whatever "White House" came before.
 */
const LOWER_CASE_HEADS = new Set(
  'university company church party ministry department agency committee council museum foundation institute college bank commission corporation association society federation court hospital'.split(
    ' ',
  ),
);
const NOT_SHORT_FORMS = new Set(['House']);
const DEFINITE_HEAD = /\b[Tt]he\s+(\p{L}+)(?![\p{L}\p{N}-])/gu;

const capitalise = (word: string) => word[0].toUpperCase() + word.slice(1);

/** The head words of an organisation's name: its last word, and the word before its "of" ("University of X"). */
function headsOf(name: string): string[] {
  const words = name.split(' ');
  const of = words.indexOf('of');
  return of > 0 ? [words[words.length - 1], words[of - 1]] : [words[words.length - 1]];
}

/** The one organisation named before `at` whose head is `head`, if exactly one is. */
function organisationHeaded<T extends Named>(entities: readonly T[], head: string, at: number): T | undefined {
  const fitting = entities.filter((e) => e.kind === 'ORGANIZATION' && e.end <= at && headsOf(e.name).includes(head));
  return new Set(fitting.map((e) => e.name)).size === 1 ? fitting[0] : undefined;
}

/** "the Church", "the university": mentions of the one organisation of that head named before. */
export function definiteShortForms<T extends Named>(text: string, entities: readonly T[]): T[] {
  const found: T[] = [];
  for (const match of text.matchAll(DEFINITE_HEAD)) {
    const word = match[1];
    const capitalised = /^\p{Lu}/u.test(word);
    if (capitalised ? !ORGANISATION_HEADS.has(word) : !LOWER_CASE_HEADS.has(word)) continue;
    if (NOT_SHORT_FORMS.has(capitalise(word))) continue;
    const start = match.index + match[0].length - word.length;
    const end = start + word.length;
    // "the Church of England", "the University Hospital": a longer name, not a short form.
    if (/^\s+(?:of\s+)?\p{Lu}/u.test(text.slice(end, end + 8))) continue;
    if (entities.some((e) => e.start < end && start < e.end)) continue;
    const organisation = organisationHeaded(entities, capitalise(word), start);
    if (organisation) found.push({ ...organisation, start, end });
  }
  return found;
}
