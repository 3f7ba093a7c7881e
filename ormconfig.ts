// The DataSource the TypeORM CLI uses (`npm run typeorm -- migration:generate migrations/<name>`).
// It needs a running server: DATABASE_URL, or the embedded one started by `npm start`.
import 'reflect-metadata';
import { loadConfig } from './src/config';
import { createDataSource } from './src/database/data-source';

const config = loadConfig();

export default createDataSource({
  url: config.databaseUrl ?? `postgres://postgres:quotegraph@127.0.0.1:${config.embeddedPostgres.port}/quotegraph`,
  connectTimeoutMs: config.databaseConnectTimeoutMs,
});
