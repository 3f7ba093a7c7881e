// Writes the direct quotes and paraphrases of the draft, attributed to the sources written before.
import { Quote, QuoteKind } from '../quote/quote.entity';
import { type Extractor, extractedBy, noteCreated } from './extraction-pipeline';

export const quoteExtractor: Extractor = {
  name: 'quote-finder',
  version: '1.0.0',
  async extract(context) {
    const quotes = context.draft.quotes;
    if (!quotes.length) return {};
    const { identifiers } = await context.db.getRepository(Quote).insert(
      quotes.map((quote) => ({
        articleId: context.article.id,
        spanStart: context.toCodePoints(quote.start),
        spanEnd: context.toCodePoints(quote.end),
        kind: QuoteKind[quote.kind],
        sourceId: quote.source === null ? null : (context.sourceIds[quote.source] ?? null),
        cue: quote.cue,
        // Finding the marks is near certain; how sure the attribution is decides the rest.
        ...extractedBy(this, quote.kind === 'DIRECT' ? Math.min(1, quote.confidence + 0.05) : quote.confidence),
      })),
    );
    noteCreated(context, 'Quote', identifiers.map((identifier) => identifier.id as string));
    return { quotes: quotes.length };
  },
};
