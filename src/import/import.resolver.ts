import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../common/context';
import { AppError } from '../errors/app-error';
import { inputInstanceOf } from '../common/input-instance';
import { checkInput } from '../errors/validation';
import { AnnotationFileError, type ReadAnnotationFile, readAnnotationFile } from '../formats/annotation-files';
import { OffsetUnit } from './annotated-article';
import { AnnotationsInput } from './annotations.input';
import { ImportAnnotationFileInput } from './import-annotation-file.input';
import { ImportArticleInput } from './import-article.input';
import { inTransaction } from '../database/transaction';
import { validatedPerItem } from '../errors/validation';
import { importEach } from './import-batch';
import { extractForImport, importArticle, type ImportResult, prepareImport } from './import.service';
import { ImportArticlePayload, ImportArticlesItem, ImportArticlesPayload } from './import.types';

function payloadOf(result: ImportResult): ImportArticlePayload {
  return Object.assign(new ImportArticlePayload(), result);
}

/** The import's checks name a field within the item; the mutation names it within its input. */
async function withinInput<T>(work: () => T | Promise<T>, fieldOf = (field: string) => `input.${field}`): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.field) {
      // Everything else the error carries (details, the HTTP status) stays as it was.
      const moved = new AppError(error.code, error.message, fieldOf(error.field));
      Object.assign(moved.extensions, error.extensions, { field: fieldOf(error.field) });
      throw moved;
    }
    throw error;
  }
}

/** In importAnnotationFile, the annotations are the file's and the rest the article's. */
const withinFileInput = (field: string) =>
  field.startsWith('annotations') ? 'input.file' : field.startsWith('input.') ? field : `input.article.${field}`;

async function importPrepared(ctx: Context, input: ImportArticleInput): Promise<ImportArticlePayload> {
  const prepared = await extractForImport(prepareImport(input, ctx.config));
  return payloadOf(await inTransaction(ctx.db, (tx) => importArticle(tx, prepared)));
}

/** The input's article with the annotations its file holds, checked as importArticle checks its own. */
async function articleWithFileAnnotations(
  input: ImportAnnotationFileInput,
): Promise<{ article: ImportArticleInput; warnings: string[] }> {
  if (input.article.annotations)
    throw AppError.badInput('give the annotations in file, not in article.annotations', 'input.article.annotations');
  let read: ReadAnnotationFile;
  try {
    read = readAnnotationFile(input.format, input.article.body, input.file, input.offsets ?? OffsetUnit.CODE_POINT);
  } catch (error) {
    if (error instanceof AnnotationFileError) throw AppError.badInput(`file: ${error.message}`, 'input.file');
    throw error;
  }
  const annotations = inputInstanceOf(AnnotationsInput, read.annotations as Record<string, unknown>);
  await checkInput(annotations, 'input.file');
  const article = Object.assign(new ImportArticleInput(), input.article, { annotations });
  return { article, warnings: read.warnings };
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
    return withinInput(() => importPrepared(ctx, input));
  }

  @Mutation(() => ImportArticlePayload, {
    description:
      'Imports one article with the annotations of a brat or Web Annotation file about its text, as importArticle would with them.',
  })
  async importAnnotationFile(
    @Ctx() ctx: Context,
    @Arg('input', () => ImportAnnotationFileInput) input: ImportAnnotationFileInput,
  ): Promise<ImportArticlePayload> {
    return withinInput(async () => {
      const { article, warnings } = await articleWithFileAnnotations(input);
      const payload = await importPrepared(ctx, article);
      return Object.assign(payload, { warnings: [...payload.warnings, ...warnings] });
    }, withinFileInput);
  }

  @Mutation(() => ImportArticlesPayload, {
    description: 'Each item is validated and imported on its own: a bad item fails alone.',
  })
  async importArticles(
    @Ctx() ctx: Context,
    @Arg('inputs', () => [ImportArticleInput], { validateFn: validatedPerItem }) inputs: ImportArticleInput[],
  ): Promise<ImportArticlesPayload> {
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
