// A typed Quotegraph client on @urql/core: operations are TypedDocumentNodes generated from the
// committed schema, so results and variables are checked by the compiler.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client, fetchExchange } from '@urql/core';

export function createQuotegraphClient(url = 'http://localhost:4000/graphql', apiKey?: string): Client {
  return new Client({
    url,
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    // POST, as the server's CSRF protection expects of a JSON client.
    preferGetMethod: false,
    fetchOptions: apiKey ? { headers: { 'X-API-Key': apiKey } } : undefined,
  });
}

/** Runs an operation; GraphQL errors become an exception carrying their codes. */
export async function run<Data, Variables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await client.query(document, variables).toPromise();
  if (result.error) {
    const codes = result.error.graphQLErrors.map((e) => e.extensions?.code).filter(Boolean);
    throw new Error(`${result.error.message}${codes.length ? ` (${codes.join(', ')})` : ''}`);
  }
  return result.data as Data;
}

interface Page<Node> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: Node }[];
}

/** Every node of a connection, following the cursors page by page. */
export async function* allNodes<Data, Variables extends Record<string, unknown> & { after?: string | null }, Node>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'after'>,
  connectionOf: (data: Data) => Page<Node>,
): AsyncGenerator<Node> {
  let after: string | null = null;
  do {
    const page: Page<Node> = connectionOf(await run(client, document, { ...variables, after } as Variables));
    for (const edge of page.edges) yield edge.node;
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  } while (after);
}
