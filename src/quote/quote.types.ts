import { registerEnumType } from 'type-graphql';
import { PUBLISHED_AT_KEY_SQL } from '../article/article.types';
import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { sql } from '../database/sql';
import { Quote } from './quote.entity';

export enum QuoteOrder {
  PUBLISHED_AT_DESC = 'PUBLISHED_AT_DESC',
  PUBLISHED_AT_ASC = 'PUBLISHED_AT_ASC',
  CONFIDENCE_DESC = 'CONFIDENCE_DESC',
}

registerEnumType(QuoteOrder, {
  name: 'QuoteOrder',
  description: "Quotes by their article's publication date (then in reading order within it), or by confidence.",
  valuesConfig: {
    PUBLISHED_AT_DESC: { description: 'Newest article first (the default); undated articles last.' },
    PUBLISHED_AT_ASC: { description: 'Oldest article first; undated articles first.' },
    CONFIDENCE_DESC: { description: 'Most confident first; MANUAL quotes count as certain.' },
  },
});

// Every key sorts one way, so a page boundary is one row comparison; reading order within an
// article comes from the negated span start.
const byArticleDate = (descending: boolean): SortKey[] => [
  { sql: PUBLISHED_AT_KEY_SQL, type: 'timestamptz', descending },
  { sql: sql`a.id`, type: 'uuid', descending },
  { sql: descending ? sql`(-q.span_start)` : sql`q.span_start`, type: 'integer', descending },
  { sql: sql`q.id`, type: 'uuid', descending },
];

export const QUOTE_ORDER_KEYS: Record<QuoteOrder, SortKey[]> = {
  [QuoteOrder.PUBLISHED_AT_DESC]: byArticleDate(true),
  [QuoteOrder.PUBLISHED_AT_ASC]: byArticleDate(false),
  [QuoteOrder.CONFIDENCE_DESC]: [
    // MANUAL rows have no confidence: a curated row counts as certain.
    { sql: sql`COALESCE(q.confidence, 1)`, type: 'real', descending: true },
    { sql: sql`q.id`, type: 'uuid', descending: true },
  ],
};

/** Article.quotes: reading order. */
export const QUOTE_READING_ORDER_KEYS: SortKey[] = [
  { sql: sql`q.span_start`, type: 'integer', descending: false },
  { sql: sql`q.id`, type: 'uuid', descending: false },
];

export const QuoteConnection = ConnectionType(Quote);
