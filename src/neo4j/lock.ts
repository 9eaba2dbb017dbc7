// One writer into Neo4j per database. Two syncs at once could undo each other: a full rebuild
// sweeps whatever carries another stamp, so a catch-up written meanwhile would vanish while its
// queue rows count as done. On a PostgreSQL server (shared by any number of processes) a
// session-level advisory lock, held on a connection of its own, elects the one writer; when its
// process dies the connection closes and another may take over. PGlite needs none: its data
// folder is locked to one process already.
import type pg from 'pg';
import type { Db } from '../db.js';

export interface SyncLock {
  /** Whether this process holds the lock (taking it if free). */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

export function syncLock(db: Pick<Db, 'server'>): SyncLock {
  const server = db.server;
  if (!server) return { acquire: async () => true, release: async () => {} };
  let client: pg.Client | null = null;
  return {
    async acquire() {
      if (client) return true;
      const { default: pg } = await import('pg'); // PostgreSQL only: a PGlite process never loads the driver
      const c = new pg.Client({ connectionString: server.url });
      c.on('error', () => {
        // the connection (and with it the lock) is gone: the next acquire() tries again
        if (client === c) client = null;
      });
      await c.connect();
      const { rows } = await c.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext('policy-graph neo4j sync ' || $1)) AS ok`, [server.schema]);
      if (rows[0]?.ok) {
        client = c;
        return true;
      }
      await c.end();
      return false;
    },
    async release() {
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
