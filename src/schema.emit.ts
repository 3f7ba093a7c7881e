// `npm run schema:emit`: writes the SDL the code emits to schema/schema.graphql.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSchema, printSchemaSdl } from './schema';

export const SCHEMA_FILE = path.join('schema', 'schema.graphql');

createSchema()
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, printSchemaSdl(schema));
    console.log(`quotegraph: wrote ${SCHEMA_FILE}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
