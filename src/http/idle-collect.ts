// Full garbage collections once the server has been idle for a while after serving requests.
// Under load V8 grows its heap to keep up with the allocation rate and keeps that size after the
// load is over: after the bench's questions at concurrency 50 on 10,000 policies, 105–135 MB of
// heap for ~47 MB live, the process at 194–237 MB resident. Its memory reducer gives the heap
// back only sometimes (8–10 s after one run, not within 20 s after another), so a quiet server
// kept the memory of its busiest minute. A full collection compacts only the most fragmented
// pages, so one gave back part of it (170–202 MB, heap 82–105) and three in a row most (147–161
// MB, heap 64–71; each question at concurrency 1 then 50 for 5 s, RSS 3 s later, the 2-core
// machine; docs/BENCHMARKS.md, "night"). They take 2–25 ms each and run only after requests
// were served since the last ones, so an idle server is not woken every few seconds.
import type { EventEmitter } from 'node:events';

/** How long the server must have been without a request before it collects. */
export const IDLE_MS = 2_000;

/** Collections in a row. */
export const ROUNDS = 3;

/**
 * Collects with `gc`, `rounds` times, once `server` (an http.Server: its 'request' events, each response's
 * 'close') has had no request in flight for `idleMs` after serving one; returns a stop function.
 */
export function collectWhenIdle(server: EventEmitter, gc: () => void, idleMs = IDLE_MS, rounds = ROUNDS): () => void {
  let inFlight = 0;
  let served = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const onRequest = (_req: unknown, res: EventEmitter) => {
    inFlight++;
    served = true;
    clearTimeout(timer);
    res.once('close', () => {
      if (--inFlight > 0 || stopped) return;
      timer = setTimeout(() => {
        if (inFlight > 0 || !served || stopped) return;
        served = false;
        for (let i = 0; i < rounds; i++) gc();
      }, idleMs);
      timer.unref(); // never what keeps the process alive
    });
  };
  server.on('request', onRequest);
  return () => {
    stopped = true;
    clearTimeout(timer);
    server.off('request', onRequest);
  };
}
