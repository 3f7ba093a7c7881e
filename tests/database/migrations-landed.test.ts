// Migrations that have landed are never edited: a database that already ran one will not run it
// again, so an edit reaches new databases only and the two drift apart. Every file in migrations/
// (index.ts aside) has the SHA-256 it landed with in migrations/landed.sha256, in `sha256sum`'s format
// (`cd migrations && sha256sum --check landed.sha256` checks it without node); new lines are appended.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const FOLDER = path.join(__dirname, '../../migrations');
const LIST = 'landed.sha256';
const NOT_MIGRATIONS = new Set(['index.ts', LIST]);

function landed(): Map<string, string> {
  const lines = readFileSync(path.join(FOLDER, LIST), 'utf8').split('\n').filter(Boolean);
  return new Map(
    lines.map((line) => {
      const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
      if (!match) throw new Error(`migrations/${LIST}: "${line}" is not "<sha256>  <file>"`);
      return [match[2], match[1]];
    }),
  );
}

const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(path.join(FOLDER, file)))
    .digest('hex');
const migrationFiles = () =>
  readdirSync(FOLDER)
    .filter((file) => !NOT_MIGRATIONS.has(file))
    .sort();

describe('landed migrations', () => {
  test('no migration in migrations/landed.sha256 has been edited or removed', () => {
    const changed = [...landed()]
      .filter(([file, hash]) => !existsSync(path.join(FOLDER, file)) || sha256(file) !== hash)
      .map(([file]) => file);
    if (changed.length) {
      throw new Error(
        `${changed.map((file) => `migrations/${file}`).join(', ')} changed (or went away) after landing. Databases that ran a migration will ` +
          'never run it again: restore it as it landed (git log -- <file>), and make the change in a new migration ' +
          '(npm run typeorm -- migration:generate migrations/<verb-noun>), appended to migrations/index.ts.',
      );
    }
  });

  test('every migration in migrations/ is in migrations/landed.sha256', () => {
    const list = landed();
    const unsealed = migrationFiles().filter((file) => !list.has(file));
    if (unsealed.length) {
      throw new Error(
        `${unsealed.map((file) => `migrations/${file}`).join(', ')} ${unsealed.length > 1 ? 'are' : 'is'} not in migrations/${LIST}. When a migration is final ` +
          '(reviewed, in migrations/index.ts, about to be committed), run `npm run migrations:seal`: it appends the hash ' +
          'of every migration not yet listed and changes no other line. From then on the file is never edited.',
      );
    }
  });
});
