// Bounded work and safe defaults over real HTTP: every hostile request below is refused quickly
// with a typed error, and the server still answers a normal question afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { ingestGraph } from '../src/store/ingest.js';
import { zoomPolicy } from './helpers/fixtures.js';
import { ACCEPTANCE_QUERY } from './helpers/queries.js';

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

describe('request limits and defaults (PGlite)', () => {
  let db: Db;
  let app: Running;
  const post = async (body: unknown, headers: Record<string, string> = JSON_HEADERS, path = '/graphql') => {
    const t0 = Date.now();
    const res = await fetch(app.url.replace('/graphql', path), { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let json: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } = {};
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON (413) */
    }
    return { status: res.status, ms: Date.now() - t0, headers: res.headers, text, ...json };
  };
  const stillAnswers = async () => {
    const r = await post({ query: ACCEPTANCE_QUERY });
    expect(r.errors).toBeUndefined();
    expect(r.data.transfers.totalCount).toBe(1);
  };

  beforeAll(async () => {
    db = await openDb({});
    app = await startServer(db, 0, { responseCache: false });
    await ingestGraph(db.prisma, zoomPolicy('limits-a.txt', 'Praxis Dr. Muster GmbH', 'Zoom Video Communications, Inc.', ['SCC']));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('listens on loopback by default', () => {
    expect(app.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('refuses a deeply nested query before it runs', async () => {
    let sel = 'name';
    for (let i = 0; i < 12; i++) sel = `engagements { edges { node { controller { ${sel} } } } }`;
    const r = await post({ query: `{ organization(name: "Zoom") { ${sel} } }` });
    expect(r.errors?.map((e) => e.message).join(' ')).toMatch(/depth limit/i);
    expect(r.data ?? null).toBeNull();
    await stillAnswers();
  });

  it('refuses four nested pages of 200 rows (an amplification) but answers the README questions', async () => {
    const q = `{ organizations(first: 200) { edges { node { engagements(first: 200) { edges { node { controller { engagements(first: 200) { edges { node { id } } } } } } } } } } }`;
    const r = await post({ query: q });
    expect(r.errors?.map((e) => e.extensions?.code)).toContain('QUERY_TOO_EXPENSIVE');
    const small = await post({ query: q.replaceAll('first: 200', 'first: 10') });
    expect(small.errors).toBeUndefined();
    await stillAnswers();
  });

  it('refuses an alias bomb', async () => {
    const q = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: dashboard { policies }`).join(' ')} }`;
    const r = await post({ query: q });
    expect(r.errors?.[0].message).toMatch(/alias/i);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('refuses a 1 MB string argument, NUL bytes and lone surrogates with a typed error', async () => {
    const q = 'query($c: String!) { transfers(filter: { country: $c }) { totalCount } }';
    for (const c of ['x'.repeat(1024 * 1024), 'U\u0000S', 'U\uD800S']) {
      const r = await post({ query: q, variables: { c } });
      expect(r.status).toBe(400);
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const inline = await post({ query: `{ transfers(filter: { country: "${'x'.repeat(100_000)}" }) { totalCount } }` });
    expect(inline.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await stillAnswers();
  });

  it('refuses a mutation sent as a browser form or text/plain (no preflight): CSRF', async () => {
    const mutation = 'mutation { ingestPolicy(input: { text: "Datenschutz", source: "csrf" }) { __typename } }';
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const body = type.startsWith('application/x-www') ? `query=${encodeURIComponent(mutation)}` : JSON.stringify({ query: mutation });
      const r = await post(body, { 'content-type': type });
      expect(r.status).toBe(403);
    }
    expect(await db.prisma.policy.count({ where: { source: 'csrf' } })).toBe(0);
  });

  it('sends no CORS headers unless origins are configured, and batching is off', async () => {
    const r = await post({ query: '{ dashboard { policies } }' }, { ...JSON_HEADERS, origin: 'https://evil.example' });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    const batch = await post([{ query: '{ dashboard { policies } }' }, { query: '{ dashboard { policies } }' }]);
    expect(batch.status).toBeGreaterThanOrEqual(400);
  });

  it('applies the body limit whatever the URL looks like', async () => {
    const big = JSON.stringify({ query: '{ dashboard { policies } }', variables: { x: 'y'.repeat(17 * 1024 * 1024) } });
    for (const path of ['/graphql', '/graphql?x=1', '/graphql/']) {
      const r = await post(big, JSON_HEADERS, path);
      expect(r.status).toBe(413);
    }
  });
});

describe('production mode (PGlite)', () => {
  let db: Db;
  let app: Running;
  beforeAll(async () => {
    db = await openDb({});
    app = await startServer(db, 0, { responseCache: false, production: true });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('turns GraphiQL, introspection and field suggestions off', async () => {
    const page = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('Policy Graph');
    const post = (query: string) => fetch(app.url, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query }) }).then((r) => r.json() as Promise<{ data?: unknown; errors?: { message: string }[] }>);
    const intro = await post('{ __schema { types { name } } }');
    expect(intro.errors?.[0].message).toMatch(/introspection/i);
    const typo = await post('{ dashbord { policies } }');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});
