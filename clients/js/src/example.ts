// Example: every anonymous quote by a source affiliated with an actor (NATO counts its members),
// as typed rows. Against a running server: `npm run client:js:example -- [name] [url]`; the URL
// defaults to QUOTEGRAPH_URL, then to http://localhost:4000/graphql.
import { ActorByNameDocument, AnonymousQuotesDocument } from './generated/graphql';
import { allNodes, createQuotegraphClient, run } from './quotegraph-client';

export interface AnonymousQuoteRow {
  outlet: string | null;
  publishedAt: string | null;
  source: string;
  affiliation: string | null;
  text: string;
}

export async function anonymousQuotesAffiliatedWith(url: string, actorName: string): Promise<AnonymousQuoteRow[]> {
  const client = createQuotegraphClient(url);
  const { actor } = await run(client, ActorByNameDocument, { name: actorName });
  if (!actor) throw new Error(`no actor named ${actorName}`);
  const rows: AnonymousQuoteRow[] = [];
  for await (const quote of allNodes(
    client,
    AnonymousQuotesDocument,
    { affiliationIds: [actor.id] },
    (data) => data.quotes,
  )) {
    rows.push({
      outlet: quote.article.outlet?.name ?? null,
      publishedAt: quote.article.publishedAt ?? null,
      source: quote.source?.descriptor ?? '(unattributed)',
      affiliation: quote.source?.affiliation?.name ?? null,
      text: quote.text,
    });
  }
  return rows;
}

/** The server's URL: the second argument, else QUOTEGRAPH_URL, else the local default. */
export function serverUrl(argument: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return argument ?? env.QUOTEGRAPH_URL ?? 'http://localhost:4000/graphql';
}

/** A network failure says which URL it could not reach, not only "fetch failed". */
export function describeFailure(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return /\[Network\]|fetch failed|ECONNREFUSED/.test(message)
    ? `could not reach ${url} (${message}); is the server running (npm start), or is QUOTEGRAPH_URL right?`
    : message;
}

if (require.main === module) {
  const [name = 'NATO', argument] = process.argv.slice(2);
  const url = serverUrl(argument);
  anonymousQuotesAffiliatedWith(url, name)
    .then((rows) => console.table(rows))
    .catch((error) => {
      console.error(describeFailure(error, url));
      process.exit(1);
    });
}
