// Writes an article's annotations as brat standoff (.ann) in the encoding brat-reader.ts documents,
// so readBrat(body, writeBrat(article)) gives back its sources, quotes, mentions and actor links.
// brat has no place for the rest, which is not written: stances, provenance (extracted rows read
// back as MANUAL), actors nothing cites, an actor's description, aliases and memberships, a source's
// descriptor where it differs from its span's text, and a cue's text without its span. A source
// without a span cannot be a T, so its quotes are written as Attribution-no-source events.
import { ActorKind } from '../actor/actor.entity';
import { sliceCodePoints } from '../common/code-points';
import {
  type ActorData,
  type ActorRefData,
  type AnnotatedArticleData,
  type MentionData,
  OffsetUnit,
  type QuoteData,
  type SourceData,
  type SpanData,
} from '../import/annotated-article';
import { ATTRIBUTION_EVENT, ATTRIBUTION_WITHOUT_SOURCE_EVENT, formatNote, mentionTypeOf } from './brat-reader';

/** A T line to be, with what the A, N and # lines say of it; ids are given once all are known. */
interface DraftTextBound {
  readonly type: string;
  readonly fragments: readonly SpanData[];
  readonly attributes: readonly (readonly [string, string])[];
  readonly wikidata?: { readonly id: string; readonly name: string };
  readonly note?: readonly (readonly [string, string])[];
}

interface DraftEvent {
  readonly type: string;
  readonly trigger: DraftTextBound;
  readonly roles: readonly (readonly [string, DraftTextBound])[];
}

interface KnownActor {
  readonly name?: string | null;
  readonly kind?: ActorKind;
  readonly wikidataId?: string | null;
}

/** The actor a reference means: the `actors` entry it names by key, Wikidata id or name, else what it says. */
function resolveActor(ref: ActorRefData | null | undefined, actors: readonly ActorData[]): KnownActor | undefined {
  if (!ref) return undefined;
  const actor =
    (ref.key != null && actors.find((candidate) => candidate.key === ref.key)) ||
    (ref.wikidataId != null && actors.find((candidate) => candidate.wikidataId === ref.wikidataId)) ||
    (ref.name != null && actors.find((candidate) => candidate.name === ref.name)) ||
    undefined;
  if (actor) return actor;
  return ref.name != null || ref.wikidataId != null ? { name: ref.name, wikidataId: ref.wikidataId } : undefined;
}

function spanText(body: string, fragments: readonly SpanData[]): string {
  return fragments.map((fragment) => sliceCodePoints(body, fragment.start, fragment.end)).join(' ');
}

function field(key: string, value: string | null | undefined): [string, string][] {
  return value ? [[key, value]] : [];
}

function sourceTextBound(source: SourceData, span: SpanData, actors: readonly ActorData[]): DraftTextBound {
  const actor = resolveActor(source.actor, actors);
  const affiliation = resolveActor(source.affiliation, actors);
  return {
    type: 'Source',
    fragments: [span],
    attributes: [
      ['Anonymity', source.anonymity],
      ...field('SourceKind', source.kind),
      ...field('ActorKind', actor?.kind),
    ],
    wikidata: actor?.wikidataId ? { id: actor.wikidataId, name: actor.name ?? '' } : undefined,
    note: [
      ...field('actor', actor?.wikidataId ? undefined : actor?.name),
      ...field('role', source.role),
      ...field('affiliation', affiliation?.name),
      // The reader takes an affiliation without a kind for an organisation.
      ...field('affiliationKind', affiliation?.kind === ActorKind.ORGANIZATION ? undefined : affiliation?.kind),
      ...field('affiliationWikidata', affiliation?.wikidataId),
    ],
  };
}

/** Quotes one event carries: those of one source with one cue span, kind and method; every other quote alone. */
function attributionGroups(quotes: readonly QuoteData[]): QuoteData[][] {
  const groups = new Map<string, QuoteData[]>();
  quotes.forEach((quote, index) => {
    const key =
      quote.source && quote.cueSpan
        ? JSON.stringify([quote.source, quote.cueSpan.start, quote.cueSpan.end, quote.kind, quote.attributionMethod])
        : `alone ${index}`;
    groups.set(key, [...(groups.get(key) ?? []), quote]);
  });
  return [...groups.values()].map((group) => group.sort((a, b) => a.span.start - b.span.start));
}

