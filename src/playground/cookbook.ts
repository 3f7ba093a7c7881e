// The cookbook: named example operations, one per research question, kept as .graphql files beside
// this module and offered as the playground's tabs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import type { EntityManager } from 'typeorm';
import { toGlobalId } from '../common/global-id';
import { queryRow, sql } from '../database/sql';

// Copied next to the compiled code by `npm run build`, and read from src/ under the tests.
const COOKBOOK_FOLDER = path.join(__dirname, 'cookbook');

export interface Recipe {
  readonly file: string;
  /** The operation's name, shown as the tab's title. */
  readonly name: string;
  readonly document: string;
}

export function readCookbook(folder = COOKBOOK_FOLDER): Recipe[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const document = readFileSync(path.join(folder, file), 'utf8');
      const operation = parse(document).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || !operation.name)
        throw new Error(`${file} must hold one named operation`);
      return { file, name: operation.name.value, document };
    });
}

/** The actor whose id QuotesByAffiliationAcrossArticles starts from: quoted in several articles of the example corpus. */
export const EXAMPLE_AFFILIATION = 'United States';

/**
 * Variables that make a recipe runnable as it is on the current corpus. A correction needs the ids
 * of an EXTRACTED quote and of another source of its article: a curated (MANUAL) quote is never
 * offered, so running the tab cannot rewrite a curator's work; with no extracted quote it gets no ids.
 */
export async function recipeVariables(db: EntityManager, recipe: Recipe): Promise<Record<string, unknown>> {
  if (recipe.name === 'PagingThroughAllQuotes') return { after: null };
  if (recipe.name === 'QuotesByAffiliationAcrossArticles') return affiliationVariables(db);
  if (recipe.name !== 'CorrectAnExtractedAttribution') return {};
  const pair = await queryRow<{ quote_id: string; source_id: string }>(
    db,
    sql`SELECT q.id AS quote_id, s.id AS source_id
        FROM quotes q JOIN sources s ON s.article_id = q.article_id AND s.id IS DISTINCT FROM q.source_id
        WHERE q.origin = 'EXTRACTED'
        ORDER BY q.created_at DESC, q.id, s.span_start NULLS LAST, s.id
        LIMIT 1`,
  );
  return pair ? { quoteId: toGlobalId('Quote', pair.quote_id), sourceId: toGlobalId('Source', pair.source_id) } : {};
}

async function affiliationVariables(db: EntityManager): Promise<Record<string, unknown>> {
  const actor = await queryRow<{ id: string }>(
    db,
    sql`SELECT id FROM actors WHERE name = ${sql.value(EXAMPLE_AFFILIATION)} ORDER BY created_at LIMIT 1`,
  );
  return actor ? { affiliationId: toGlobalId('Actor', actor.id) } : {};
}
