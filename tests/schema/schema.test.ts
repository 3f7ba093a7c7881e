import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { createSchema, printSchemaSdl } from '../../src/schema';

const root = path.join(__dirname, '../..');
const committedSdl = readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8');
// A copy of ../shared/api/contract.graphql, the minimum public surface.
const contractSdl = readFileSync(path.join(root, 'tests/fixtures/contract/contract.graphql'), 'utf8');

describe('GraphQL schema', () => {
  test('the committed schema/schema.graphql is exactly what the code emits (run `npm run schema:emit` after a change)', async () => {
    expect(printSchemaSdl(await createSchema())).toBe(committedSdl);
  });

  test('what the schema has of the contract keeps the contract’s names and types', () => {
    const changes = findBreakingChanges(buildSchema(contractSdl), buildSchema(committedSdl));
    // Until the query API is complete, parts of the contract are missing; nothing may differ.
    const mismatches = changes.filter((change) => !change.type.endsWith('_REMOVED'));
    expect(mismatches.map((change) => change.description)).toEqual([]);
  });
});
