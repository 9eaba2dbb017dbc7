// When a parent process forked the server with an IPC channel and REPORT_TO_PARENT=1 (bench:api
// forks dist/cli/serve.js, the server as `npm start` runs it): tells the parent the port once it
// listens, and answers its requests for memory samples, for how many requests are still being
// worked on (the bench waits for none before its next row, so a timed-out request cannot run on
// into it) and for the response cache's counters (the hit rate during a bulk load). Otherwise it
// does nothing: a process manager's or test runner's channel is not ours to talk on.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResponseCacheStats } from '../graphql/response-cache.js';

export type ChildMessage =
  | { type: 'listening'; port: number }
  | { type: 'memory'; rss: number; heapUsed: number; heapTotal: number; external: number }
  | { type: 'inFlight'; count: number }
  /** null: the server has no response cache (off, or not ours). */
  | { type: 'cacheStats'; stats: ResponseCacheStats | null };

/** Reports `server` to the parent; `onDisconnect` runs when the parent closes the channel (its way to stop us). */
export function reportToParent(server: http.Server, onDisconnect: () => void, cacheStats: () => ResponseCacheStats | null = () => null): void {
  if (!process.send || process.env.REPORT_TO_PARENT !== '1') return;
  const send = (m: ChildMessage) => process.send?.(m);
  let inFlight = 0;
  // 'close' fires when the response ends or the client gives up; the handler still runs after a
  // client gave up, so the bench also waits for the database to be idle (bench/api/idle.ts).
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
  process.once('disconnect', onDisconnect);
}
