// The response cache follows what other processes commit to the same PostgreSQL (the CLI's
// `ingest`, another server): every ingest transaction notifies (src/store/changes.ts), and the
// cached answers are dropped at most once a second during a bulk load — the first commit
// after a quiet spell at once (src/util/coalesce.ts). Called by `serve`, which is also the
// server the API benchmark runs (bench/api/server-process.ts forks dist/cli/serve.js).
import type { Db } from '../db.js';
import { listenForGraphChanges, type ChangeListener } from '../store/changes.js';
import { coalesce } from '../util/coalesce.js';

/** At most one invalidation per this many ms while commits keep arriving: the staleness bound during a bulk load. */
export const INVALIDATION_WINDOW_MS = 1000;

/** Listens on the database's server, if it has one (PGlite has a single writer, this process: nothing to hear). */
export async function followGraphChanges(db: Db, invalidate: () => void, log: (msg: string) => void): Promise<ChangeListener | null> {
  if (!db.server) return null;
  return listenForGraphChanges(db.server.url, db.server.schema, coalesce(invalidate, INVALIDATION_WINDOW_MS), { log });
}
