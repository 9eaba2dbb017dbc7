// The server under test, in its own process so the load generator does not share its event
// loop: opens DATABASE_URL and serves through src/server.ts startServer exactly as `serve`
// does, and drops cached answers on other processes' commits as `serve` does
// (src/graphql/follow-changes.ts: LISTEN/NOTIFY, coalesced) — what the during-ingest rows
// measure. Left out: seeding (the bench refuses an empty database before starting it), the
// webhook and Neo4j workers (idle without webhooks or NEO4J_URI). Talks to the bench over IPC
// (./ipc.ts), including the response cache's hit and miss counts.
import { openDbFromEnv } from '../../src/db.js';
import { startServer } from '../../src/server.js';
import { followGraphChanges } from '../../src/graphql/follow-changes.js';
import { serveIpc } from './ipc.js';

const db = await openDbFromEnv();
const app = await startServer(db, 0, { host: '127.0.0.1' });
const listener = await followGraphChanges(db, app.invalidateCache, console.error);
serveIpc(
  app.server,
  async () => {
    app.server.closeAllConnections();
    await listener?.close();
    await app.close();
    await db.close();
  },
  app.cacheStats,
);
