// The zero-config start's key: on a first start with no key at all, one editor key is made, kept in
// the data folder (readable by its owner only) and printed once, so that the playground and the
// clients on this machine can import at once, while nobody else can write without a key.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { Role } from '../common/role';
import { createApiKey, findLiveKey, hasAnyApiKey } from './api-key.service';

/** The key kept in `file`, if there is one. */
export function readLocalKey(file: string): string | null {
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8').trim() || null;
}

/**
 * The local editor key: made and kept in `file` when the database has no key yet. Returns the key
 * when it was just made (to print once), else null.
 */
export async function ensureLocalEditorKey(dataSource: DataSource, file: string): Promise<string | null> {
  if (await hasAnyApiKey(dataSource.manager)) return null;
  const { key } = await createApiKey(dataSource.manager, 'local editor (made on the first start)', Role.EDITOR);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

/** The kept key, when it is still a live key of this database (a reset database makes it stale). */
export async function liveLocalKey(dataSource: DataSource, file: string): Promise<string | null> {
  const key = readLocalKey(file);
  return key && (await findLiveKey(dataSource.manager, key)) ? key : null;
}
