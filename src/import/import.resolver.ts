import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../common/context';
import { AppError } from '../errors/app-error';
import { ImportArticleInput } from './import-article.input';
import { importArticle, importArticles, type ImportResult } from './import.service';
import { ImportArticlePayload, ImportArticlesItem, ImportArticlesPayload } from './import.types';

function payloadOf(result: ImportResult): ImportArticlePayload {
  return Object.assign(new ImportArticlePayload(), result);
}

@Resolver(() => ImportArticlePayload)
export class ImportResolver {
  @Mutation(() => ImportArticlePayload, { description: 'Imports one article; the same URL (or, without a URL, the same text) returns the existing one.' })
  async importArticle(
    @Ctx() ctx: Context,
    // Validated by the service, which names the field as input.<field>.
    @Arg('input', () => ImportArticleInput, { validate: false }) input: ImportArticleInput,
  ): Promise<ImportArticlePayload> {
    try {
      return payloadOf(await importArticle(ctx.db, input, ctx.config));
    } catch (error) {
      if (error instanceof AppError && error.field) throw new AppError(error.code, error.message, `input.${error.field}`);
      throw error;
    }
  }

  @Mutation(() => ImportArticlesPayload, { description: 'Each item is validated and imported on its own: a bad item fails alone.' })
  async importArticles(
    @Ctx() ctx: Context,
    @Arg('inputs', () => [ImportArticleInput], { validate: false }) inputs: ImportArticleInput[],
  ): Promise<ImportArticlesPayload> {
    if (inputs.length > ctx.config.importMaxBatch) {
      throw AppError.badInput(`inputs must hold at most ${ctx.config.importMaxBatch} articles; split the batch`, 'inputs');
    }
    const items = (await importArticles(ctx.db, inputs, ctx.config)).map((item) =>
      Object.assign(new ImportArticlesItem(), {
        index: item.index,
        article: item.result?.article ?? null,
        created: item.result?.created ?? false,
        extraction: item.result?.extraction ?? null,
        error: item.error ?? null,
      }),
    );
    return Object.assign(new ImportArticlesPayload(), {
      items,
      createdCount: items.filter((i) => i.created).length,
      failedCount: items.filter((i) => i.error).length,
      existingCount: items.filter((i) => !i.created && !i.error).length,
    });
  }
}
