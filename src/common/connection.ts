// Relay connections: the GraphQL types (one Edge and Connection per node type) and the value a
// resolver returns, built from a keyset page and a loader of its nodes.
import type DataLoader from 'dataloader';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Page, PageRow } from './keyset';

// simpleResolvers: no field of ours has middleware, so a plain property resolves through graphql's
// default resolver instead of type-graphql's middleware runner (a measurable share of a nested read).
@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field({ description: 'Paging runs forward only: true when the page starts after a cursor.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

/** How a connection counts its rows, each only when a query asks for it. */
export interface Counts {
  readonly exact: () => Promise<number>;
  /** The planner's estimate where an exact count would scan; the exact count where it is cheap. */
  readonly estimated: () => Promise<number>;
}

export class Connection<T> {
  constructor(
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
    private readonly counts: Counts,
  ) {}

  get totalCount(): Promise<number> {
    return this.counts.exact();
  }

  get estimatedCount(): Promise<number> {
    return this.counts.estimated();
  }

  static empty<T>(): Connection<T> {
    return new Connection<T>(
      [],
      { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      { exact: async () => 0, estimated: async () => 0 },
    );
  }
}

/** The nodes of a page's rows, in their order; undefined (or an Error) for a row that is gone. */
export type PageNodes<T> = (rows: readonly PageRow[]) => Promise<ReadonlyArray<T | undefined | Error>>;

/** The nodes of a page's rows through a by-id loader, which batches them. */
export function nodesById<T>(loader: DataLoader<string, T | undefined>): PageNodes<T> {
  return (rows) => loader.loadMany(rows.map((row) => row.id));
}

/** The connection of a page whose nodes come from `nodes`. */
export async function toConnection<T>(
  page: Page,
  after: string | null | undefined,
  nodes: PageNodes<T>,
  counts: Counts,
): Promise<Connection<T>> {
  const loaded = await nodes(page.rows);
  const edges: Edge<T>[] = [];
  page.rows.forEach((row, i) => {
    const node = loaded[i];
    // A row deleted between the two statements is left out rather than failing the page.
    if (node !== undefined && !(node instanceof Error)) edges.push({ cursor: row.cursor, node });
  });
  return new Connection(
    edges,
    {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: Boolean(after),
      // From the page's rows, not its edges: rows deleted meanwhile must not end the paging.
      startCursor: page.rows[0]?.cursor ?? null,
      endCursor: page.rows[page.rows.length - 1]?.cursor ?? null,
    },
    counts,
  );
}

/** Declares `<Name>Edge` and `<Name>Connection` for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string = nodeType.name) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionTypeClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, {
      description: 'The exact number of rows in the list: on a large corpus, a scan of the matches.',
    })
    totalCount: number;

    @Field(() => Int, {
      description:
        "PostgreSQL's estimate of totalCount, from its planner's statistics: answered without counting, so instant on any corpus, but not exact (for a list under one parent, the exact count).",
    })
    estimatedCount: number;
  }
  return ConnectionTypeClass;
}
