// How a feature's entity is read for GraphQL, in one place for its by-id loader and its pages: the
// columns its fields need (see selected-fields.ts) and those it never reads with the row.
import type { ObjectLiteral } from 'typeorm';
import type { Context } from './context';
import { sql } from '../database/sql';
import {
  type EntityClass,
  entityRowsOf,
  type EntityRows,
  type JoinedReader,
  type RowReader,
  rowReader,
} from './entity-rows';
import { type FieldColumns, propertiesFor } from './selected-fields';

export interface EntityRead<T> {
  readonly entity: EntityClass<T>;
  /**
   * How the entity's GraphQL fields read its columns: with it, a query reads only the columns its
   * fields need; without it, every column.
   */
  readonly fieldColumns?: FieldColumns;
  /** Columns never read with the row (a field resolver reads them when asked). */
  readonly omit?: readonly string[];
  /** To-one relations read in the row's own statement when a query asks for them (see entityReader). */
  readonly toOne?: readonly ToOne[];
}

export interface ToOne {
  /** The GraphQL field that returns the relation (Quote.source). */
  readonly field: string;
  /** The property that holds its id (sourceId). */
  readonly key: string;
  /** How the related entity is read (a thunk: Actor.affiliation is an Actor). */
  readonly read: () => EntityRead<object>;
}

/** The properties a request reads of the entity: those its fields need, less `omit`. */
function propertiesToRead<T extends ObjectLiteral>(ctx: Context, read: EntityRead<T>): readonly string[] {
  const { columnsByProperty } = entityRowsOf(ctx.db, read.entity);
  const fields = ctx.selection.fields;
  const wanted =
    read.fieldColumns && fields
      ? propertiesFor(fields.get(read.entity.name), columnsByProperty, read.fieldColumns)
      : 'all';
  const omit = new Set<string>(read.omit ?? []);
  return (wanted === 'all' ? [...columnsByProperty.keys()] : wanted).filter((property) => !omit.has(property));
}

/**
 * A reader of the entity's rows under `alias` in a statement, with the columns this request reads
 * and, joined, each to-one relation the query asks of the type (a quote's source, its actor): a
 * page of quotes with their sources and actors is one statement. A relation whose entity is
 * already on the way there (an actor's affiliation under an actor) is left to its loader.
 */
function entityReader<T extends ObjectLiteral>(
  ctx: Context,
  read: EntityRead<T>,
  alias: string,
  prefix = '',
  along: { readonly path: ReadonlySet<unknown>; readonly aliases: { count: number } } = {
    path: new Set(),
    aliases: { count: 0 },
  },
): RowReader<T> & { readonly rows: EntityRows } {
  const rows = entityRowsOf(ctx.db, read.entity);
  const asked = ctx.selection.fields?.get(read.entity.name);
  const path = new Set([...along.path, read]);
  const joined = (read.toOne ?? [])
    .filter((relation) => asked?.has(relation.field) && !path.has(relation.read()))
    .map((relation): JoinedReader => {
      // One count for the whole statement, so that every joined table has an alias of its own.
      along.aliases.count += 1;
      const joinedAlias = `j${along.aliases.count}`;
      const childPrefix = `${prefix}${relation.field}.`;
      const child = entityReader(ctx, relation.read(), joinedAlias, childPrefix, { path, aliases: along.aliases });
      const key = sql.identifier(alias, rows.columnsByProperty.get(relation.key) as string);
      return {
        field: relation.field,
        join: sql`LEFT JOIN ${child.rows.table} ${sql.identifier(joinedAlias)} ON ${sql.identifier(joinedAlias, 'id')} = ${key} ${child.joins}`,
        reader: child,
        idLabel: `${childPrefix}id`,
      };
    });
  return { ...rowReader(read.entity, rows, alias, propertiesToRead(ctx, read), prefix, joined), rows };
}

type Reader = RowReader<unknown> & { readonly rows: EntityRows };

// Readers depend only on the fields the operation asks for, and Apollo keeps an operation's parsed
// document (hence its FieldsByType) across requests: each is built once per operation, not per request.
const readers = new WeakMap<object, Map<EntityRead<object>, Map<string, Reader>>>();

/** entityReader, built once per operation and entity and kept for the next requests of the operation. */
export function operationReader<T extends ObjectLiteral>(
  ctx: Context,
  read: EntityRead<T>,
  alias: string,
  prefix = '',
): RowReader<T> & { readonly rows: EntityRows } {
  const fields = ctx.selection.fields;
  if (!fields) return entityReader(ctx, read, alias, prefix);
  if (!readers.has(fields)) readers.set(fields, new Map());
  const ofOperation = readers.get(fields) as Map<EntityRead<object>, Map<string, Reader>>;
  if (!ofOperation.has(read)) ofOperation.set(read, new Map());
  const ofRead = ofOperation.get(read) as Map<string, Reader>;
  const place = `${alias}:${prefix}`;
  if (!ofRead.has(place)) ofRead.set(place, entityReader(ctx, read, alias, prefix));
  return ofRead.get(place) as RowReader<T> & { readonly rows: EntityRows };
}
