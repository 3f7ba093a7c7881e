import type { Context } from './context';
import { checkPageSize, type PageRequest } from './keyset';

/** first/after as GraphQL passed them (null when a client sends null) checked against the limit. */
export function pageRequest(
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
  defaultFirst: number,
): PageRequest {
  const size = first ?? defaultFirst;
  checkPageSize(size, ctx.config.maxPageSize);
  return { first: size, after: after ?? null };
}
