// Reads brat standoff (.ann) attribution annotations, as PolNeAR writes them, into AnnotationsData;
// brat-writer.ts writes the same encoding back. Offsets are code points of the text (brat counts
// with Python string indexes). The encoding:
// - `E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1` (or `Attribution-no-source:…` without a
//   Source; roles in any order, Content2 etc. allowed): each fragment of each Content is one quote,
//   keyed by its T id, or `T3.1`, `T3.2`, … when that Content is written in pieces; all share the
//   event's source and cue (the first fragment of its Cue). A quote's span is its fragment as
//   annotated: PolNeAR's direct quotes include their quotation marks.
// - `A1<TAB>QuoteKind T3 DIRECT|PARAPHRASE` and `A2<TAB>AttributionMethod T3 CUE|…` on a Content;
//   without QuoteKind a fragment opening with a quotation mark is DIRECT, any other PARAPHRASE.
// - A Source T cited by an event is a source keyed by its T id, described by its text (fragments
//   joined by a space), spanning its first fragment. `A Anonymity` and `A SourceKind` on it, else
//   both inferred from the description ("a senior official": an anonymous PERSON; a name or a
//   pronoun: NAMED, kind unknown).
// - The actor behind a Source or a mention T: `N1<TAB>Reference T1 Wikidata:Q42<TAB>Douglas Adams`
//   (actor key `Q42`), else an AnnotatorNotes `actor: <name>` (key `name:<name>`). Its kind is
//   `A ActorKind T1 KIND`, else the type of the mention, else the source's kind (PERSON when
//   unknown; the author of a DOCUMENT is taken for an ORGANIZATION).
// - AnnotatorNotes hold `key: value` fields joined by " | ", as
//   `#1<TAB>AnnotatorNotes T1<TAB>actor: Olena Kovalenko | role: spokeswoman | affiliation: Ukraine`;
//   a source's `role`, its `affiliation` (an actor keyed `name:<name>`, or by `affiliationWikidata:
//   Q212` when given, of kind `affiliationKind`, else ORGANIZATION). Other text in a note is ignored.
// - Person, Organization, State, Media and Group Ts are mentions of an actor of that kind, named by
//   an N line or an `actor:` note, else by their text.
// Everything else (Discuss, relations, unknown types and attributes) is skipped and listed. brat has
// no place for provenance, so everything read is MANUAL.
import { ActorKind } from '../actor/actor.entity';
import { codePointLength, sliceCodePoints } from '../common/code-points';
import { kindOfDescription } from '../extraction/source-phrases';
import {
  type ActorData,
  type ActorRefData,
  type AnnotationsData,
  type MentionData,
  OffsetUnit,
  type QuoteData,
  type SourceData,
  type SpanData,
} from '../import/annotated-article';
import { AttributionMethod, QuoteKind } from '../quote/quote.entity';
import { Anonymity, SourceKind } from '../source/source.entity';

/** A .ann file brat could not have written; the message opens with the line at fault ("line 7: …"). */
export class BratFormatError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'BratFormatError';
  }
}

export interface BratReading {
  readonly annotations: AnnotationsData;
  /** What was not read, one entry a line: "line 24: T18 Discuss is not an attribution or an actor". */
  readonly skipped: string[];
}

export const ATTRIBUTION_EVENT = 'Attribution';
export const ATTRIBUTION_WITHOUT_SOURCE_EVENT = 'Attribution-no-source';
const ATTRIBUTION_EVENTS: ReadonlySet<string> = new Set([ATTRIBUTION_EVENT, ATTRIBUTION_WITHOUT_SOURCE_EVENT]);
const ATTRIBUTION_TYPES: ReadonlySet<string> = new Set([...ATTRIBUTION_EVENTS, 'Source', 'Cue', 'Content']);

/** The brat type of a mention of an actor of this kind: the kind in Title case ("Organization"). */
export function mentionTypeOf(kind: ActorKind): string {
  return kind.charAt(0) + kind.slice(1).toLowerCase();
}

const ACTOR_KIND_OF_MENTION_TYPE: ReadonlyMap<string, ActorKind> = new Map(
  Object.values(ActorKind).map((kind) => [mentionTypeOf(kind), kind]),
);

