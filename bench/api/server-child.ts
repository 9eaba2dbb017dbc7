// The server under test, in its own process so the load generator does not share its event
// loop: opens DATABASE_URL and serves through src/server.ts startServer exactly as `serve`
// does (minus seeding: the bench refuses an empty database before starting it). Tells the
// parent its port over IPC and answers "memory" requests with process.memoryUsage().
import { openDbFromEnv } from '../../src/db.js';
import { startServer } from '../../src/server.js';

export type ChildMessage =
  | { type: 'listening'; port: number }
  | { type: 'memory'; rss: number; heapUsed: number; heapTotal: number; external: number };

const send = (m: ChildMessage) => process.send?.(m);

const db = await openDbFromEnv();
const app = await startServer(db, 0, { host: '127.0.0.1' });
send({ type: 'listening', port: app.port });

process.on('message', (m: { type?: string }) => {
  if (m?.type === 'memory') {
    const u = process.memoryUsage();
    send({ type: 'memory', rss: u.rss, heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external });
  }
});
// The parent going away (disconnect) or SIGTERM ends the server.
const stop = async () => {
  app.server.closeAllConnections();
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('disconnect', stop);
process.on('SIGTERM', stop);
