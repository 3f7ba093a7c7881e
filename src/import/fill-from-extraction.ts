// `extract: true` beside an import's own annotations: extraction fills only what they leave out.
// An extracted quote is kept where no given quote overlaps it (with its source), an extracted
// mention where no given mention overlaps it, and the actors those need; the given rows win.
import type { AnnotationSet, SpanRecord } from './annotation-set';

const overlaps = (a: SpanRecord, b: SpanRecord) => a.start < b.end && b.start < a.end;

/** Extracted keys are prefixed, as prepare-annotations prefixes the given ones, so that they never meet. */
const EXTRACTED = 'extracted:';

export function fillFromExtraction(given: AnnotationSet, extracted: AnnotationSet): AnnotationSet {
  const quotes = extracted.quotes.filter((quote) => !given.quotes.some((mine) => overlaps(mine.span, quote.span)));
  const mentions = extracted.mentions.filter(
    (mention) => !given.mentions.some((mine) => overlaps(mine.span, mention.span)),
  );
  const sourceKeys = new Set(quotes.flatMap((quote) => (quote.source === undefined ? [] : [quote.source])));
  const sources = extracted.sources.filter((source) => sourceKeys.has(source.key));
  const actorKeys = new Set([
    ...sources.flatMap((source) => [source.actor, source.affiliation]),
    ...mentions.map((mention) => mention.actor),
  ]);
  // An actor's affiliation and organisations come along with it.
  for (const actor of extracted.actors)
    if (actorKeys.has(actor.key)) [actor.affiliation, ...(actor.memberOf ?? [])].forEach((key) => actorKeys.add(key));
  const key = (k: string | undefined) => (k === undefined ? undefined : EXTRACTED + k);
  return {
    actors: [
      ...given.actors,
      ...extracted.actors
        .filter((actor) => actorKeys.has(actor.key))
        .map((actor) => ({
          ...actor,
          key: EXTRACTED + actor.key,
          affiliation: key(actor.affiliation),
          memberOf: actor.memberOf?.map((k) => EXTRACTED + k),
        })),
    ],
    sources: [
      ...given.sources,
      ...sources.map((source) => ({
        ...source,
        key: EXTRACTED + source.key,
        actor: key(source.actor),
        affiliation: key(source.affiliation),
      })),
    ],
    quotes: [...given.quotes, ...quotes.map((quote) => ({ ...quote, key: key(quote.key), source: key(quote.source) }))],
    mentions: [...given.mentions, ...mentions.map((mention) => ({ ...mention, actor: EXTRACTED + mention.actor }))],
    stances: given.stances,
  };
}