function attributionEvent(quotes: readonly QuoteData[], source: DraftTextBound | undefined): DraftEvent {
  const [first] = quotes;
  const content: DraftTextBound = {
    type: 'Content',
    fragments: quotes.map((quote) => quote.span),
    attributes: [['QuoteKind', first.kind], ...field('AttributionMethod', first.attributionMethod)],
  };
  const cue: DraftTextBound | undefined = first.cueSpan
    ? { type: 'Cue', fragments: [first.cueSpan], attributes: [] }
    : undefined;
  const type = source ? ATTRIBUTION_EVENT : ATTRIBUTION_WITHOUT_SOURCE_EVENT;
  // brat's events need a trigger: the cue, as in PolNeAR, or the quote itself when there is none.
  const trigger: DraftTextBound = { type, fragments: [first.cueSpan ?? first.span], attributes: [] };
  const roles: [string, DraftTextBound][] = [['Content', content]];
  if (cue) roles.push(['Cue', cue]);
  if (source) roles.push(['Source', source]);
  return { type, trigger, roles };
}

function mentionTextBound(body: string, mention: MentionData, actors: readonly ActorData[]): DraftTextBound {
  const actor = resolveActor(mention.actor, actors);
  const text = sliceCodePoints(body, mention.span.start, mention.span.end);
  return {
    type: mentionTypeOf(actor?.kind ?? ActorKind.PERSON),
    fragments: [mention.span],
    attributes: [],
    wikidata: actor?.wikidataId ? { id: actor.wikidataId, name: actor.name ?? text } : undefined,
    // The reader names an actor by the mention's text unless a note says otherwise.
    note: field('actor', actor?.wikidataId || actor?.name === text ? undefined : actor?.name),
  };
}

/** brat's T line text: the fragments' texts joined by a space, with no tab or newline to break the line. */
function lineText(body: string, fragments: readonly SpanData[]): string {
  return spanText(body, fragments).replace(/[\t\r\n]/g, ' ');
}

function render(body: string, textBounds: readonly DraftTextBound[], events: readonly DraftEvent[]): string {
  // A stable sort: text bounds starting together keep the order they were drafted in.
  const ordered = [...textBounds].sort((a, b) => a.fragments[0].start - b.fragments[0].start);
  const position = new Map(ordered.map((textBound, index) => [textBound, index]));
  const id = (textBound: DraftTextBound) => `T${(position.get(textBound) ?? 0) + 1}`;
  const offsets = (fragments: readonly SpanData[]) => fragments.map(({ start, end }) => `${start} ${end}`).join(';');
  const byTrigger = [...events].sort((a, b) => (position.get(a.trigger) ?? 0) - (position.get(b.trigger) ?? 0));
  const attributes = ordered.flatMap((tb) => tb.attributes.map(([name, value]) => `${name} ${id(tb)} ${value}`));
  const normalizations = ordered.flatMap((tb) =>
    tb.wikidata ? [`Reference ${id(tb)} Wikidata:${tb.wikidata.id}\t${tb.wikidata.name}`] : [],
  );
  const notes = ordered.flatMap((tb) => (tb.note?.length ? [`AnnotatorNotes ${id(tb)}\t${formatNote(tb.note)}`] : []));
  const lines = [
    ...ordered.map((tb) => `${id(tb)}\t${tb.type} ${offsets(tb.fragments)}\t${lineText(body, tb.fragments)}`),
    ...byTrigger.map(
      (event, index) =>
        `E${index + 1}\t${event.type}:${id(event.trigger)} ${event.roles.map(([role, tb]) => `${role}:${id(tb)}`).join(' ')}`,
    ),
    ...attributes.map((line, index) => `A${index + 1}\t${line}`),
    ...normalizations.map((line, index) => `N${index + 1}\t${line}`),
    ...notes.map((line, index) => `#${index + 1}\t${line}`),
  ];
  return lines.map((line) => `${line}\n`).join('');
}

/** The .ann text of an article's annotations; spans must count code points of `article.body`. */
export function writeBrat(article: AnnotatedArticleData): string {
  const annotations = article.annotations ?? {};
  if (annotations.offsets && annotations.offsets !== OffsetUnit.CODE_POINT)
    throw new Error(`brat offsets are code points; these annotations count ${annotations.offsets}`);
  const actors = annotations.actors ?? [];
  const sources = new Map<string, DraftTextBound>();
  for (const source of annotations.sources ?? [])
    if (source.span) sources.set(source.key, sourceTextBound(source, source.span, actors));
  const events = attributionGroups(annotations.quotes ?? []).map((group) =>
    attributionEvent(group, sources.get(group[0].source ?? '')),
  );
  const textBounds = [
    ...sources.values(),
    ...events.flatMap((event) => [
      ...event.roles.map(([, tb]) => tb).filter((tb) => tb.type !== 'Source'),
      event.trigger,
    ]),
    ...(annotations.mentions ?? []).map((mention) => mentionTextBound(article.body, mention, actors)),
  ];
  return render(article.body, textBounds, events);
}
