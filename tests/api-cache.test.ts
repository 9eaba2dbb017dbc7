// The response cache: a repeated query is answered from the cache (its stored bytes), ingestPolicy
// invalidates it at once, what another process ingests shows once the TTL has passed, and only
// queries' successes are stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { gqlClient, writeKeyHeader } from './helpers/http.js';
import { policy, recipient, zoomPolicy } from './helpers/fixtures.js';
import { ACCEPTANCE_QUERY } from './helpers/queries.js';
import type { Db } from '../src/db.js';
import type { PolicyGraph } from '../src/extract/types.js';
import { startServer, type Running } from '../src/server.js';
import { ingestGraph } from '../src/store/ingest.js';
import { listenForGraphChanges } from '../src/store/changes.js';
import { createResponseCache, isQuery, responseCacheOptionsFromEnv, type CachedAnswer, type ResponseCache } from '../src/graphql/response-cache.js';

const INGEST = `mutation($input: IngestPolicyInput!) {
  ingestPolicy(input: $input) { __typename ... on IngestPolicySuccess { created changed } }
}`;

/** The mutation's extractor: the text is the PolicyGraph as JSON (no dependence on the real extractor). */
const jsonExtract = (input: string | Uint8Array): PolicyGraph => JSON.parse(typeof input === 'string' ? input : new TextDecoder().decode(input));

