// The IPC a server under test speaks to the bench (bench/api/server-process.ts): its port once
// it listens, memory samples, how many requests it is still working on (the bench waits for
// none before the next row, so a timed-out request cannot run on into it), and its response
// cache's counters (the hit rate during a bulk load). Ends when the parent disconnects or on
// SIGTERM.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResponseCacheStats } from '../../src/graphql/response-cache.js';

export type ChildMessage =
  | { type: 'listening'; port: number }
  | { type: 'memory'; rss: number; heapUsed: number; heapTotal: number; external: number }
  | { type: 'inFlight'; count: number }
  /** null: the server has no response cache (off, or not ours). */
  | { type: 'cacheStats'; stats: ResponseCacheStats | null };

export function serveIpc(server: http.Server, close: () => Promise<void>, cacheStats: () => ResponseCacheStats | null = () => null): void {
  const send = (m: ChildMessage) => process.send?.(m);
  let inFlight = 0;
  // 'close' fires when the response ends or the client gives up; the handler still runs after a
  // client gave up, so the bench also waits for the database to be idle (see server-process.ts).
  server.on('request', (_req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
  });
  send({ type: 'listening', port: (server.address() as AddressInfo).port });
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'memory') {
      const u = process.memoryUsage();
      send({ type: 'memory', rss: u.rss, heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external });
    } else if (m?.type === 'inFlight') send({ type: 'inFlight', count: inFlight });
    else if (m?.type === 'cacheStats') send({ type: 'cacheStats', stats: cacheStats() });
  });
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
}
