// Curating sources: create, correct and delete, each with its revisions, in the caller's transaction.
import { Actor } from '../actor/actor.entity';
import { Article } from '../article/article.entity';
import { CURATED, given } from '../common/curation';
import { findOrFail } from '../common/find-or-fail';
import { checkSpan } from '../common/span-input';
import type { Transaction } from '../database/transaction';
import { AppError } from '../errors/app-error';
import { Quote } from '../quote/quote.entity';
import { insertRecorded, recordChanges } from '../revision/revision.service';
import { Stance } from '../stance/stance.entity';
import { defaultSourceKind } from './source-kind';
import { Anonymity, Source } from './source.entity';
import type { CreateSourceInput, UpdateSourceInput } from './source.inputs';

async function actorIdOf(
  tx: Transaction,
  globalId: string | null | undefined,
  field: string,
): Promise<string | null | undefined> {
  if (!given(globalId)) return undefined;
  return globalId === null ? null : (await findOrFail(tx, Actor, globalId, field)).id;
}

function checkNamedHasNoContradiction(anonymity: Anonymity, actorId: string | null): void {
  if (anonymity === Anonymity.ANONYMOUS && actorId) {
    throw AppError.badInput(
      'an ANONYMOUS source cannot be linked to an actor; make it NAMED or drop actorId',
      'input.actorId',
    );
  }
}

export async function createSource(tx: Transaction, input: CreateSourceInput): Promise<Source> {
  const article = await findOrFail(tx, Article, input.articleId, 'input.articleId');
  if (input.span) await checkSpan(tx, article.id, input.span, 'input.span');
  const actor =
    given(input.actorId) && input.actorId ? await findOrFail(tx, Actor, input.actorId, 'input.actorId') : null;
  const actorId = actor?.id ?? null;
  checkNamedHasNoContradiction(input.anonymity, actorId);
  return insertRecorded(tx, Source, {
    articleId: article.id,
    descriptor: input.descriptor.trim(),
    anonymity: input.anonymity,
    kind: input.kind ?? defaultSourceKind(input.anonymity, actor?.kind),
    spanStart: input.span?.start ?? null,
    spanEnd: input.span?.end ?? null,
    actorId,
    affiliationId: (await actorIdOf(tx, input.affiliationId, 'input.affiliationId')) ?? null,
    role: input.role?.trim() || null,
    ...CURATED,
  });
}

export async function updateSource(tx: Transaction, input: UpdateSourceInput): Promise<Source> {
  const source = await findOrFail(tx, Source, input.id, 'input.id');
  if (input.span) await checkSpan(tx, source.articleId, input.span, 'input.span');
  const actor =
    given(input.actorId) && input.actorId ? await findOrFail(tx, Actor, input.actorId, 'input.actorId') : null;
  const actorId = given(input.actorId) ? (actor?.id ?? null) : undefined;
  const affiliationId = await actorIdOf(tx, input.affiliationId, 'input.affiliationId');
  const anonymity = input.anonymity ?? source.anonymity;
  checkNamedHasNoContradiction(anonymity, given(actorId) ? actorId : source.actorId);
  // A new actor without a kind given re-derives the kind, as createSource does: a source relinked to
  // a ministry is no longer a PERSON.
  const kind = input.kind ?? (given(actorId) ? defaultSourceKind(anonymity, actor?.kind) : undefined);
  await recordChanges(tx, 'Source', [source.id], () =>
    tx.getRepository(Source).update(source.id, {
      ...(input.descriptor ? { descriptor: input.descriptor.trim() } : {}),
      ...(input.anonymity ? { anonymity: input.anonymity } : {}),
      ...(kind ? { kind } : {}),
      ...(given(input.span) ? { spanStart: input.span?.start ?? null, spanEnd: input.span?.end ?? null } : {}),
      ...(given(actorId) ? { actorId } : {}),
      ...(given(affiliationId) ? { affiliationId } : {}),
      ...(given(input.role) ? { role: input.role?.trim() || null } : {}),
      ...CURATED,
    }),
  );
  return tx.getRepository(Source).findOneByOrFail({ id: source.id });
}

/** Its quotes stay, unattributed; its stances go with it (a stance needs a holder). */
export async function deleteSource(tx: Transaction, id: string): Promise<string> {
  const source = await findOrFail(tx, Source, id, 'id');
  const quotes = await tx.getRepository(Quote).find({ select: { id: true }, where: { sourceId: source.id } });
  const stances = await tx.getRepository(Stance).find({ select: { id: true }, where: { sourceId: source.id } });
  await recordChanges(
    tx,
    'Quote',
    quotes.map((q) => q.id),
    () => tx.getRepository(Quote).update({ sourceId: source.id }, { sourceId: null }),
  );
  await recordChanges(
    tx,
    'Stance',
    stances.map((s) => s.id),
    () => recordChanges(tx, 'Source', [source.id], () => tx.getRepository(Source).delete(source.id)),
  );
  return id;
}
