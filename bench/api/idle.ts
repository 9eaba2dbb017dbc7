// Between rows the bench waits until the server under test is idle: no request in flight and
// no statement of it still running in the database. Requests autocannon gave up on at high
// concurrency otherwise run on into the next row (a row after the dashboard at c=50 once
// completed none).
import type pg from 'pg';
import type { ServerProcess } from './server-process.js';

const ACTIVE = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`;

/**
 * How long both must stay idle: a request the client gave up on counts as answered for the
 * HTTP server but may still be running between two of its statements, so one idle sample is
 * not enough.
 */
const QUIET_MS = 500;

/** Resolves once server and database have been idle for QUIET_MS; returns how long that took (ms). Gives up after `limitMs`. */
export async function waitIdle(server: ServerProcess, pool: pg.Pool, limitMs = 120_000): Promise<number> {
  const t0 = performance.now();
  let quietSince: number | null = null;
  for (;;) {
    const [inFlight, active] = await Promise.all([server.inFlight(), pool.query(ACTIVE).then((r) => r.rows[0].n as number)]);
    if (inFlight === 0 && active === 0) {
      quietSince ??= performance.now();
      if (performance.now() - quietSince >= QUIET_MS) return performance.now() - t0;
    } else quietSince = null;
    if (performance.now() - t0 > limitMs) throw new Error(`server still busy after ${limitMs} ms (${inFlight} requests in flight, ${active} statements active)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
