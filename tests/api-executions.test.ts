// The bound on requests in execution at once (startServer's maxConcurrentExecutions): with a
// bound of one and a database that answers slowly, a second request runs only after the first
// is answered, both are answered, and a request whose client leaves while it waits is never
// executed (it sends no statement).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { ingestGraph } from '../src/store/ingest.js';
import { zoomPolicy } from './helpers/fixtures.js';
import { ACCEPTANCE_QUERY } from './helpers/queries.js';
import { slowDb } from './helpers/slow-prisma.js';

const DELAY_MS = 150;

describe('requests in execution at once (PGlite)', () => {
  let db: Db;
  let app: Running;
  let inFlight = 0;
  let most = 0;
  let statements = 0;
  const post = (signal?: AbortSignal) =>
    fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ACCEPTANCE_QUERY }), signal });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    db = await openDb({});
    await ingestGraph(db.prisma, zoomPolicy('bound.txt', 'Gebunden GmbH'));
    const slow = slowDb(db, DELAY_MS, () => statements++);
    // every statement of a request counted as in flight while it waits and runs
    const read: Db['read'] = async (text, values) => {
      most = Math.max(most, ++inFlight);
      try {
        return await slow.read(text, values);
      } finally {
        inFlight--;
      }
    };
    app = await startServer({ ...slow, read }, 0, { responseCache: false, maxConcurrentExecutions: 1 });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('runs one request at a time and answers every one', async () => {
    most = 0;
    const answers = await Promise.all([post(), post(), post()]);
    for (const a of answers) expect(((await a.json()) as { data?: { transfers: { totalCount: number } } }).data?.transfers.totalCount).toBeGreaterThan(0);
    expect(most).toBe(1);
  });

  it('never runs a request whose client left while it waited', async () => {
    statements = 0;
    const first = post();
    await sleep(DELAY_MS / 3);
    const ac = new AbortController();
    const waiting = post(ac.signal).catch((e: Error) => e);
    await sleep(DELAY_MS / 3);
    ac.abort();
    expect(await waiting).toBeInstanceOf(Error);
    await (await first).json();
    await sleep(DELAY_MS * 4);
    // the first request's two (the names, then the page); the second sent none
    expect(statements).toBe(2);
  });
});
