// The floor: the same question as hand-written SQL through `pg` (one statement, or a look-up
// and the statement it feeds), issued back to back by `concurrency` clients of a pool for a
// fixed duration.
import pg from 'pg';
import { summarize, type Summary } from './stats.js';

/** A floor's SQL: the statement, and optionally a look-up whose one row's columns follow `values` as its parameters. */
export interface FloorSql {
  text: string;
  values: unknown[];
  lookup?: { text: string; values: unknown[] };
}

/** The floor's answer row: the look-up first when there is one, then the statement. */
export async function runFloor(client: pg.Pool | pg.PoolClient, sql: FloorSql): Promise<Record<string, unknown>[]> {
  const values = sql.lookup ? [...sql.values, ...Object.values((await client.query(sql.lookup)).rows[0] ?? {})] : sql.values;
  return (await client.query({ text: sql.text, values })).rows;
}

export async function sqlLoad(pool: pg.Pool, sql: FloorSql, concurrency: number, seconds: number): Promise<Summary> {
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
          await runFloor(client, sql);
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
