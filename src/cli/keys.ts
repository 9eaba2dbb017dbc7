// `keys create|list|revoke`: API keys for the server. A key is printed once, at creation; the
// database keeps only its hash.
import { openDbFromEnv } from '../db.js';
import { createKey, listKeys, revokeKey, SCOPES, type Scope } from '../store/api-keys.js';
import { oneOf, parseCommand, UsageError, withUsage } from './args.js';

const USAGE = `usage: policy-graph keys create --name NAME [--scope write|read]...
       policy-graph keys list
       policy-graph keys revoke ID|PREFIX
  API keys for the server (send "Authorization: Bearer <key>"): "write" allows ingestPolicy
  (and reads), "read" allows queries where READS_REQUIRE_KEY=1. Default scope: write.`;

export function runKeys(argv: string[]): Promise<number> {
  return withUsage(USAGE, () => keys(argv));
}

async function keys(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, { name: { type: 'string' }, scope: { type: 'string', multiple: true } }, USAGE, { positionals: true });
  if (!parsed) return 0;
  const [action, ...rest] = parsed.positionals;
  if (action === 'create') {
    if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
    const name = parsed.values.name?.trim();
    if (!name) throw new UsageError('--name is required');
    const scopes = [...new Set((parsed.values.scope ?? ['write']).map((s) => oneOf('scope', s, SCOPES)!))] as Scope[];
    return withDb(async (db) => {
      const k = await createKey(db.prisma, name, scopes);
      console.error(`created key ${k.id} "${k.name}" (${k.scopes.join(', ')}); it is shown only now:`);
      console.log(k.key);
      return 0;
    });
  }
  if (action === 'list') {
    if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
    return withDb(async (db) => {
      for (const k of await listKeys(db.prisma)) {
        console.log([k.id, k.prefix + '…', k.name, k.scopes.join('+'), k.createdAt.toISOString(), k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active'].join('\t'));
      }
      return 0;
    });
  }
  if (action === 'revoke') {
    if (rest.length !== 1) throw new UsageError('revoke takes one key id or prefix');
    return withDb(async (db) => {
      if (await revokeKey(db.prisma, rest[0])) {
        console.error(`revoked ${rest[0]}`);
        return 0;
      }
      console.error(`no active key ${rest[0]}`);
      return 1;
    });
  }
  throw new UsageError(action ? `unknown action "${action}"` : 'an action is required');
}

async function withDb(run: (db: Awaited<ReturnType<typeof openDbFromEnv>>) => Promise<number>): Promise<number> {
  const db = await openDbFromEnv();
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}
