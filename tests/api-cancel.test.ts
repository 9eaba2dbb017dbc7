// A query stops working when its client goes away, and no query runs past the execution time
// budget: the database here answers every statement slowly (a Prisma query extension that waits
// before each statement), so a nested query takes seconds and the tests can watch what the
// server still sends to the database after the client disconnected or the budget ran out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { ingestGraph } from '../src/store/ingest.js';
import { zoomPolicy } from './helpers/fixtures.js';
import { ACCEPTANCE_QUERY } from './helpers/queries.js';
import { slowDb } from './helpers/slow-prisma.js';

const DELAY_MS = 250;
const BUDGET_MS = 600;
// one level of relations after another: each level is a statement of its own
const NESTED = `{ organizations(first: 20) { edges { node { name
  engagements(first: 20) { edges { node { role controller { name
    transfersAsController(first: 20) { edges { node { country { code } recipient { name
      engagements(first: 20) { edges { node { role version { policy { source } } } } } } } } } } } } } } } } }`;

describe('cancellation and the execution time budget (PGlite)', () => {
  let db: Db;
  let app: Running;
  let tight: Running;
  let statements = 0;
  const post = (query: string, signal?: AbortSignal, url = app.url) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    db = await openDb({});
    for (let i = 0; i < 3; i++) await ingestGraph(db.prisma, zoomPolicy(`cancel-${i}.txt`, `Kanzlei Nummer ${i} GmbH`));
    const slow = slowDb(db, DELAY_MS, () => statements++);
    // deeper than the API allows by default: what must stop these here is the client or the budget
    const limits = { maxDepth: 40, maxComplexity: 1e9 };
    app = await startServer(slow, 0, { responseCache: false, executionTimeoutMs: 60_000, limits });
    tight = await startServer(slow, 0, { responseCache: false, executionTimeoutMs: BUDGET_MS, limits });
  });
  afterAll(async () => {
    await app?.close();
    await tight?.close();
    await db?.close();
  });

  it('stops sending statements once the client disconnects', async () => {
    statements = 0;
    const full = await post(NESTED);
    expect(((await full.json()) as { errors?: unknown }).errors).toBeUndefined();
    const all = statements;
    expect(all).toBeGreaterThanOrEqual(5);

    statements = 0;
    const ac = new AbortController();
    const pending = post(NESTED, ac.signal).catch((e: Error) => e);
    await sleep(DELAY_MS * 1.5);
    ac.abort();
    expect(await pending).toBeInstanceOf(Error);
    const atAbort = statements;
    await sleep(DELAY_MS * (all + 2));
    expect(statements).toBeLessThanOrEqual(atAbort + 1); // at most the level already under way
    expect(statements).toBeLessThan(all);
    expect((await post(ACCEPTANCE_QUERY)).status).toBe(200);
  });

  it('answers a query past its time budget with a typed TIMEOUT error and stops it', async () => {
    statements = 0;
    const t0 = Date.now();
    const res = await post(NESTED, undefined, tight.url);
    const ms = Date.now() - t0;
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0].extensions?.code).toBe('TIMEOUT');
    expect(res.status).toBe(503);
    expect(ms).toBeLessThan(BUDGET_MS + DELAY_MS * 3);
    const atAnswer = statements;
    await sleep(DELAY_MS * 6);
    expect(statements).toBeLessThanOrEqual(atAnswer + 1);
  });
});
