// Who "he said" / "she said" / "who joked" is: the salient person of the discourse before the
// pronoun, never one named only inside a quotation. Salient means the subject of a sentence or the
// speaker of an earlier quote, most recent first; the person must agree with the pronoun in gender,
// known from a title, from a pronoun already tied to them, or else from a common first name.
import firstNames from './gazetteers/first-names.json';
import { CALENDAR_WORDS, knownActorNamed, REPORTING_VERBS, stateOfDemonym, TITLE_SET } from './gazetteer';
import type { EntityMention } from './named-entities';
import { insideOneOf, OverlapIndex, partitionPoint } from './sorted-search';
import { kindOfDescription } from './source-phrases';
import { type Analysis, type Token, tokenIndexAt } from './text-analysis';

type Gender = 'male' | 'female';

const FIRST_NAME_GENDER = new Map<string, Gender>([
  ...firstNames.male.map((n) => [n, 'male'] as [string, Gender]),
  ...firstNames.female.map((n) => [n, 'female'] as [string, Gender]),
]);
const MALE_PRONOUNS = new Set(['he', 'his', 'him', 'himself']);
const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);
/** How many paragraphs back a pronoun may reach for its person. */
const PARAGRAPH_REACH = 10;

// What may stand before a subject's name in its noun phrase: titles, role words, numbers.
const ROLE_TAGS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'DET']);

/** A word that can be part of a person's name: not a date, a state, a demonym or a known body. */
function isNameWord(word: string): boolean {
  return !CALENDAR_WORDS.has(word) && !stateOfDemonym(word) && !knownActorNamed(word) && !/\d/.test(word);
}

export interface PersonMention {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  /** The subject of its sentence or the speaker of a quote: what a later "he said" most likely means. */
  readonly salient: boolean;
  readonly entity?: EntityMention;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Whether any of the entities, or any person among them, overlaps a span. */
class Coverage {
  private readonly all: OverlapIndex;
  private readonly people: OverlapIndex;

  constructor(entities: readonly EntityMention[]) {
    this.all = new OverlapIndex(entities);
    this.people = new OverlapIndex(entities.filter((e) => e.kind === 'PERSON'));
  }

  overlaps(start: number, end: number, personOnly: boolean): boolean {
    return (personOnly ? this.people : this.all).overlaps(start, end);
  }
}

export class Discourse {
  /** In order of their start. */
  private mentions: PersonMention[] = [];
  private readonly genders = new Map<string, Gender>();
  /** The last words of the mentions' full names, kept with the mentions: a word among them is a surname. */
  private readonly surnames = new Set<string>();

  constructor(
    private readonly analysis: Analysis,
    entities: readonly EntityMention[],
    private readonly quoted: readonly Span[],
  ) {
    for (const entity of entities) {
      if (entity.kind !== 'PERSON' || insideOneOf(quoted, entity.start, entity.end)) continue;
      if (entity.gender) this.genders.set(entity.name, entity.gender);
      this.add({ ...this.place(entity.start, entity.end), name: entity.name, salient: this.isSubject(entity), entity });
    }
    this.addInOrder(this.nameRuns(entities));
    const starts = new Map(this.mentions.map((m) => [m.start, m.name]));
    for (const mention of this.mentions) this.learnGenderNear(mention, starts);
  }

  /** The person a named speaker phrase names, recorded as salient at its position. */
  addSpeaker(name: string, start: number, end: number, gender?: Gender): void {
    if (gender) this.genders.set(name, gender);
    this.add({ ...this.place(start, end), name, salient: true });
  }

  /** The person "he"/"she" at `start` refers to, or undefined when no one agrees. */
  resolve(pronoun: string, start: number, end: number): string | undefined {
    const wanted: Gender | undefined = pronoun === 'she' ? 'female' : pronoun === 'he' ? 'male' : undefined;
    const { paragraph } = this.place(start, end);
    const agrees = (m: PersonMention) => !wanted || (this.genderOf(m.name) ?? wanted) === wanted;
    // The nearest paragraph with someone who agrees; in it, its subject or speaker before anyone else.
    const found = this.salientBefore(start, paragraph - PARAGRAPH_REACH, agrees);
    if (!found) return undefined;
    // The pronoun now stands for the person: it carries the gender and the salience on.
    if (wanted && !this.genders.has(found.name)) this.genders.set(found.name, wanted);
    this.add({ ...this.place(start, end), name: found.name, salient: true });
    return found.name;
  }

