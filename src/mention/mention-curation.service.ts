import { Actor } from '../actor/actor.entity';
import { Article } from '../article/article.entity';
import { CURATED } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { checkSpan } from '../common/span-input';
import type { Transaction } from '../database/transaction';
import { insertRecorded, recordChanges } from '../revision/revision.service';
import { Mention } from './mention.entity';
import type { CreateMentionInput } from './mention.inputs';

export async function createMention(tx: Transaction, input: CreateMentionInput): Promise<Mention> {
  const article = await findOrFail(tx, Article, input.articleId, 'input.articleId');
  const actor = await findOrFail(tx, Actor, input.actorId, 'input.actorId');
  await checkSpan(tx, article.id, input.span, 'input.span');
  return insertRecorded(tx, Mention, {
    articleId: article.id,
    actorId: actor.id,
    spanStart: input.span.start,
    spanEnd: input.span.end,
    ...CURATED,
  });
}

export async function deleteMention(tx: Transaction, id: string): Promise<string> {
  const mention = await findOrFail(tx, Mention, id, 'id');
  await recordChanges(tx, 'Mention', [mention.id], () => tx.getRepository(Mention).delete(mention.id));
  return id;
}
