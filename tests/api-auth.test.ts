// Writes need an API key with the "write" scope; a wrong, revoked or read-only key is refused
// with a typed result; a key's writes are rate-limited; reads can be made to need a key too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { createKey, revokeKey } from '../src/store/api-keys.js';
import { ingestGraph } from '../src/store/ingest.js';
import { gqlClient } from './helpers/http.js';
import { policy, recipient, zoomPolicy } from './helpers/fixtures.js';
import type { PolicyGraph } from '../src/extract/types.js';

const INGEST = `mutation($input: IngestPolicyInput!) { ingestPolicy(input: $input) { __typename ... on Error { message } ... on RateLimitedError { retryAfterSeconds } } }`;
const jsonExtract = (input: string | Uint8Array): PolicyGraph => JSON.parse(typeof input === 'string' ? input : new TextDecoder().decode(input)) as PolicyGraph;
const doc = (source: string) => JSON.stringify(policy(source, 'Schreiber GmbH', [recipient('Irgendwer Hosting GmbH')]));

describe('API keys (PGlite)', () => {
  let db: Db;
  let app: Running;
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    db = await openDb({});
    app = await startServer(db, 0, { responseCache: false, writesPerMinute: 3, ingestOptions: { extract: jsonExtract } });
    await ingestGraph(db.prisma, zoomPolicy('victim.txt', 'Opfer GmbH', 'Zoom Video Communications, Inc.', ['SCC']));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('refuses a write without a key, with an unknown key, with a revoked key and with a read-only key', async () => {
    const ingest = (headers: Record<string, string>) => gqlClient(app.url, headers)(INGEST, { input: { text: doc('victim.txt'), source: 'victim.txt' } }).then((r) => r.data.ingestPolicy.__typename);
    expect(await ingest({})).toBe('UnauthorizedError');
    expect(await ingest(bearer('pgk_not-a-real-key'))).toBe('UnauthorizedError');
    const revoked = await createKey(db.prisma, 'old', ['write']);
    expect(await revokeKey(db.prisma, revoked.prefix)).toBe(true);
    expect(await ingest(bearer(revoked.key))).toBe('UnauthorizedError');
    const reader = await createKey(db.prisma, 'reader', ['read']);
    expect(await ingest(bearer(reader.key))).toBe('ForbiddenError');
    // the existing policy at that source is untouched
    const v = await db.prisma.policy.findUniqueOrThrow({ where: { source: 'victim.txt' }, include: { currentVersion: { include: { transfers: true } } } });
    expect(v.currentVersion?.transfers).toHaveLength(1);
  });

  it('accepts a write key, stores only its hash, and limits its writes per minute', async () => {
    const writer = await createKey(db.prisma, 'writer', ['write']);
    const stored = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: writer.id } });
    expect(JSON.stringify(stored)).not.toContain(writer.key);
    const gql = gqlClient(app.url, bearer(writer.key));
    const kinds: string[] = [];
    for (let i = 0; i < 4; i++) kinds.push((await gql(INGEST, { input: { text: doc(`w${i}.txt`), source: `w${i}.txt` } })).data.ingestPolicy.__typename);
    expect(kinds).toEqual(['IngestPolicySuccess', 'IngestPolicySuccess', 'IngestPolicySuccess', 'RateLimitedError']);
  });
});

describe('reads that require a key (PGlite)', () => {
  let db: Db;
  let app: Running;
  beforeAll(async () => {
    db = await openDb({});
    app = await startServer(db, 0, { readsRequireKey: true, responseCache: { ttlMs: 60_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers 401 without a key, even for an answer in the cache', async () => {
    const reader = await createKey(db.prisma, 'reader', ['read']);
    const q = '{ dashboard { policies } }';
    const ok = await gqlClient(app.url, { authorization: `Bearer ${reader.key}` })(q);
    expect(ok.status).toBe(200);
    expect(ok.data.dashboard.policies).toBe(0);
    const anon = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
    expect(anon.status).toBe(401);
  });
});
