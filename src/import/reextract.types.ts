import { Field, Int, ObjectType } from 'type-graphql';
import { Article } from '../article/article.entity';
import { ImportError } from './import.types';

@ObjectType({ description: 'What re-extraction did to one kind of row.' })
export class ReextractCounts {
  @Field(() => Int, { description: 'EXTRACTED rows deleted: the current extractor no longer finds them.' })
  removed: number;

  @Field(() => Int, { description: 'Rows the current extractor found that were not there.' })
  added: number;

  @Field(() => Int, {
    description: 'Rows left as they were: MANUAL rows, and EXTRACTED rows the extractor found again unchanged.',
  })
  kept: number;

  @Field(() => Int, {
    description:
      'Of the kept rows, EXTRACTED rows the extractor no longer finds, kept because curated work links them.',
  })
  keptLinked: number;
}

@ObjectType({ description: 'What re-extraction changed in one article, or why it failed.' })
export class ReextractArticleResult {
  @Field(() => Article)
  article: Article;

  @Field(() => Boolean, { description: 'False when nothing was removed, added or created.' })
  changed: boolean;

  @Field(() => ReextractCounts, { nullable: true })
  quotes: ReextractCounts | null;

  @Field(() => ReextractCounts, { nullable: true })
  sources: ReextractCounts | null;

  @Field(() => ReextractCounts, { nullable: true })
  mentions: ReextractCounts | null;

  @Field(() => Int, { description: 'EXTRACTED stances deleted.' })
  stancesRemoved: number;

  @Field(() => Int, { description: 'Actors created for what the extractor found.' })
  newActors: number;

  @Field(() => ImportError, {
    nullable: true,
    description: 'Set when this article failed; its transaction was rolled back.',
  })
  error: ImportError | null;
}

@ObjectType()
export class ReextractTotals {
  @Field(() => Int)
  articles: number;

  @Field(() => Int)
  changedArticles: number;

  @Field(() => Int)
  failedArticles: number;

  @Field(() => ReextractCounts)
  quotes: ReextractCounts;

  @Field(() => ReextractCounts)
  sources: ReextractCounts;

  @Field(() => ReextractCounts)
  mentions: ReextractCounts;

  @Field(() => Int)
  stancesRemoved: number;

  @Field(() => Int)
  newActors: number;
}

@ObjectType({
  description: 'One page of re-extraction, article by article (each in its own transaction), and its totals.',
})
export class ReextractPayload {
  @Field(() => [ReextractArticleResult])
  articles: ReextractArticleResult[];

  @Field(() => ReextractTotals)
  total: ReextractTotals;

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` to re-extract the next page; null when no article is left.',
  })
  endCursor: string | null;
}
