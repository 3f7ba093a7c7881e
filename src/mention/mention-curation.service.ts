import type { EntityManager } from 'typeorm';
import { Actor } from '../actor/actor.entity';
import { Article } from '../article/article.entity';
import { CURATED } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { checkSpan } from '../common/span-input';
import { insertRecorded, recordChanges } from '../revision/revision.service';
import { Mention } from './mention.entity';
import type { CreateMentionInput } from './mention.inputs';

export function createMention(manager: EntityManager, input: CreateMentionInput): Promise<Mention> {
  return manager.transaction(async (db) => {
    const article = await findOrFail(db, Article, input.articleId, 'input.articleId');
    const actor = await findOrFail(db, Actor, input.actorId, 'input.actorId');
    await checkSpan(db, article.id, input.span, 'input.span');
    return insertRecorded(db, Mention, {
      articleId: article.id,
      actorId: actor.id,
      spanStart: input.span.start,
      spanEnd: input.span.end,
      ...CURATED,
    });
  });
}

export function deleteMention(manager: EntityManager, id: string): Promise<string> {
  return manager.transaction(async (db) => {
    const mention = await findOrFail(db, Mention, id, 'id');
    await recordChanges(db, 'Mention', [mention.id], () => db.getRepository(Mention).delete(mention.id));
    return id;
  });
}
