// Article.annotationsAs: one article with its annotations in a file format, for a file small
// enough to travel in a GraphQL response (a corpus goes through POST /export).
import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, registerEnumType, Resolver, Root } from 'type-graphql';
import { Article } from '../article/article.entity';
import type { Context } from '../common/context';
import { AppError } from '../errors/app-error';
import { annotationFileOf, AnnotationFileFormat } from '../formats/annotation-files';
import type { AnnotatedArticleData } from '../import/annotated-article';
import { readAnnotatedArticles } from './annotated-article-reader';

export enum ArticleFileFormat {
  JSON = 'JSON',
  BRAT = 'BRAT',
  WEB_ANNOTATION = 'WEB_ANNOTATION',
}

registerEnumType(ArticleFileFormat, {
  name: 'ArticleFileFormat',
  valuesConfig: {
    JSON: { description: 'The importArticle input that recreates the article with its annotations.' },
    BRAT: { description: 'brat standoff (.ann) over the body: sources, cues, quotes and attributions, mentions.' },
    WEB_ANNOTATION: { description: 'A W3C Web Annotation AnnotationPage (JSON-LD) over the body.' },
  },
});

/** The annotated articles of a request's articles, read together. */
function annotatedArticlesById(ctx: Context): DataLoader<string, AnnotatedArticleData | null> {
  return ctx.loaders.get(
    'annotatedArticlesById',
    () => new DataLoader<string, AnnotatedArticleData | null>((ids) => readAnnotatedArticles(ctx.db, ids)),
  );
}

@Resolver(() => Article)
export class ArticleExportResolver {
  @FieldResolver(() => String, {
    description:
      'The article with its annotations as a file: JSON, brat .ann or a Web Annotation page, with offsets in code points of body.',
  })
  async annotationsAs(
    @Root() article: Article,
    @Ctx() ctx: Context,
    @Arg('format', () => ArticleFileFormat) format: ArticleFileFormat,
  ): Promise<string> {
    const annotated = await annotatedArticlesById(ctx).load(article.id);
    // Deleted between reading the article and reading its annotations.
    if (!annotated) throw AppError.notFound(`article ${article.id} no longer exists`);
    if (format === ArticleFileFormat.JSON) return JSON.stringify(annotated);
    return annotationFileOf(annotated, AnnotationFileFormat[format]);
  }
}
