// Opens the one database the app uses: PGlite in a local folder by default (no server to
// install), or a PostgreSQL server when DATABASE_URL is set. Same Prisma schema, same
// generated client; migrations from prisma/migrations are applied on open.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client.js';
import { applyMigrations, pendingMigrations } from './store/migrate.js';
import { lockDataDir } from './store/data-lock.js';
import { syncCountries } from './store/countries.js';
import { createStatementNames } from './store/statement-names.js';

export type Engine = 'pglite' | 'postgres';

/** A read statement of the app's own SQL ($1, $2 … for `values`), its rows as objects. */
export type ReadSql = <T>(text: string, values?: unknown[]) => Promise<T[]>;

export interface Db {
  prisma: PrismaClient;
  engine: Engine;
  /** Where the data lives: the PGlite folder, ":memory:" or the server URL without password. */
  location: string;
  /** A PostgreSQL server's URL and schema (for a listening connection of its own). */
  server?: { url: string; schema: string };
  /**
   * For the hot read paths (the transfers page, the dashboard). On PostgreSQL straight to the
   * driver's pool that Prisma shares: Prisma's raw query added ~2 ms and ~1 ms of CPU to the
   * 7 ms page statement of the acceptance question. On PGlite through Prisma.
   */
  read: ReadSql;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** postgres://… — a PostgreSQL server; otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; undefined with no databaseUrl means in-memory. */
  dataDir?: string;
  /** PostgreSQL schema (tests isolate themselves in one schema each). */
  pgSchema?: string;
  /** Called with the SQL text of every statement the app runs (query counting in tests). */
  onQuery?: (sql: string) => void;
  /** Apply migrations and sync country reference data (default true). */
  migrate?: boolean;
}

/**
 * PGlite's buffer pool lives in its WebAssembly memory and is touched whole at start:
 * PostgreSQL's default 128 MB held ~135 MB more resident than 16 MB (measured on the seeds),
 * with no difference in CPU per query or per ingested policy; pages it does not hold come from
 * the operating system's file cache. PGLITE_SHARED_BUFFERS (e.g. "64MB") sets another size.
 */
function pgliteSharedBuffers(): string {
  const size = process.env.PGLITE_SHARED_BUFFERS || '16MB';
  // PGlite says only "failed to initialize properly" on a value PostgreSQL rejects
  if (!/^\d+(kB|MB|GB)$/.test(size)) throw new Error(`PGLITE_SHARED_BUFFERS must be a size such as 16MB or 1GB (got "${size}")`);
  return size;
}

export const DEFAULT_DATA_DIR = '.data/pglite';

