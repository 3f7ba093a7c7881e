import { createUnionType, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Article } from '../article/article.entity';
import { ConnectionType } from '../common/connection';
import type { SortKey } from '../common/keyset';
import { sql } from '../database/sql';
import { Quote } from '../quote/quote.entity';
import { HEADLINE_WINDOW } from './search-limits';

export enum SearchHitType {
  ARTICLE = 'ARTICLE',
  QUOTE = 'QUOTE',
}

registerEnumType(SearchHitType, { name: 'SearchHitType' });

export const SearchHit = createUnionType({
  name: 'SearchHit',
  types: () => [Article, Quote] as const,
});

@ObjectType({ simpleResolvers: true, description: 'An article or a quote that matches a full-text search.' })
export class SearchResult {
  @Field(() => SearchHit)
  hit: Article | Quote;

  @Field(() => Float, {
    description: "PostgreSQL's ts_rank_cd: higher is better; title words weigh more than body words.",
  })
  rank: number;

  @Field({
    description: `HTML: the matching text, escaped, with each matched word wrapped in <b>…</b>: the whole quote, or up to two fragments of an article; of a text longer than ${HEADLINE_WINDOW.toLocaleString('en')} characters, from its first ${HEADLINE_WINDOW.toLocaleString('en')}.`,
  })
  highlight: string;
}

export const SearchResultConnection = ConnectionType(SearchResult);

/** Best first. */
export const SEARCH_ORDER_KEYS: SortKey[] = [
  { sql: sql`hits.rank`, type: 'real', descending: true },
  { sql: sql`hits.type`, type: 'text', descending: true },
  { sql: sql`hits.id`, type: 'uuid', descending: true },
];
