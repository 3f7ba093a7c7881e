// The queries that name one node either by its global id or by a natural key (an article's url, an
// actor's name, a question's slug): exactly one of the two is given.
import type DataLoader from 'dataloader';
import { AppError } from '../errors/app-error';
import { uuidOf } from './global-id';

export interface NaturalKey<T> {
  /** The argument's name: url, name, slug. */
  readonly name: string;
  readonly value: string | null | undefined;
  readonly find: (value: string) => Promise<T | null>;
}

/** The node of `type` by id through its loader, else by the key; both or neither is BAD_USER_INPUT. */
export async function findByIdOrKey<T>(
  type: string,
  id: string | null | undefined,
  byId: DataLoader<string, T | undefined>,
  key: NaturalKey<T>,
): Promise<T | null> {
  if ((id == null) === (key.value == null))
    throw AppError.badInput(`give exactly one of id or ${key.name}`, id == null ? 'id' : key.name);
  if (id != null) return (await byId.load(uuidOf(id, type, 'id'))) ?? null;
  return key.find(key.value as string);
}
