// A typed Quotegraph client on @urql/core: operations are TypedDocumentNodes generated from the
// committed schema, so results and variables are checked by the compiler.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client, fetchExchange } from '@urql/core';

/**
 * The key to send when none is given: $QUOTEGRAPH_API_KEY, else the editor key a zero-config server
 * keeps in .data/api-key of its folder (looked for here and in the folders above).
 */
export function localApiKey(start = process.cwd()): string | undefined {
  const fromEnvironment = process.env.QUOTEGRAPH_API_KEY?.trim();
  if (fromEnvironment) return fromEnvironment;
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    const file = path.join(folder, '.data', 'api-key');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim() || undefined;
    if (path.dirname(folder) === folder) return undefined;
  }
}

export function createQuotegraphClient(url = 'http://localhost:4000/graphql', apiKey = localApiKey()): Client {
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
