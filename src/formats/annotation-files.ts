// An annotated article as the files annotation tools keep it in, and back: the text (`.txt`, the
// body exactly as the offsets count it), the annotations (brat `.ann` or Web Annotation `.jsonld`)
// and a sidecar of the article's own fields (`.json`: title, url, publishedAt, outlet, ...).
import { contentHashOf } from '../article/article-body';
import type { AnnotatedArticleData, AnnotationsData } from '../import/annotated-article';
import { OffsetUnit } from '../import/annotated-article';
import { BratFormatError, readBrat } from './brat-reader';
import { writeBrat } from './brat-writer';
import { readWebAnnotations, WebAnnotationFormatError } from './web-annotation-reader';
import { writeWebAnnotations } from './web-annotation-writer';

export enum AnnotationFileFormat {
  BRAT = 'BRAT',
  WEB_ANNOTATION = 'WEB_ANNOTATION',
}

export const ANNOTATION_FILE_EXTENSION: Record<AnnotationFileFormat, string> = {
  [AnnotationFileFormat.BRAT]: '.ann',
  [AnnotationFileFormat.WEB_ANNOTATION]: '.jsonld',
};

/** An annotation file that its format's reader cannot read; the message says where. */
export class AnnotationFileError extends Error {
  override name = 'AnnotationFileError';
}

/** The article's IRI in Web Annotations: its URL, else a URN of its text's hash. */
export function articleIriOf(article: Pick<AnnotatedArticleData, 'url' | 'body'>): string {
  return article.url ?? `urn:quotegraph:article:${contentHashOf(article.body)}`;
}

/** The annotation file of an article whose spans count code points of its body. */
export function annotationFileOf(article: AnnotatedArticleData, format: AnnotationFileFormat): string {
  if (format === AnnotationFileFormat.BRAT) return writeBrat(article);
  return `${JSON.stringify(writeWebAnnotations(article, articleIriOf(article)), null, 2)}\n`;
}

/** The article's own fields, for the sidecar: everything but its body and annotations. */
export function articleFieldsOf(article: AnnotatedArticleData): Omit<AnnotatedArticleData, 'body' | 'annotations'> {
  const { body, annotations, ...fields } = article;
  return fields;
}

export interface ReadAnnotationFile {
  readonly annotations: AnnotationsData;
  /** What was skipped or could not be anchored, for the importer to report. */
  readonly warnings: string[];
}

/**
 * The annotations a file holds about `text`. brat counts code points (`offsets` does not apply);
 * a Web Annotation file counts `offsets` (code points as the model says, UTF16 for Hypothesis).
 */
export function readAnnotationFile(
  format: AnnotationFileFormat,
  text: string,
  file: string,
  offsets: OffsetUnit = OffsetUnit.CODE_POINT,
): ReadAnnotationFile {
  try {
    if (format === AnnotationFileFormat.BRAT) {
      const { annotations, skipped } = readBrat(text, file);
      return { annotations, warnings: skipped };
    }
    return readWebAnnotations(text, JSON.parse(file) as unknown, offsets);
  } catch (error) {
    if (error instanceof BratFormatError || error instanceof WebAnnotationFormatError)
      throw new AnnotationFileError(error.message);
    if (error instanceof SyntaxError) throw new AnnotationFileError(`not JSON: ${error.message}`);
    throw error;
  }
}
