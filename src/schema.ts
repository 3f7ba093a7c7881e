import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ActorResolver } from './actor/actor.resolver';
import { ArticleResolver } from './article/article.resolver';
import { ApiKeyResolver } from './auth/api-key.resolver';
import { resolveFieldsDirectly } from './common/direct-field-resolvers';
import { resolveGlobalIds } from './common/node-id';
import { NodeResolver } from './common/node.resolver';
import { DateTimeScalar } from './common/scalars';
import { SpanResolver } from './common/span.resolver';
import { ArticleExportResolver } from './export/article-export.resolver';
import { MentionResolver } from './mention/mention.resolver';
import { OutletResolver } from './outlet/outlet.resolver';
import { PolicyQuestionResolver } from './policy-question/policy-question.resolver';
import { QuoteBucketResolver } from './quote/quote-bucket.resolver';
import { QuoteResolver } from './quote/quote.resolver';
import { SearchResolver } from './search/search.resolver';
import { ImportResolver } from './import/import.resolver';
import { ReextractResolver } from './import/reextract.resolver';
import { RevisionResolver } from './revision/revision.resolver';
import { SourceResolver } from './source/source.resolver';
import { StanceResolver } from './stance/stance.resolver';
import { validateArgument } from './errors/validation';

export const resolvers = [
  NodeResolver,
  SpanResolver,
  ArticleResolver,
  ArticleExportResolver,
  OutletResolver,
  QuoteResolver,
  QuoteBucketResolver,
  SearchResolver,
  ImportResolver,
  ReextractResolver,
  RevisionResolver,
  SourceResolver,
  MentionResolver,
  ActorResolver,
  PolicyQuestionResolver,
  StanceResolver,
  ApiKeyResolver,
] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    // Every argument goes through validateArgument (class-validator, our coded errors); with a
    // validateFn set, type-graphql's own `validate` setting is never consulted, so none is given.
    validateFn: validateArgument,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  return resolveFieldsDirectly(resolveGlobalIds(schema), resolvers);
}

/** The SDL committed at schema/schema.graphql, sorted so that diffs stay small. */
export function printSchemaSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