/** The attributes read, with the values each may take. */
const ATTRIBUTE_VALUES: Readonly<Record<string, readonly string[]>> = {
  QuoteKind: Object.values(QuoteKind),
  AttributionMethod: Object.values(AttributionMethod),
  Anonymity: Object.values(Anonymity),
  SourceKind: Object.values(SourceKind),
  ActorKind: Object.values(ActorKind),
};

/** One AnnotatorNotes text from `key: value` fields. */
export function formatNote(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([key, value]) => `${key}: ${value.replace(/\s+/g, ' ').trim()}`).join(' | ');
}

function noteFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of text.split(' | ')) {
    const field = /^\s*(\w+):\s*(.*?)\s*$/.exec(part);
    if (field && field[2] !== '' && !fields.has(field[1])) fields.set(field[1], field[2]);
  }
  return fields;
}

const QUOTATION_MARK_FIRST = /^\s*["“‘«„'‹]/;

function enumValue<E extends string>(values: Record<string, E>, value: string | undefined): E | undefined {
  return Object.values(values).find((candidate) => candidate === value);
}

function spanText(body: string, fragments: readonly SpanData[]): string {
  return fragments.map((fragment) => sliceCodePoints(body, fragment.start, fragment.end)).join(' ');
}

interface TextBound {
  readonly id: string;
  readonly type: string;
  readonly fragments: readonly SpanData[];
  readonly line: number;
}

interface EventArgument {
  /** As written, with any digit suffix: "Content2". */
  readonly role: string;
  readonly target: string;
}

interface BratEvent {
  readonly id: string;
  readonly type: string;
  readonly trigger: string;
  readonly args: readonly EventArgument[];
  readonly line: number;
}

interface Skip {
  readonly line: number;
  readonly what: string;
}

/** The lines of a .ann file, indexed by what they annotate. */
interface Standoff {
  readonly body: string;
  readonly textBounds: Map<string, TextBound>;
  readonly events: BratEvent[];
  readonly attributes: Map<string, Map<string, string>>;
  readonly wikidata: Map<string, { readonly id: string; readonly name: string }>;
  readonly notes: Map<string, Map<string, string>>;
  /** Every id a line defines or refers to, with the line, checked once all are defined. */
  readonly references: { readonly target: string; readonly by: string; readonly line: number }[];
  readonly skipped: Skip[];
}

interface Line {
  readonly id: string;
  /** The tab-separated fields after the id. */
  readonly fields: readonly string[];
  readonly number: number;
}

function parseTextBound(standoff: Standoff, line: Line, bodyLength: number): void {
  const parts = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(line.fields[0]);
  if (!parts)
    throw new BratFormatError(
      line.number,
      `${line.id}: expected 'Type start end[;start end…]', got '${line.fields[0]}'`,
    );
  const fragments = parts[2].split(';').map((pair) => {
    const [start, end] = pair.split(' ').map(Number);
    return { start, end };
  });
  for (const { start, end } of fragments) {
    if (start > end)
      throw new BratFormatError(line.number, `${line.id}: fragment ${start} ${end} ends before it starts`);
    if (end > bodyLength)
      throw new BratFormatError(
        line.number,
        `${line.id}: fragment ${start} ${end} ends past the text (${bodyLength} code points)`,
      );
  }
  const written = line.fields.slice(1).join('\t');
  const found = spanText(standoff.body, fragments);
  // brat writes a span's newlines as spaces; a real difference means offsets of another text or unit.
  const sameWords = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (line.fields.length > 1 && sameWords(written) !== sameWords(found))
    throw new BratFormatError(
      line.number,
      `${line.id}: its text '${written}' is not the text at its offsets ('${found}'); are they code points of this text?`,
    );
  standoff.textBounds.set(line.id, { id: line.id, type: parts[1], fragments, line: line.number });
}

function parseEvent(standoff: Standoff, line: Line): void {
  const [head, ...rest] = line.fields[0].trim().split(/\s+/);
  const argument = (text: string) => /^([^:\s]+):(\S+)$/.exec(text);
  const trigger = argument(head);
  if (!trigger)
    throw new BratFormatError(line.number, `${line.id}: expected 'Type:Tn Role:Tn …', got '${line.fields[0]}'`);
  const args = rest.map((text) => {
    const parts = argument(text);
    if (!parts) throw new BratFormatError(line.number, `${line.id}: expected 'Role:Tn', got '${text}'`);
    return { role: parts[1], target: parts[2] };
  });
  for (const target of [trigger[2], ...args.map((a) => a.target)])
    standoff.references.push({ target, by: line.id, line: line.number });
  standoff.events.push({ id: line.id, type: trigger[1], trigger: trigger[2], args, line: line.number });
}

function parseAttribute(standoff: Standoff, line: Line): void {
  const parts = line.fields[0].trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 3)
    throw new BratFormatError(line.number, `${line.id}: expected 'Name Tn [Value]', got '${line.fields[0]}'`);
  const [name, target, value] = parts;
  standoff.references.push({ target, by: line.id, line: line.number });
  const allowed = ATTRIBUTE_VALUES[name];
  if (!allowed) {
    standoff.skipped.push({ line: line.number, what: `${line.id} attribute ${name} is not read` });
    return;
  }
  if (!allowed.includes(value ?? ''))
    throw new BratFormatError(line.number, `${line.id}: ${name} is '${value ?? ''}', not one of ${allowed.join(', ')}`);
  const ofTarget = standoff.attributes.get(target) ?? new Map<string, string>();
  standoff.attributes.set(target, ofTarget.set(name, value));
}

