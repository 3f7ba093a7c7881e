// Relay connections: the GraphQL types (one Edge and Connection per node type) and the value a
// resolver returns, built from a keyset page and a loader of its nodes.
import type DataLoader from 'dataloader';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Page } from './keyset';

@ObjectType()
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

export class Connection<T> {
  constructor(
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
    private readonly count: () => Promise<number>,
  ) {}

  /** Counted only when a query asks for it. */
  get totalCount(): Promise<number> {
    return this.count();
  }

  static empty<T>(): Connection<T> {
    return new Connection<T>([], { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, async () => 0);
  }
}

/** The connection of a page whose nodes come from `nodes` (a by-id loader, which batches them). */
export async function toConnection<T>(
  page: Page,
  after: string | null | undefined,
  nodes: DataLoader<string, T | undefined>,
  count: () => Promise<number>,
): Promise<Connection<T>> {
  const loaded = await nodes.loadMany(page.rows.map((row) => row.id));
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
    count,
  );
}

/** Declares `<Name>Edge` and `<Name>Connection` for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string = nodeType.name) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionTypeClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionTypeClass;
}
