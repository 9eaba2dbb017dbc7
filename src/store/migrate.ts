// Applies the committed migrations (prisma/migrations) with Prisma's WebAssembly schema
// engine, through the same driver adapter the app uses. Idempotent: applied migrations are
// recorded in _prisma_migrations as the Prisma CLI would.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { openSchemaEngine, readMigrations, NO_FILTER } from './schema-engine.js';
import type { PrismaClient } from '../generated/prisma/client.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMA_PATH = path.join(root, 'prisma/schema.prisma');
export const MIGRATIONS_DIR = path.join(root, 'prisma/migrations');

export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(SCHEMA_PATH, factory, (m) => {
    if (process.env.DEBUG_MIGRATIONS) console.error(m);
  });
  // The engine's WebAssembly glue arms a 10 s timer during applyMigrations that free() leaves
  // pending, so every command that migrated idled 10 s before exiting: the long timers armed
  // meanwhile are unref'd (they still run while the process has other work).
  const armed: NodeJS.Timeout[] = [];
  const setTimer = globalThis.setTimeout;
  globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const t = setTimer(fn, ms, ...args);
    if ((ms ?? 0) >= 5_000) armed.push(t);
    return t;
  }) as typeof setTimeout;
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(MIGRATIONS_DIR), filters: NO_FILTER });
    return out.appliedMigrationNames;
  } finally {
    globalThis.setTimeout = setTimer;
    engine.free();
    for (const t of armed) t.unref();
  }
}

/** Names of the committed migrations the database has not applied yet (all of them on a new database). */
export async function pendingMigrations(prisma: PrismaClient): Promise<string[]> {
  const all = readMigrations(MIGRATIONS_DIR).migrationDirectories.map((d) => d.path);
  let applied: { migration_name: string }[];
  try {
    applied = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
  } catch {
    return all; // no migrations table yet
  }
  const done = new Set(applied.map((r) => r.migration_name));
  return all.filter((m) => !done.has(m));
}