  /** "Stevie Wonder, who joked": the name just before the relative pronoun. */
  relativeAntecedent(start: number): string | undefined {
    const lead = /((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*)\s*,\s*$/u.exec(
      this.analysis.text.slice(Math.max(0, start - 60), start),
    );
    if (!lead) return undefined;
    const leadStart = start - lead[0].length;
    let entity: PersonMention | undefined;
    for (
      let i = partitionPoint(this.mentions, (m) => m.start < leadStart);
      !entity && i < this.mentions.length;
      i += 1
    ) {
      if (this.mentions[i].start > start) break;
      if (this.mentions[i].end <= start) entity = this.mentions[i];
    }
    return entity?.name ?? lead[1];
  }

  private genderOf(name: string): Gender | undefined {
    const words = name.split(' ');
    // A one-word name is a first name only where no full name ends with it ("Melanie", not "Warren").
    const surname = words.length === 1 && this.surnames.has(name);
    return this.genders.get(name) ?? (surname ? undefined : FIRST_NAME_GENDER.get(words[0]));
  }

  /** Kept in order of start, after those starting at the same place; not over a salient one there. */
  private add(mention: PersonMention): void {
    const i = partitionPoint(this.mentions, (m) => m.start <= mention.start);
    if (this.mentions[i - 1]?.start === mention.start && this.mentions[i - 1].salient) return;
    this.mentions.splice(i, 0, mention);
    this.noteSurname(mention);
  }

  /** What adding each of the mentions (in order of start) would do, in one pass rather than an insertion each. */
  private addInOrder(mentions: readonly PersonMention[]): void {
    const merged: PersonMention[] = [];
    let i = 0;
    for (const mention of mentions) {
      for (; i < this.mentions.length && this.mentions[i].start <= mention.start; i += 1) merged.push(this.mentions[i]);
      const previous = merged[merged.length - 1];
      if (previous?.start === mention.start && previous.salient) continue;
      merged.push(mention);
      this.noteSurname(mention);
    }
    for (; i < this.mentions.length; i += 1) merged.push(this.mentions[i]);
    this.mentions = merged;
  }

  private noteSurname(mention: PersonMention): void {
    const space = mention.name.lastIndexOf(' ');
    if (space >= 0) this.surnames.add(mention.name.slice(space + 1));
  }

  /**
   * Of the mentions that end by `offset` in paragraphs from `firstParagraph` on and that `agrees`
   * takes, the most recent salient one, else the most recent. Read back from `offset` only: the
   * mentions are in order of start, and so of paragraph.
   */
  private salientBefore(
    offset: number,
    firstParagraph: number,
    agrees: (mention: PersonMention) => boolean,
  ): PersonMention | undefined {
    let nearest: PersonMention | undefined;
    for (let i = partitionPoint(this.mentions, (m) => m.start <= offset) - 1; i >= 0; i -= 1) {
      const mention = this.mentions[i];
      if (mention.paragraph < firstParagraph) break;
      if (mention.end > offset || !agrees(mention)) continue;
      if (mention.salient) return mention;
      nearest ??= mention;
    }
    return nearest;
  }

  private place(start: number, end: number): { start: number; end: number; paragraph: number } {
    return { start, end, paragraph: this.tokenAt(start)?.paragraph ?? 0 };
  }

  private tokenAt(offset: number): Token | undefined {
    return this.analysis.tokens[tokenIndexAt(this.analysis, offset)];
  }

  /** A person who opens the sentence (titles aside) or whom a verb follows. */
  private isSubject(span: Span): boolean {
    const index = tokenIndexAt(this.analysis, span.start);
    const token = this.analysis.tokens[index];
    if (!token) return false;
    const sentence = this.analysis.sentences[token.sentence];
    // "in New Jersey", "for Hillary Clinton": a name a preposition governs is no subject.
    // if (this.analysis.tokens[index - 1]?.pos === 'ADP') return false;
    if (/^['’]s?\b/.test(this.analysis.text.slice(span.end, span.end + 3))) return false;
    // Opening the sentence, after titles or a few role words ("Conservative economist Aparna Mathur").
    const lead = this.analysis.tokens.slice(sentence.firstToken, index);
    const opens = lead.length <= 4 && lead.every((t) => ROLE_TAGS.has(t.pos) || /^[“"‘'(]$/.test(t.text));
    // "noted NBC's Dante Chinni", "said Angelique Brunner": the name a reporting verb governs.
    const before = [1, 2, 3]
      .map((k) => this.analysis.tokens[index - k])
      .find((t) => t && (t.pos === 'VERB' || !/^\p{Lu}|^['’]s$/u.test(t.text)));
    const governed = before !== undefined && REPORTING_VERBS.has(before.lower);
    const next = this.tokenAt(span.end);
    // A finite verb after the name makes it the subject; a gerund ("Hillary Clinton being…") does not.
    const verb = next !== undefined && (next.pos === 'AUX' || next.pos === 'VERB') && !/ing$/.test(next.lower);
    return opens || governed || verb;
  }

  /**
   * Names no entity covers ("Angelique Brunner, a developer, said…", "Retired Air Force Gen. Norman
   * Ham is speaking"): a run of proper nouns after its titles, of two words or titled, and later a
   * surname alone that one of them ends with.
   */
  private nameRuns(entities: readonly EntityMention[]): PersonMention[] {
    const found: PersonMention[] = [];
    const bySurname = new Map<string, string>();
    const coverage = new Coverage(entities);
    for (const run of this.properNounRuns()) {
      const titled = run.findLastIndex((t) => TITLE_SET.has(t.text));
      const name = run.slice(titled + 1);
      // One word is a name when titled, when a full name seen before ends with it, or when it is a
      // first name standing alone ("Melanie thought…").
      const single = name.length === 1 && titled < 0;
      const known = single && (bySurname.has(name[0].text) || FIRST_NAME_GENDER.has(name[0].text));
      if (!name.length || (single && !known)) continue;
      const start = name[0].start;
      const end = name[name.length - 1].end;
      const surface = this.analysis.text.slice(start, end);
      // A titled name is a person even where the entity finder took the run for something else.
      const personal = titled >= 0 || (name.length === 1 && bySurname.has(name[0].text));
      const covered = coverage.overlaps(start, end, personal);
      if (insideOneOf(this.quoted, start, end) || covered || name.some((t) => !isNameWord(t.text))) continue;
      if (kindOfDescription(surface)?.kind === 'ORGANIZATION') continue;
      const full = single ? (bySurname.get(surface) ?? surface) : surface;
      if (name.length > 1) bySurname.set(name[name.length - 1].text, surface);
      found.push({ ...this.place(start, end), name: full, salient: this.isSubject({ start, end }) });
    }
    return found;
  }

  /** Adjacent capitalised proper nouns outside quotations. */
  private properNounRuns(): Token[][] {
    const runs: Token[][] = [];
    let run: Token[] = [];
    const { tokens, text } = this.analysis;
    for (const [i, token] of tokens.entries()) {
      const isName = token.pos === 'PROPN' && /^\p{Lu}/u.test(token.text);
      const joined = run.length > 0 && text.slice(tokens[i - 1].end, token.start) === ' ';
      if (isName && (joined || run.length === 0)) {
        run.push(token);
        continue;
      }
      if (run.length) runs.push(run);
      run = isName ? [token] : [];
    }
    if (run.length) runs.push(run);
    return runs;
  }

  /** "Warren … her": a pronoun later in the subject's sentence, before anyone else, tells the gender. */
  private learnGenderNear(mention: PersonMention, starts: ReadonlyMap<number, string>): void {
    if (!mention.salient || this.genders.has(mention.name)) return;
    const index = tokenIndexAt(this.analysis, mention.end);
    const token = this.analysis.tokens[index];
    if (!token) return;
    const sentence = this.analysis.sentences[token.sentence];
    for (let i = index; i < sentence.lastToken; i += 1) {
      const t = this.analysis.tokens[i];
      if (insideOneOf(this.quoted, t.start, t.end)) continue;
      // Another name before the pronoun may be the one it stands for.
      if ((starts.get(t.start) ?? mention.name) !== mention.name || (t.pos === 'PROPN' && t.start >= mention.end))
        return;
      if (MALE_PRONOUNS.has(t.lower)) return void this.genders.set(mention.name, 'male');
      if (FEMALE_PRONOUNS.has(t.lower)) return void this.genders.set(mention.name, 'female');
    }
  }
}
