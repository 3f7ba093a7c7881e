// `npm run keys -- create --role reader|editor|admin [--name NAME]`, `list`, `revoke <id|prefix>`:
// API keys on the configured database. `create` prints the new key alone on its last line, for
// scripts to read; it is shown only then.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { roleNamed } from '../common/role';
import { openDatabase } from '../database/database';
import { runCommand } from '../errors/command-failure';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service';
import type { Role } from '../common/role';

const USAGE = [
  'usage: npm run keys -- create --role reader|editor|admin [--name NAME]',
  '       npm run keys -- list',
  '       npm run keys -- revoke <id or prefix>',
].join('\n');

type Command = { verb: 'create'; role: Role; name: string } | { verb: 'list' } | { verb: 'revoke'; key: string };

function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' } },
  });
  const [verb, argument] = positionals;
  if (verb === 'list' && positionals.length === 1) return { verb };
  if (verb === 'revoke' && argument && positionals.length === 2) return { verb, key: argument };
  if (verb === 'create' && positionals.length === 1) {
    const role = values.role ? roleNamed(values.role) : undefined;
    if (!role) throw new Error(`--role must be reader, editor or admin\n${USAGE}`);
    return { verb, role, name: values.name?.trim() || `${role.toLowerCase()} key` };
  }
  throw new Error(USAGE);
}

async function run(command: Command): Promise<void> {
  const database = await openDatabase(loadConfig(), { migrate: true });
  try {
    const db = database.dataSource.manager;
    if (command.verb === 'create') {
      const { key, record } = await createApiKey(db, command.name, command.role);
      console.log(
        `quotegraph keys: created ${record.role.toLowerCase()} key ${record.id} "${record.name}"; it is shown only now:`,
      );
      console.log(key);
    } else if (command.verb === 'revoke') {
      const record = await revokeApiKey(db, command.key);
      console.log(`quotegraph keys: revoked ${record.id} (${record.prefix}…, "${record.name}")`);
    } else {
      for (const key of await listApiKeys(db))
        console.log(
          [
            key.id,
            key.role.toLowerCase().padEnd(6),
            `${key.prefix}…`,
            key.revokedAt ? 'revoked' : 'live   ',
            key.name,
          ].join('  '),
        );
    }
  } finally {
    await database.close();
  }
}

runCommand('quotegraph keys', parseCommand, run);
