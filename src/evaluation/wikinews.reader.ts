// The Wikinews corpus with GUM gold entities (../shared/corpus/wikinews, README there): articles in
// the order api_entities.py imports them (sorted file names), each with its gold mentions.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CodePoints, type Span } from './judge-text';

export interface GoldMention {
  readonly span: Span;
  readonly text: string;
  readonly entityId: number;
  readonly type: string;
  readonly identity?: string | null;
  readonly named?: boolean;
  readonly nestedInName?: boolean;
  readonly plural?: boolean;
  readonly stateLike?: boolean;
  readonly titleOnly?: boolean;
  readonly head?: Span;
  readonly nameHead?: Span;
}

export interface WikinewsArticle {
  readonly id: string;
  readonly body: CodePoints;
  /** null for an article without gold: imported all the same (it can create actors), not scored. */
  readonly mentions: GoldMention[] | null;
}

export function isWikinewsFolder(folder: string): boolean {
  return readdirSync(folder).some((f) => f.endsWith('.entities.json'));
}

/** Every article, in import order; score_entities.py scores those with a gold file. */
export function readWikinews(folder: string): WikinewsArticle[] {
  const files = readdirSync(folder).sort();
  const articles: WikinewsArticle[] = [];
  for (const file of files.filter((f) => f.endsWith('.json') && !f.endsWith('.entities.json'))) {
    const article = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as { id?: string; body?: string };
    if (typeof article !== 'object' || typeof article.body !== 'string' || !article.id) continue;
    const goldFile = `${article.id}.entities.json`;
    const mentions = files.includes(goldFile)
      ? (JSON.parse(readFileSync(path.join(folder, goldFile), 'utf8')) as { mentions: GoldMention[] }).mentions
      : null;
    articles.push({ id: article.id, body: new CodePoints(article.body), mentions });
  }
  return articles;
}