function parseNormalization(standoff: Standoff, line: Line): void {
  const parts = /^\S+ (\S+) ([^:\s]+):(\S+)$/.exec(line.fields[0].trim());
  if (!parts)
    throw new BratFormatError(line.number, `${line.id}: expected 'Reference Tn Database:Id', got '${line.fields[0]}'`);
  const [, target, database, id] = parts;
  standoff.references.push({ target, by: line.id, line: line.number });
  if (database.toLowerCase() !== 'wikidata') {
    standoff.skipped.push({ line: line.number, what: `${line.id} refers to ${database}, which is not read` });
    return;
  }
  if (!/^Q\d+$/.test(id))
    throw new BratFormatError(line.number, `${line.id}: '${id}' is not a Wikidata item id (Q and digits)`);
  if (!standoff.wikidata.has(target)) standoff.wikidata.set(target, { id, name: (line.fields[1] ?? '').trim() });
}

function parseNote(standoff: Standoff, line: Line): void {
  const parts = /^\S+ (\S+)$/.exec(line.fields[0].trim());
  if (!parts)
    throw new BratFormatError(line.number, `${line.id}: expected 'AnnotatorNotes Tn', got '${line.fields[0]}'`);
  const target = parts[1];
  standoff.references.push({ target, by: line.id, line: line.number });
  const fields = noteFields(line.fields.slice(1).join('\t'));
  const affiliationKind = fields.get('affiliationKind');
  if (affiliationKind !== undefined && !enumValue(ActorKind, affiliationKind))
    throw new BratFormatError(line.number, `${line.id}: affiliationKind '${affiliationKind}' is not an ActorKind`);
  const ofTarget = standoff.notes.get(target) ?? new Map<string, string>();
  for (const [key, value] of fields) if (!ofTarget.has(key)) ofTarget.set(key, value);
  standoff.notes.set(target, ofTarget);
}

function parseLine(standoff: Standoff, line: Line, bodyLength: number): void {
  switch (line.id.charAt(0)) {
    case 'T':
      return parseTextBound(standoff, line, bodyLength);
    case 'E':
      return parseEvent(standoff, line);
    case 'A':
    case 'M':
      return parseAttribute(standoff, line);
    case 'N':
      return parseNormalization(standoff, line);
    case '#':
      return parseNote(standoff, line);
    case 'R':
    case '*':
      standoff.skipped.push({ line: line.number, what: `${line.id} is a relation, which is not read` });
      return;
    default:
      throw new BratFormatError(line.number, `'${line.id}' is not a brat annotation id (T, E, A, M, N, R, * or #)`);
  }
}

