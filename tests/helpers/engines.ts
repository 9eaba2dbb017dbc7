// The two engines every store/API suite runs on: PGlite (in memory) and, when
// TEST_DATABASE_URL is set (.ci/run sets it), a PostgreSQL server — each suite in a schema of
// its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db, type OpenDbOptions } from '../../src/db.js';

export interface EngineCase {
  name: 'pglite' | 'postgres';
  open(extra?: Partial<OpenDbOptions>): Promise<Db>;
}

const url = process.env.TEST_DATABASE_URL;

export const ENGINES: EngineCase[] = [
  { name: 'pglite', open: (extra) => openDb({ ...extra }) },
  ...(url
    ? [
        {
          name: 'postgres' as const,
          open: async (extra?: Partial<OpenDbOptions>) => {
            const schema = `t_${randomBytes(5).toString('hex')}`;
            const db = await openDb({ databaseUrl: url, pgSchema: schema, ...extra });
            const close = db.close.bind(db);
            db.close = async () => {
              await close();
              const c = new pg.Client({ connectionString: url });
              await c.connect();
              await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
              await c.end();
            };
            return db;
          },
        },
      ]
    : []),
];

if (!url) {
  console.warn('[tests] TEST_DATABASE_URL is not set: the PostgreSQL server variants are SKIPPED; only PGlite runs. (.ci/run sets it.)');
}

/** Names of skipped engines, so suites can register a visibly skipped test for them. */
export const SKIPPED_ENGINES = url ? [] : ['postgres (TEST_DATABASE_URL unset)'];
