// A connection holding a lock that every insert into articles waits for, until it commits: a test
// holds an import at a known point this way, and goes on by PostgreSQL's state, never by a timer.
import { Client } from 'pg';

export async function holdArticleInserts(databaseUrl: string): Promise<Client> {
  const blocker = new Client({ connectionString: databaseUrl });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE');
  return blocker;
}