function parseStandoff(body: string, ann: string): Standoff {
  const standoff: Standoff = {
    body,
    textBounds: new Map(),
    events: [],
    attributes: new Map(),
    wikidata: new Map(),
    notes: new Map(),
    references: [],
    skipped: [],
  };
  const bodyLength = codePointLength(body);
  const definedOn = new Map<string, number>();
  ann.split('\n').forEach((text, index) => {
    const number = index + 1;
    if (text.trim() === '') return;
    const [id, ...fields] = text.replace(/\r$/, '').split('\t');
    if (fields.length === 0)
      throw new BratFormatError(number, `expected an id, a tab and an annotation, got '${text}'`);
    const earlier = definedOn.get(id);
    if (earlier !== undefined) throw new BratFormatError(number, `${id} is already defined on line ${earlier}`);
    definedOn.set(id, number);
    parseLine(standoff, { id, fields, number }, bodyLength);
  });
  // A line may refer to one further down, so references are checked once every line is read.
  for (const { target, by, line } of standoff.references)
    if (!definedOn.has(target)) throw new BratFormatError(line, `${by} refers to ${target}, which no line defines`);
  return standoff;
}

/** The actors read so far by key; the first reading of a key wins. */
type ActorsByKey = Map<string, ActorData>;

function cite(actors: ActorsByKey, actor: ActorData): ActorRefData {
  if (!actors.has(actor.key)) actors.set(actor.key, actor);
  return { key: actor.key };
}

/** The actor an N line or an `actor:` note names for a T, if either does. */
function namedActor(standoff: Standoff, textBound: TextBound, fallbackKind: ActorKind): ActorData | undefined {
  const kind = enumValue(ActorKind, standoff.attributes.get(textBound.id)?.get('ActorKind')) ?? fallbackKind;
  const wikidata = standoff.wikidata.get(textBound.id);
  if (wikidata)
    return {
      key: wikidata.id,
      name: wikidata.name || spanText(standoff.body, textBound.fragments),
      kind,
      wikidataId: wikidata.id,
    };
  const name = standoff.notes.get(textBound.id)?.get('actor');
  return name === undefined ? undefined : { key: `name:${name}`, name, kind };
}

function affiliationActor(note: ReadonlyMap<string, string> | undefined): ActorData | undefined {
  const wikidataId = note?.get('affiliationWikidata');
  const name = note?.get('affiliation') ?? wikidataId;
  if (name === undefined) return undefined;
  const kind = enumValue(ActorKind, note?.get('affiliationKind')) ?? ActorKind.ORGANIZATION;
  return wikidataId ? { key: wikidataId, name, kind, wikidataId } : { key: `name:${name}`, name, kind };
}

const ACTOR_KIND_OF_SOURCE_KIND: Readonly<Record<SourceKind, ActorKind>> = {
  [SourceKind.PERSON]: ActorKind.PERSON,
  [SourceKind.GROUP]: ActorKind.GROUP,
  [SourceKind.ORGANIZATION]: ActorKind.ORGANIZATION,
  [SourceKind.DOCUMENT]: ActorKind.ORGANIZATION,
};

function readSource(standoff: Standoff, textBound: TextBound, actors: ActorsByKey): SourceData {
  const descriptor = spanText(standoff.body, textBound.fragments);
  const attributes = standoff.attributes.get(textBound.id);
  const inferred = kindOfDescription(descriptor);
  const kind = enumValue(SourceKind, attributes?.get('SourceKind')) ?? (inferred && SourceKind[inferred.kind]);
  const anonymity =
    enumValue(Anonymity, attributes?.get('Anonymity')) ?? (inferred?.anonymous ? Anonymity.ANONYMOUS : Anonymity.NAMED);
  const actor = namedActor(standoff, textBound, kind ? ACTOR_KIND_OF_SOURCE_KIND[kind] : ActorKind.PERSON);
  const note = standoff.notes.get(textBound.id);
  const affiliation = affiliationActor(note);
  return {
    key: textBound.id,
    descriptor,
    span: textBound.fragments[0],
    anonymity,
    kind,
    role: note?.get('role'),
    actor: actor && cite(actors, actor),
    affiliation: affiliation && cite(actors, affiliation),
  };
}

