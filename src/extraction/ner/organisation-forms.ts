// The shorter forms an article names an organisation by once it has named it in full: its own
// word alone ("Scientology" for the "Church of Scientology", "Microsoft" for "Microsoft
// Corporation") and a definite head ("the Church", "the university"), each only where exactly one
// organisation of the article fits, since a wrong link is worse than none.
import { OverlapIndex } from '../sorted-search';
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

/**
 * The organisations of an article by head, taken in by where they end as the short forms move on
 * through the text: for each head, the first of them (in the entities' order) and their names.
 */
class OrganisationsByHead<T extends Named> {
  private readonly byEnd: { readonly organisation: T; readonly index: number }[];
  private readonly heads = new Map<string, { first: number; names: Set<string> }>();
  private next = 0;

  constructor(private readonly entities: readonly T[]) {
    this.byEnd = entities
      .map((organisation, index) => ({ organisation, index }))
      .filter(({ organisation }) => organisation.kind === 'ORGANIZATION')
      .sort((a, b) => a.organisation.end - b.organisation.end);
  }

  /** The one organisation ending by `at` whose head is `head`, if exactly one is; `at` must not go back. */
  headedBefore(head: string, at: number): T | undefined {
    for (; this.next < this.byEnd.length && this.byEnd[this.next].organisation.end <= at; this.next += 1) {
      const { organisation, index } = this.byEnd[this.next];
      for (const its of new Set(headsOf(organisation.name))) {
        const headed = this.heads.get(its) ?? { first: index, names: new Set<string>() };
        headed.first = Math.min(headed.first, index);
        headed.names.add(organisation.name);
        this.heads.set(its, headed);
      }
    }
    const headed = this.heads.get(head);
    return headed?.names.size === 1 ? this.entities[headed.first] : undefined;
  }
}

/** "the Church", "the university": mentions of the one organisation of that head named before. */
export function definiteShortForms<T extends Named>(text: string, entities: readonly T[]): T[] {
  const found: T[] = [];
  const named = new OverlapIndex(entities);
  const organisations = new OrganisationsByHead(entities);
  for (const match of text.matchAll(DEFINITE_HEAD)) {
    const word = match[1];
    const capitalised = /^\p{Lu}/u.test(word);
    if (capitalised ? !ORGANISATION_HEADS.has(word) : !LOWER_CASE_HEADS.has(word)) continue;
    if (NOT_SHORT_FORMS.has(capitalise(word))) continue;
    const start = match.index + match[0].length - word.length;
    const end = start + word.length;
    // "the Church of England", "the University Hospital": a longer name, not a short form.
    if (/^\s+(?:of\s+)?\p{Lu}/u.test(text.slice(end, end + 8))) continue;
    if (named.overlaps(start, end)) continue;
    const organisation = organisations.headedBefore(capitalise(word), start);
    if (organisation) found.push({ ...organisation, start, end });
  }
  return found;
}