export async function openDb(opts: OpenDbOptions = {}): Promise<Db> {
  let factory: SqlMigrationAwareDriverAdapterFactory;
  let engine: Engine;
  let location: string;
  let closeDriver: () => Promise<void>;
  let server: Db['server'];
  let read: ReadSql | undefined;
  if (opts.databaseUrl) {
    server = { url: opts.databaseUrl, schema: opts.pgSchema ?? 'public' };
    engine = 'postgres';
    const url = new URL(opts.databaseUrl);
    location = `${url.protocol}//${url.host}${url.pathname}${opts.pgSchema ? `?schema=${opts.pgSchema}` : ''}`;
    if (opts.pgSchema) await ensurePgSchema(opts.databaseUrl, opts.pgSchema);
    // each engine's driver is loaded only when it is the one opened: the other stays out of memory
    const [{ PrismaPg }, { default: pg }] = await Promise.all([import('@prisma/adapter-pg'), import('pg')]);
    // our pool, handed to the adapter, so the direct reads and Prisma share its connections
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      // Few connections (PG_POOL_MAX, default 4): a statement's work is CPU on the server, and
      // more statements at once than it has cores only lengthen each and the queue's tail (on
      // the 2-core machine, 50 clients: 10 connections 50 req/s, p99 5.0 s; 3 → 64, 2.5 s; 2 → 58, 1.4 s)
      max: Number(process.env.PG_POOL_MAX) || 4,
      // a statement past the budget is cancelled by the server itself: no query holds a connection for minutes
      // plan_cache_mode: a prepared read is planned for its values each time (src/store/statement-names.ts)
      options: [
        opts.pgSchema ? `-c search_path="${opts.pgSchema}"` : '',
        `-c statement_timeout=${Number(process.env.STATEMENT_TIMEOUT_MS) || 30_000}`,
        '-c plan_cache_mode=force_custom_plan',
      ]
        .filter(Boolean)
        .join(' '),
    });
    // a connection the server drops while idle: the pool discards it and the next read opens
    // another (without a listener the error would end the process)
    pool.on('error', () => {});
    factory = new PrismaPg(pool, opts.pgSchema ? { schema: opts.pgSchema } : undefined);
    const onQuery = opts.onQuery;
    const names = createStatementNames();
    read = async <T>(text: string, values: unknown[] = []) => {
      onQuery?.(text);
      return (await pool.query({ text, values, name: names.nameFor(text) })).rows as T[];
    };
    closeDriver = () => pool.end();
  } else {
    engine = 'pglite';
    if (opts.dataDir) mkdirSync(path.resolve(opts.dataDir), { recursive: true });
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
    // PGlite is one process's database: a second writer on the same folder silently overwrites
    // the first one's pages, so the folder is locked for as long as it is open
    const unlock = opts.dataDir ? await lockDataDir(opts.dataDir) : async () => {};
    let pg: PGlite;
    try {
      const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${pgliteSharedBuffers()}`];
      pg = opts.dataDir ? new PGlite(opts.dataDir, { startParams }) : new PGlite({ startParams });
      await pg.waitReady;
    } catch (e) {
      await unlock();
      throw e;
    }
    location = opts.dataDir ?? ':memory:';
    factory = wrapFactory(new PrismaPGlite(pg), { mapQuery: pgArrayLiterals });
    closeDriver = async () => {
      await pg.close();
      await unlock();
    };
  }
  const adapter = opts.onQuery ? wrapFactory(factory, { onQuery: opts.onQuery }) : factory;
  const prisma = new PrismaClient({ adapter });
  // the schema engine only when a migration is pending: starting it costs ~100 MB and leaves a 10 s timer behind
  if (opts.migrate !== false && (await pendingMigrations(prisma)).length) await applyMigrations(factory);
  const db: Db = {
    prisma,
    engine,
    location,
    server,
    read: read ?? (<T>(text: string, values: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(text, ...values)),
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
  if (opts.migrate !== false) await syncCountries(prisma);
  return db;
}

/** The engine openDbFromEnv opens. */
export const engineFromEnv = (): Engine => (process.env.DATABASE_URL ? 'postgres' : 'pglite');

/** DATABASE_URL → PostgreSQL, else PGlite in PGLITE_DIR or .data/pglite. */
export function openDbFromEnv(extra: Partial<OpenDbOptions> = {}): Promise<Db> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return openDb({
    databaseUrl,
    dataDir: databaseUrl ? undefined : process.env.PGLITE_DIR || DEFAULT_DATA_DIR,
    ...extra,
  });
}

async function ensurePgSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`bad schema name: ${schema}`);
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

interface Hooks {
  onQuery?: (sql: string) => void;
  mapQuery?: (q: SqlQuery) => SqlQuery;
}

/** Wraps a driver adapter factory: reports every SQL statement and/or rewrites its arguments. */
function wrapFactory(inner: SqlMigrationAwareDriverAdapterFactory, hooks: Hooks): SqlMigrationAwareDriverAdapterFactory {
  const wrapQueryable = <T extends { queryRaw(q: SqlQuery): unknown; executeRaw(q: SqlQuery): unknown }>(q: T): T =>
    new Proxy(q, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === 'queryRaw' || prop === 'executeRaw') {
          return (query: SqlQuery) => {
            hooks.onQuery?.(query.sql);
            return (value as (q: SqlQuery) => unknown).call(target, hooks.mapQuery ? hooks.mapQuery(query) : query);
          };
        }
        if (prop === 'startTransaction') {
          return async (...args: unknown[]) =>
            wrapQueryable((await (value as (...a: unknown[]) => Promise<Transaction>).apply(target, args)) as Transaction);
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wrapQueryable((await inner.connect()) as SqlDriverAdapter),
    connectToShadowDb: async () => inner.connectToShadowDb(),
  };
}

/**
 * PGlite serializes a JS array parameter as a PostgreSQL array only when it knows the
 * parameter's type; for enum arrays (`mechanisms @> $1`) it sends "DPF,SCC" and PostgreSQL
 * rejects it as a malformed array literal. node-postgres always sends array literals, so we
 * do the same for PGlite: arrays of scalars become '{"DPF","SCC"}'.
 */
export function pgArrayLiterals(q: SqlQuery): SqlQuery {
  if (!q.args.some((a) => Array.isArray(a))) return q;
  const lit = (v: unknown): string =>
    v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const args = q.args.map((a) =>
    Array.isArray(a) && a.every((v) => v === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof v))
      ? `{${a.map(lit).join(',')}}`
      : a,
  );
  return { ...q, args };
}
