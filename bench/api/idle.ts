// Between rows the bench waits until the server under test is idle: no request in flight and
// no statement of it still running in the database. Requests autocannon gave up on at high
// concurrency otherwise run on into the next row (a row after the dashboard at c=50 once
// completed none).
import type pg from 'pg';
import type { ServerProcess } from './server-process.js';

const ACTIVE = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`;

/** Resolves once server and database are idle; returns how long that took (ms). Gives up after `limitMs`. */
export async function waitIdle(server: ServerProcess, pool: pg.Pool, limitMs = 120_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const [inFlight, active] = await Promise.all([server.inFlight(), pool.query(ACTIVE).then((r) => r.rows[0].n as number)]);
    if (inFlight === 0 && active === 0) return performance.now() - t0;
    if (performance.now() - t0 > limitMs) throw new Error(`server still busy after ${limitMs} ms (${inFlight} requests in flight, ${active} statements active)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
