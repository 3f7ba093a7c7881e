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

/**
 * Variables that make a recipe runnable as it is on the current corpus: a correction needs the
 * ids of a quote (extracted, when there is one) and of another source of its article.
 */
export async function recipeVariables(db: EntityManager, recipe: Recipe): Promise<Record<string, unknown>> {
  if (recipe.name === 'PagingThroughAllQuotes') return { after: null };
  if (recipe.name !== 'CorrectAnExtractedAttribution') return {};
  const pair = await queryRow<{ quote_id: string; source_id: string }>(
    db,
    sql`SELECT q.id AS quote_id, s.id AS source_id
        FROM quotes q JOIN sources s ON s.article_id = q.article_id AND s.id IS DISTINCT FROM q.source_id
        ORDER BY (q.origin = 'EXTRACTED') DESC, q.created_at DESC, s.span_start NULLS LAST, s.id
        LIMIT 1`,
  );
  return pair ? { quoteId: toGlobalId('Quote', pair.quote_id), sourceId: toGlobalId('Source', pair.source_id) } : {};
}
