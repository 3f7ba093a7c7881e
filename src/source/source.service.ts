import type { Connection } from '../common/connection';
import type { PageRequest } from '../common/keyset';
import { listConnection } from '../common/list-connection';
import { rowSet } from '../common/row-set';
import type { Context } from '../common/context';
import { sql } from '../database/sql';
import type { Source } from './source.entity';
import { applySourceFilter, type SourceFilter } from './source.filter';
import { SOURCE_READ } from './source.loaders';
import { SOURCE_ORDER_KEYS } from './source.types';

export function listSources(
  ctx: Context,
  page: PageRequest,
  filter: SourceFilter | null | undefined,
): Promise<Connection<Source>> {
  const rows = applySourceFilter(rowSet(sql`sources s JOIN articles a ON a.id = s.article_id`), filter);
  return listConnection(ctx, rows, sql`s.id`, SOURCE_ORDER_KEYS, page, { read: SOURCE_READ, alias: 's' });
}
