import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../common/context';
import { AppError } from '../errors/app-error';
import { ImportArticleInput } from './import-article.input';
import { inTransaction } from '../database/transaction';
import { validatedPerItem } from '../errors/validation';
import { importEach } from './import-batch';
import { importArticle, type ImportResult, prepareImport } from './import.service';
import { ImportArticlePayload, ImportArticlesItem, ImportArticlesPayload } from './import.types';

function payloadOf(result: ImportResult): ImportArticlePayload {
  return Object.assign(new ImportArticlePayload(), result);
}

/** The import's checks name a field within the item; the mutation names it within its input. */
async function withinInput<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.field) throw new AppError(error.code, error.message, `input.${error.field}`);
    throw error;
  }
}

@Resolver(() => ImportArticlePayload)
export class ImportResolver {
  @Mutation(() => ImportArticlePayload, {
    description: 'Imports one article; the same URL (or, without a URL, the same text) returns the existing one.',
  })
  async importArticle(
    @Ctx() ctx: Context,
    @Arg('input', () => ImportArticleInput) input: ImportArticleInput,
  ): Promise<ImportArticlePayload> {
    return withinInput(async () => {
      const prepared = prepareImport(input, ctx.config);
      return payloadOf(await inTransaction(ctx.db, (tx) => importArticle(tx, prepared)));
    });
  }

  @Mutation(() => ImportArticlesPayload, {
    description: 'Each item is validated and imported on its own: a bad item fails alone.',
  })
  async importArticles(
    @Ctx() ctx: Context,
    @Arg('inputs', () => [ImportArticleInput], { validateFn: validatedPerItem }) inputs: ImportArticleInput[],
  ): Promise<ImportArticlesPayload> {
    if (inputs.length > ctx.config.importMaxBatch) {
      throw AppError.badInput(
        `inputs must hold at most ${ctx.config.importMaxBatch} articles; split the batch`,
        'inputs',
      );
    }
    const items = (await importEach(ctx.db, inputs, ctx.config)).map((item) =>
      Object.assign(new ImportArticlesItem(), {
        index: item.index,
        article: item.result?.article ?? null,
        created: item.result?.created ?? false,
        extraction: item.result?.extraction ?? null,
        error: item.error ?? null,
        warnings: item.result?.warnings ?? [],
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
