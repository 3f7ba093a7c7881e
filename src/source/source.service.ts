import type { Connection } from '../common/connection';
import type { PageRequest } from '../common/keyset';
import { listConnection } from '../common/list-connection';
import { SqlQuery } from '../common/sql-query';
import type { Context } from '../common/context';
import type { Source } from './source.entity';
import { applySourceFilter, type SourceFilter } from './source.filter';
import { sourcesById } from './source.loaders';
import { SOURCE_ORDER_KEYS } from './source.types';

export function listSources(ctx: Context, page: PageRequest, filter: SourceFilter | null | undefined): Promise<Connection<Source>> {
  const query = applySourceFilter(new SqlQuery('sources s JOIN articles a ON a.id = s.article_id'), filter);
  return listConnection(ctx, query, 's.id', SOURCE_ORDER_KEYS, page, sourcesById(ctx));
}
