// The server under test, in its own process so the load generator does not share its event
// loop: opens DATABASE_URL and serves through src/server.ts startServer exactly as `serve`
// does (minus seeding: the bench refuses an empty database before starting it). Talks to the
// bench over IPC (./ipc.ts).
import { openDbFromEnv } from '../../src/db.js';
import { startServer } from '../../src/server.js';
import { serveIpc } from './ipc.js';

const db = await openDbFromEnv();
const app = await startServer(db, 0, { host: '127.0.0.1' });
serveIpc(app.server, async () => {
  app.server.closeAllConnections();
  await app.close();
  await db.close();
});