/** The quotes of one attribution event, one a Content fragment; marks the Ts it reads as read. */
function readAttribution(standoff: Standoff, event: BratEvent, read: Set<string>): QuoteData[] {
  const withRole = (role: string) =>
    event.args.filter((arg) => arg.role.replace(/\d+$/, '') === role).map((arg) => arg.target);
  const [source, ...otherSources] = withRole('Source').filter((id) => standoff.textBounds.has(id));
  if (otherSources.length > 0)
    standoff.skipped.push({
      line: event.line,
      what: `${event.id}: a quote has one source; ${otherSources.join(', ')} not read`,
    });
  const cue = withRole('Cue').map((id) => standoff.textBounds.get(id))[0];
  const contents = withRole('Content').flatMap((id) => standoff.textBounds.get(id) ?? []);
  if (contents.length === 0) standoff.skipped.push({ line: event.line, what: `${event.id} has no Content` });
  for (const id of [event.trigger, source, cue?.id, ...contents.map((content) => content.id)]) if (id) read.add(id);
  const cueSpan = cue?.fragments[0];
  return contents.flatMap((content) => {
    const attributes = standoff.attributes.get(content.id);
    const kind = enumValue(QuoteKind, attributes?.get('QuoteKind'));
    return content.fragments.map((span, piece) => ({
      key: content.fragments.length > 1 ? `${content.id}.${piece + 1}` : content.id,
      span,
      kind:
        kind ?? (QUOTATION_MARK_FIRST.test(spanText(standoff.body, [span])) ? QuoteKind.DIRECT : QuoteKind.PARAPHRASE),
      source,
      cue: cueSpan && sliceCodePoints(standoff.body, cueSpan.start, cueSpan.end),
      cueSpan,
      attributionMethod: enumValue(AttributionMethod, attributes?.get('AttributionMethod')),
    }));
  });
}

function readMention(standoff: Standoff, textBound: TextBound, kind: ActorKind, actors: ActorsByKey): MentionData {
  const name = spanText(standoff.body, textBound.fragments);
  const actor = namedActor(standoff, textBound, kind) ?? { key: `name:${name}`, name, kind };
  return { actor: cite(actors, actor), span: textBound.fragments[0] };
}

function reportUnread(standoff: Standoff, read: ReadonlySet<string>): void {
  for (const { id, type, line } of standoff.textBounds.values()) {
    if (read.has(id)) continue;
    const what = ATTRIBUTION_TYPES.has(type)
      ? `${id} ${type} is in no attribution event`
      : `${id} ${type} is not an attribution or an actor`;
    standoff.skipped.push({ line, what });
  }
}

const byStart = (a: { readonly span?: SpanData | null }, b: { readonly span?: SpanData | null }) =>
  (a.span?.start ?? 0) - (b.span?.start ?? 0) || (a.span?.end ?? 0) - (b.span?.end ?? 0);

/** The annotations of a .ann file over `text`, the body its offsets count code points of. */
export function readBrat(text: string, ann: string): BratReading {
  const standoff = parseStandoff(text, ann);
  const read = new Set<string>();
  const quotes: QuoteData[] = [];
  for (const event of standoff.events) {
    if (ATTRIBUTION_EVENTS.has(event.type)) quotes.push(...readAttribution(standoff, event, read));
    else standoff.skipped.push({ line: event.line, what: `${event.id} ${event.type} is not an attribution` });
  }
  const actors: ActorsByKey = new Map();
  const cited = new Set(quotes.flatMap((quote) => quote.source ?? []));
  const sources = [...standoff.textBounds.values()]
    .filter((textBound) => cited.has(textBound.id))
    .map((textBound) => readSource(standoff, textBound, actors));
  const mentions: MentionData[] = [];
  for (const textBound of standoff.textBounds.values()) {
    const kind = ACTOR_KIND_OF_MENTION_TYPE.get(textBound.type);
    if (kind === undefined) continue;
    mentions.push(readMention(standoff, textBound, kind, actors));
    read.add(textBound.id);
  }
  reportUnread(standoff, read);
  return {
    annotations: {
      offsets: OffsetUnit.CODE_POINT,
      actors: [...actors.values()],
      sources: sources.sort(byStart),
      quotes: quotes.sort(byStart),
      mentions: mentions.sort(byStart),
    },
    skipped: [...standoff.skipped].sort((a, b) => a.line - b.line).map(({ line, what }) => `line ${line}: ${what}`),
  };
}
