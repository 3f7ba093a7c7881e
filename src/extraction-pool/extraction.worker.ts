// What a thread of the extraction pool runs (extraction-pool.ts): one article's extraction.
import { type ArticleDraft, extractArticle } from '../extraction/extract-article';

export default function extractOnWorker(body: string): ArticleDraft {
  return extractArticle(body);
}
