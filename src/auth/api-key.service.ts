// Creating, finding, listing and revoking API keys. A key is `qg_` and 32 random bytes in
// base64url; only its SHA-256 is stored, so the secret is shown once, when it is made.
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { AppError } from '../errors/app-error';
import { ApiKey } from './api-key.entity';
import type { Role } from '../common/role';

const KEY_PATTERN = /^qg_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 10;

export function hashOfKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key and its stored record; the key itself is never stored and cannot be shown again. */
export async function createApiKey(
  db: EntityManager,
  name: string,
  role: Role,
): Promise<{ key: string; record: ApiKey }> {
  if (!name.trim()) throw AppError.badInput('name must not be empty', 'name');
  const key = `qg_${randomBytes(32).toString('base64url')}`;
  const record = await db
    .getRepository(ApiKey)
    .save(
      db
        .getRepository(ApiKey)
        .create({ name: name.trim(), role, keyHash: hashOfKey(key), prefix: key.slice(0, PREFIX_LENGTH) }),
    );
  return { key, record };
}

/** The live key a request presents, or null when no live key has this secret. */
export async function findLiveKey(db: EntityManager, key: string): Promise<ApiKey | null> {
  if (!KEY_PATTERN.test(key)) return null;
  return db.getRepository(ApiKey).findOne({ where: { keyHash: hashOfKey(key), revokedAt: IsNull() } });
}

export function listApiKeys(db: EntityManager): Promise<ApiKey[]> {
  return db.getRepository(ApiKey).find({ order: { createdAt: 'ASC', id: 'ASC' } });
}

/** Revokes the key with this id or prefix; NOT_FOUND when none, BAD_USER_INPUT when a prefix fits several. */
export async function revokeApiKey(db: EntityManager, idOrPrefix: string): Promise<ApiKey> {
  const keys = await listApiKeys(db);
  const matches = keys.filter(
    (k) => k.id === idOrPrefix || (idOrPrefix.length >= 6 && k.prefix.startsWith(idOrPrefix)),
  );
  if (!matches.length) throw AppError.notFound(`no key has the id or prefix ${idOrPrefix}`, 'key');
  if (matches.length > 1)
    throw AppError.badInput(`${matches.length} keys start with ${idOrPrefix}: give its id`, 'key');
  const [match] = matches;
  if (!match.revokedAt) {
    match.revokedAt = new Date();
    await db.getRepository(ApiKey).save(match);
  }
  return match;
}

export async function hasAnyApiKey(db: EntityManager): Promise<boolean> {
  return (await db.getRepository(ApiKey).count()) > 0;
}
