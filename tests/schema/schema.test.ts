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

  test('the schema contains the whole contract with no breaking change', () => {
    const changes = findBreakingChanges(buildSchema(contractSdl), buildSchema(committedSdl));
    expect(changes.map((change) => change.description)).toEqual([]);
  });

  test('the check would catch a contract field the schema lacks', () => {
    const reduced = committedSdl.replace(/^\s*coMentioned\(.*$/m, '');
    expect(reduced).not.toBe(committedSdl);
    expect(findBreakingChanges(buildSchema(contractSdl), buildSchema(reduced)).map((c) => c.description)).toEqual([
      'Actor.coMentioned was removed.',
    ]);
  });
});
