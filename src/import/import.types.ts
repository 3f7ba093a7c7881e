import { Field, Int, ObjectType } from 'type-graphql';
import { Article } from '../article/article.entity';

const WARNINGS =
  'How the article was filed where a client may not expect it: an outletName that differs from the name of the outlet holding its domain, annotations given for an article already stored.';

@ObjectType({
  description: "What an import wrote for a new article's annotations: its own, and what the extraction pipeline found.",
})
export class ExtractionReport {
  @Field(() => Int)
  quotes: number;

  @Field(() => Int)
  sources: number;

  @Field(() => Int)
  mentions: number;

  @Field(() => Int)
  newActors: number;
}

@ObjectType()
export class ImportArticlePayload {
  @Field(() => Article, { description: 'The stored article; its body is the normalised text all offsets refer to.' })
  article: Article;

  @Field({
    description: 'False when the article was already there (same URL, or same text without a URL): nothing changed.',
  })
  created: boolean;

  @Field(() => ExtractionReport, {
    nullable: true,
    description: 'Null when nothing was written (no annotations and extract: false, or not created).',
  })
  extraction: ExtractionReport | null;

  @Field(() => [String], { description: WARNINGS })
  warnings: string[];
}

@ObjectType()
export class ImportError {
  @Field()
  code: string;

  @Field(() => String, {
    nullable: true,
    description: 'The input field at fault, within the item: body, url, publishedAt...',
  })
  field: string | null;

  @Field()
  message: string;
}

@ObjectType()
export class ImportArticlesItem {
  @Field(() => Int, { description: 'Position of the item in the inputs.' })
  index: number;

  @Field(() => Article, { nullable: true })
  article: Article | null;

  @Field()
  created: boolean;

  @Field(() => ImportError, { nullable: true })
  error: ImportError | null;

  @Field(() => ExtractionReport, { nullable: true })
  extraction: ExtractionReport | null;

  @Field(() => [String], { description: WARNINGS })
  warnings: string[];
}

@ObjectType()
export class ImportArticlesPayload {
  @Field(() => [ImportArticlesItem])
  items: ImportArticlesItem[];

  @Field(() => Int)
  createdCount: number;

  @Field(() => Int)
  failedCount: number;

  @Field(() => Int, { description: 'Items that were already there.' })
  existingCount: number;
}
