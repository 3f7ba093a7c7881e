// Curating sources: create, correct and delete, each in one transaction with its revisions.
import type { EntityManager } from 'typeorm';
import { Actor } from '../actor/actor.entity';
import { Article } from '../article/article.entity';
import { CURATED, given } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { checkSpan } from '../common/span-input';
import { AppError } from '../errors/app-error';
import { insertRecorded, recordChanges } from '../revision/revision.service';
import { Anonymity, Source } from './source.entity';
import type { CreateSourceInput, UpdateSourceInput } from './source.inputs';

async function actorIdOf(db: EntityManager, globalId: string | null | undefined, field: string): Promise<string | null | undefined> {
  if (!given(globalId)) return undefined;
  return globalId === null ? null : (await findOrFail(db, Actor, globalId, field)).id;
}

function checkNamedHasNoContradiction(anonymity: Anonymity, actorId: string | null): void {
  if (anonymity === Anonymity.ANONYMOUS && actorId) {
    throw AppError.badInput('an ANONYMOUS source cannot be linked to an actor; make it NAMED or drop actorId', 'input.actorId');
  }
}

export function createSource(manager: EntityManager, input: CreateSourceInput): Promise<Source> {
  return manager.transaction(async (db) => {
    const article = await findOrFail(db, Article, input.articleId, 'input.articleId');
    if (input.span) await checkSpan(db, article.id, input.span, 'input.span');
    const actorId = (await actorIdOf(db, input.actorId, 'input.actorId')) ?? null;
    checkNamedHasNoContradiction(input.anonymity, actorId);
    return insertRecorded(db, Source, {
      articleId: article.id,
      descriptor: input.descriptor.trim(),
      anonymity: input.anonymity,
      spanStart: input.span?.start ?? null,
      spanEnd: input.span?.end ?? null,
      actorId,
      affiliationId: (await actorIdOf(db, input.affiliationId, 'input.affiliationId')) ?? null,
      role: input.role?.trim() || null,
      ...CURATED,
    });
  });
}

export function updateSource(manager: EntityManager, input: UpdateSourceInput): Promise<Source> {
  return manager.transaction(async (db) => {
    const source = await findOrFail(db, Source, input.id, 'input.id');
    if (input.span) await checkSpan(db, source.articleId, input.span, 'input.span');
    const actorId = await actorIdOf(db, input.actorId, 'input.actorId');
    const affiliationId = await actorIdOf(db, input.affiliationId, 'input.affiliationId');
    checkNamedHasNoContradiction(input.anonymity ?? source.anonymity, given(actorId) ? actorId : source.actorId);
    await recordChanges(db, 'Source', [source.id], () =>
      db.getRepository(Source).update(source.id, {
        ...(input.descriptor ? { descriptor: input.descriptor.trim() } : {}),
        ...(input.anonymity ? { anonymity: input.anonymity } : {}),
        ...(given(input.span) ? { spanStart: input.span?.start ?? null, spanEnd: input.span?.end ?? null } : {}),
        ...(given(actorId) ? { actorId } : {}),
        ...(given(affiliationId) ? { affiliationId } : {}),
        ...(given(input.role) ? { role: input.role?.trim() || null } : {}),
        ...CURATED,
      }),
    );
    return db.getRepository(Source).findOneByOrFail({ id: source.id });
  });
}

/** Its quotes stay, unattributed; its stances go with it (a stance needs a holder). */
export function deleteSource(manager: EntityManager, id: string): Promise<string> {
  return manager.transaction(async (db) => {
    const source = await findOrFail(db, Source, id, 'id');
    const quotes: { id: string }[] = await db.query(`SELECT id FROM quotes WHERE source_id = $1`, [source.id]);
    const stances: { id: string }[] = await db.query(`SELECT id FROM stances WHERE source_id = $1`, [source.id]);
    await recordChanges(db, 'Quote', quotes.map((q) => q.id), () => db.query(`UPDATE quotes SET source_id = NULL, updated_at = now() WHERE source_id = $1`, [source.id]));
    await recordChanges(db, 'Stance', stances.map((s) => s.id), () =>
      recordChanges(db, 'Source', [source.id], () => db.getRepository(Source).delete(source.id)),
    );
    return id;
  });
}
