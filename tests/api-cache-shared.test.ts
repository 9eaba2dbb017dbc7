// Concurrent misses of one question are computed once: the others wait for that answer — but
// only requests that arrived before any invalidation since it began. The database answers every
// statement slowly here (a Prisma query extension waits before each, as in api-cancel.test.ts),
// so the requests surely overlap and the statements each one sends can be counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { ingestGraph } from '../src/store/ingest.js';
import { zoomPolicy } from './helpers/fixtures.js';
import { ACCEPTANCE_QUERY } from './helpers/queries.js';
import { slowDb } from './helpers/slow-prisma.js';

const DELAY_MS = 400;

describe('response cache: concurrent misses share one computation (PGlite)', () => {
  let db: Db;
  let app: Running;
  let tight: Running;
  let statements = 0;
  /** Mid-way through a query's first statement, however many it sends. */
  const BUDGET_MS = DELAY_MS / 2;
  const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ACCEPTANCE_QUERY }) });
  const zoomCount = async () => {
    const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ACCEPTANCE_QUERY }) });
    const json = (await res.json()) as { data?: { transfers: { totalCount: number } }; errors?: unknown };
    expect(json.errors).toBeUndefined();
    return json.data!.transfers.totalCount;
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    db = await openDb({});
    await ingestGraph(db.prisma, zoomPolicy('a.txt', 'Praxis A GmbH'));
    const slow = slowDb(db, DELAY_MS, () => statements++);
    app = await startServer(slow, 0, { responseCache: { ttlMs: 3_600_000 } });
    tight = await startServer(slow, 0, { responseCache: { ttlMs: 3_600_000 }, executionTimeoutMs: BUDGET_MS });
  });
  afterAll(async () => {
    await tight?.close();
    await app?.close();
    await db?.close();
  });

  it('computes eight concurrent identical misses once, and every request gets the answer', async () => {
    statements = 0;
    expect(await zoomCount()).toBe(1);
    const once = statements;
    expect(once).toBeGreaterThan(0);
    app.invalidateCache();
    statements = 0;
    const before = app.cacheStats()!;
    expect(await Promise.all(Array.from({ length: 8 }, zoomCount))).toEqual(Array(8).fill(1));
    expect(statements).toBe(once);
    const after = app.cacheStats()!;
    expect(after.misses - before.misses).toBe(1);
    expect(after.shared - before.shared).toBe(7);
  });

  it('does not hand a request arriving after an invalidation the answer begun before it', async () => {
    app.invalidateCache();
    statements = 0;
    expect(await zoomCount()).toBe(1);
    const once = statements;
    app.invalidateCache();
    statements = 0;
    const early = zoomCount();
    await sleep(DELAY_MS / 2); // the first request is computing
    await ingestGraph(db.prisma, zoomPolicy('b.txt', 'Kanzlei B PartG')); // another process commits…
    app.invalidateCache(); // …and its notification drops the cache
    const late = zoomCount();
    const counts = await Promise.all([early, late]);
    expect(counts[1]).toBe(2); // computed afresh, with b.txt
    expect(statements).toBe(2 * once);
    // what is stored now has b.txt (the early answer, begun before the invalidation, may not be)
    statements = 0;
    expect(await zoomCount()).toBe(2);
    expect(statements).toBe(0);
  });

  it('holds a waiting request to its own time budget, and shares no timed-out answer', async () => {
    const timed = async () => {
      const t0 = Date.now();
      const res = await post(tight.url);
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      return { status: res.status, code: body.errors?.[0].extensions?.code, ms: Date.now() - t0 };
    };
    const first = timed();
    await sleep(DELAY_MS / 20); // the second request arrives while the first is computing, and waits for it
    const second = await timed();
    expect(await first).toMatchObject({ status: 503, code: 'TIMEOUT' });
    expect(second).toMatchObject({ status: 503, code: 'TIMEOUT' });
    // its wait counted against its own budget: it did not start a whole budget afresh once the
    // first gave up (that would take 2 × BUDGET_MS − DELAY_MS / 20 = 380 ms)
    expect(second.ms).toBeLessThan(BUDGET_MS + DELAY_MS / 4);
    // nothing was stored, nothing shared: both count as computed
    expect(tight.cacheStats()).toMatchObject({ hits: 0, shared: 0, misses: 2 });
  });
});
