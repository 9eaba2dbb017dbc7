// The floor: the same question as one hand-written SQL statement through `pg`, issued back to
// back by `concurrency` clients of a pool for a fixed duration.
import pg from 'pg';
import { summarize, type Summary } from './stats.js';

export async function sqlLoad(pool: pg.Pool, sql: { text: string; values: unknown[] }, concurrency: number, seconds: number): Promise<Summary> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await client.query(sql);
          latencies.push(performance.now() - t0);
        } catch {
          failures++;
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(latencies, (performance.now() - started) / 1000, { errors: 0, non2xx: 0, failures });
}
