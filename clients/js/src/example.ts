// Example: every anonymous quote by a source affiliated with an actor (NATO counts its members),
// as typed rows. Against a running server: `npm run client:js:example -- [name] [url]`.
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
  for await (const quote of allNodes(client, AnonymousQuotesDocument, { affiliationIds: [actor.id] }, (data) => data.quotes)) {
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

if (require.main === module) {
  const [name = 'NATO', url = 'http://localhost:4000/graphql'] = process.argv.slice(2);
  anonymousQuotesAffiliatedWith(url, name)
    .then((rows) => console.table(rows))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