for (const name of SKIPPED_ENGINES) describe.skip(`response cache on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('response cache on $name', (engine) => {
  let db: Db;
  let app: Running;
  let statements = 0;
  let auth: Record<string, string> = {};
  const gql = (q: string, v?: Record<string, unknown>) => gqlClient(app.url, auth)(q, v);
  const zoomCount = async () => {
    const { data, errors } = await gql(ACCEPTANCE_QUERY);
    expect(errors).toBeUndefined();
    return data.transfers.totalCount as number;
  };

  beforeAll(async () => {
    db = await engine.open({ onQuery: () => statements++ });
    app = await startServer(db, 0, { responseCache: { ttlMs: 3_600_000 }, ingestOptions: { extract: jsonExtract } });
    await ingestGraph(db.prisma, zoomPolicy('a.txt', 'Praxis A GmbH'));
    auth = await writeKeyHeader(db.prisma);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers a repeated query from the cache without touching the database', async () => {
    expect(await zoomCount()).toBe(1);
    statements = 0;
    expect(await zoomCount()).toBe(1);
    expect(statements).toBe(0);
  });

  it('keeps serving the cached answer when the database changes behind the server (another process ingests)', async () => {
    await ingestGraph(db.prisma, zoomPolicy('b.txt', 'Kanzlei B PartG'));
    expect(await zoomCount()).toBe(1);
  });

  it('invalidates every cached answer when ingestPolicy adds a new Zoom transfer', async () => {
    const g = zoomPolicy('c.txt', 'Verein C e. V.', 'Zoom Video Communications, Inc.', ['BCR']);
    const { data } = await gql(INGEST, { input: { text: JSON.stringify(g), source: 'https://verein-c.example/datenschutz' } });
    expect(data.ingestPolicy).toMatchObject({ __typename: 'IngestPolicySuccess', created: true });
    // b.txt (ingested behind the server) and c.txt (through the API) both show now
    expect(await zoomCount()).toBe(3);
  });

  it('does not cache mutations', async () => {
    const g = zoomPolicy('c.txt', 'Verein C e. V.', 'Zoom Video Communications, Inc.', ['BCR']);
    const again = await gql(INGEST, { input: { text: JSON.stringify(g), source: 'https://verein-c.example/datenschutz' } });
    expect(again.data.ingestPolicy).toMatchObject({ __typename: 'IngestPolicySuccess', created: false });
  });

  it('keeps cached answers when ingestPolicy stores the current text again (nothing changed)', async () => {
    const before = await zoomCount();
    const g = zoomPolicy('c.txt', 'Verein C e. V.', 'Zoom Video Communications, Inc.', ['BCR']);
    const again = await gql(INGEST, { input: { text: JSON.stringify(g), source: 'https://verein-c.example/datenschutz' } });
    expect(again.data.ingestPolicy).toMatchObject({ __typename: 'IngestPolicySuccess', created: false, changed: false });
    statements = 0;
    expect(await zoomCount()).toBe(before);
    expect(statements).toBe(0);
  });

  it('invalidates when ingestPolicy makes an earlier text of a source current again', async () => {
    const source = 'https://verein-e.example/datenschutz';
    const withZoom = JSON.stringify(zoomPolicy('e.txt', 'Verein E e. V.'));
    const withoutZoom = JSON.stringify(policy('e.txt', 'Verein E e. V.', [recipient('Hetzner Online GmbH', { country: 'DE' })], 'Wir hosten bei Hetzner.'));
    await gql(INGEST, { input: { text: withZoom, source } });
    const base = await zoomCount();
    expect((await gql(INGEST, { input: { text: withoutZoom, source } })).data.ingestPolicy.created).toBe(true);
    expect(await zoomCount()).toBe(base - 1);
    // the first text again: stored already, so nothing is created, but its Zoom transfer is current again
    expect((await gql(INGEST, { input: { text: withZoom, source } })).data.ingestPolicy).toMatchObject({ created: false, changed: true });
    expect(await zoomCount()).toBe(base);
  });

  // PGlite: one process owns its folder, so there is no other writer to hear from.
  it.skipIf(engine.name !== 'postgres')('drops cached answers when another process commits an ingest into the same PostgreSQL schema', async () => {
    const listener = await listenForGraphChanges(db.server!.url, db.server!.schema, app.invalidateCache);
    try {
      const before = await zoomCount();
      await ingestGraph(db.prisma, zoomPolicy('d.txt', 'Studio D GmbH')); // as the CLI would, behind the server
      await expect.poll(zoomCount, { timeout: 5_000 }).toBe(before + 1);
    } finally {
      await listener.close();
    }
  });
});

describe('what the response cache stores', () => {
  const ok = { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"data":{"x":1}}') };
  const body = (query: string, operationName?: string) => JSON.stringify({ query, operationName });

  it('stores queries only: not mutations, not the mutation a multi-operation document selects', () => {
    expect(isQuery(body('{ dashboard { policies } }'))).toBe(true);
    expect(isQuery(body('query Q { dashboard { policies } } mutation M { x }', 'Q'))).toBe(true);
    expect(isQuery(body('query Q { dashboard { policies } } mutation M { x }', 'M'))).toBe(false);
    expect(isQuery(body('query Q { a } query R { b }'))).toBe(false); // no operation selected
    expect(isQuery(body('mutation { ingestPolicy(input: {}) { __typename } }'))).toBe(false);
    expect(isQuery('not json')).toBe(false);
    expect(isQuery(body('{ unclosed'))).toBe(false);
  });

  /** Looks `q` up and, if it is to be computed, computes `answer`. */
  const ask = (cache: ResponseCache, q: string, answer: CachedAnswer) => {
    const found = cache.lookup(q);
    if ('compute' in found) found.compute.finish(answer);
    return found;
  };
  /** Nothing stored and nothing running for `q`: its lookup is the job of computing it (given up at once). */
  const expectMiss = (cache: ResponseCache, q: string) => {
    const found = cache.lookup(q);
    expect(found).toHaveProperty('compute');
    if ('compute' in found) found.compute.finish(undefined);
  };

  it('stores successes only, and nothing computed before an invalidation', () => {
    const cache = createResponseCache({ ttlMs: 60_000 });
    const q = body('{ dashboard { policies } }');
    ask(cache, q, { ...ok, body: Buffer.from('{"errors":[{"message":"x"}]}') });
    expectMiss(cache, q);
    ask(cache, q, { ...ok, status: 400 });
    expectMiss(cache, q);
    const startedBefore = cache.lookup(q);
    if (!('compute' in startedBefore)) throw new Error('expected a computation');
    cache.invalidate();
    startedBefore.compute.finish(ok);
    expectMiss(cache, q);
    const m = body('mutation { ingestPolicy(input: {}) { __typename } }');
    ask(cache, m, ok);
    expectMiss(cache, m);
    ask(cache, q, ok);
    expect((cache.lookup(q) as { hit: CachedAnswer }).hit.body.toString()).toBe('{"data":{"x":1}}');
    cache.invalidate();
    expectMiss(cache, q);
  });

  it('lets concurrent misses of one question wait for the first one\'s answer, within a generation', async () => {
    const cache = createResponseCache({ ttlMs: 60_000 });
    const q = body('{ dashboard { policies } }');
    const first = cache.lookup(q);
    const second = cache.lookup(q);
    const third = cache.lookup(q);
    if (!('compute' in first) || !('wait' in second) || !('wait' in third)) throw new Error('expected one computation and two waiters');
    // another question, or the same one with other answer-shaping headers, is not waiting on it
    expectMiss(cache, body('{ a }'));
    expect(cache.lookup(q, 'text/html')).toHaveProperty('compute');
    first.compute.finish(ok);
    expect(await second.wait).toBe(ok);
    expect(await third.wait).toBe(ok);
    expect(cache.lookup(q)).toEqual({ hit: ok });
    expect(cache.stats()).toEqual({ hits: 1, shared: 2, misses: 3, invalidations: 0 });
  });

  it('after an invalidation, a miss computes afresh instead of waiting for an answer begun before it', async () => {
    const cache = createResponseCache({ ttlMs: 60_000 });
    const q = body('{ dashboard { policies } }');
    const before = cache.lookup(q);
    const waiter = cache.lookup(q);
    cache.invalidate();
    const after = cache.lookup(q);
    if (!('compute' in before) || !('wait' in waiter) || !('compute' in after)) throw new Error('expected two computations, one waiter');
    const newer = { ...ok, body: Buffer.from('{"data":{"x":2}}') };
    before.compute.finish(ok);
    expect(await waiter.wait).toBe(ok); // it asked before the invalidation, as the computing request did
    expect(cache.lookup(q)).toHaveProperty('wait'); // the older answer was not stored; `after` is still running
    after.compute.finish(newer);
    expect(cache.lookup(q)).toEqual({ hit: newer });
  });

  it('shares no error and no missing answer: the waiters compute for themselves', async () => {
    const cache = createResponseCache({ ttlMs: 60_000 });
    const q = body('{ dashboard { policies } }');
    for (const failed of [{ ...ok, body: Buffer.from('{"errors":[{"message":"x"}]}') }, { ...ok, status: 503 }, undefined]) {
      const first = cache.lookup(q);
      const waiter = cache.lookup(q);
      if (!('compute' in first) || !('wait' in waiter)) throw new Error('expected a computation and a waiter');
      first.compute.finish(failed);
      expect(await waiter.wait).toBeUndefined();
      expectMiss(cache, q); // nothing stored, nothing running
    }
  });
});

describe('response cache configuration', () => {
  it('is on with a 60 s TTL by default, off with RESPONSE_CACHE=off and under tests', () => {
    expect(responseCacheOptionsFromEnv({})).toEqual({ ttlMs: 60_000 });
    expect(responseCacheOptionsFromEnv({ RESPONSE_CACHE_TTL_MS: '5000' })).toEqual({ ttlMs: 5000 });
    expect(responseCacheOptionsFromEnv({ RESPONSE_CACHE: 'off' })).toBe(false);
    expect(responseCacheOptionsFromEnv({ NODE_ENV: 'test' })).toBe(false);
  });
});
