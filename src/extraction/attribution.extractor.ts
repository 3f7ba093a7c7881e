// Writes one source per distinct party the article cites: named and linked to its actor, or
// anonymous with its role and affiliation. The quote finder then attributes quotes to them.
import { Anonymity, Source } from '../source/source.entity';
import { type Extractor, extractedBy, noteCreated } from './extraction-pipeline';

export const attributionExtractor: Extractor = {
  name: 'attribution',
  version: '1.0.0',
  async extract(context) {
    const { db, draft } = context;
    if (!draft.sources.length) return {};
    const { identifiers } = await db.getRepository(Source).insert(
      draft.sources.map((source) => ({
        articleId: context.article.id,
        descriptor: source.descriptor,
        spanStart: context.toCodePoints(source.start),
        spanEnd: context.toCodePoints(source.end),
        anonymity: source.anonymous ? Anonymity.ANONYMOUS : Anonymity.NAMED,
        actorId: source.actor ? (context.actorIds.get(source.actor.name) ?? null) : null,
        affiliationId: source.affiliation ? (context.actorIds.get(source.affiliation.name) ?? null) : null,
        role: source.role,
        ...extractedBy(this, source.confidence),
      })),
    );
    const sourceIds = identifiers.map((identifier) => identifier.id as string);
    context.sourceIds.push(...sourceIds);
    noteCreated(context, 'Source', sourceIds);
    return { sources: sourceIds.length };
  },
};
