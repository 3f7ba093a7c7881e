// PostGraphile v5 over Quotegraph's tables, for `npm run bench` only: the amber preset in library
// mode on node:http, set up as one would run it in production.
//
//   DATABASE_URL=postgres://… PORT=0 POOL_SIZE=8 node bench/postgraphile/server.mjs
//
// Prints `listening on http://127.0.0.1:<port>/graphql` once it answers; SIGTERM/SIGINT stop it.
/* global process, console -- Node globals; the project's ESLint config gives .mjs files none */
import './node20-polyfill.mjs';
import { createServer } from 'node:http';

// Grafast picks development or production mode once, as it loads, from GRAPHILE_ENV (else NODE_ENV),
// hence the dynamic imports after this line. Production skips dev-only planning checks and masks
// unexpected errors in answers (they are logged instead); left unset, it is production with a warning.
process.env.GRAPHILE_ENV ??= 'production';
const { postgraphile } = await import('postgraphile');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { grafserv } = await import('postgraphile/grafserv/node');

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('DATABASE_URL is not set');
const port = Number(process.env.PORT ?? 0);
const poolSize = Number(process.env.POOL_SIZE ?? 8);

const pgService = makePgService({ connectionString, schemas: ['public'], poolConfig: { max: poolSize } });

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [pgService],
  grafserv: { graphiql: false, watch: false, websockets: false },
  grafast: { explain: false },
});

const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
// Build the schema (introspection) before saying we are ready, so the first timed request doesn't pay for it.
await pgl.getSchema();
server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address();
  console.log(`listening on http://127.0.0.1:${bound}/graphql`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  // Releasing the instance doesn't end the service's pool: that is the service's own release.
  await pgl.release();
  await pgService.release();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
