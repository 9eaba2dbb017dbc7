// The GraphQL API over HTTP against a real listening server (ephemeral port), on PGlite and
// on the PostgreSQL server at TEST_DATABASE_URL.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { gqlClient, writeKeyHeader } from './helpers/http.js';
import { policy, recipient, transfer, zoomPolicy, ev } from './helpers/fixtures.js';
import type { Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { EXAMPLE_QUERY } from '../src/graphql/examples.js';
import { ingestGraph } from '../src/store/ingest.js';
import { ExtractError } from '../src/extract/errors.js';
import type { PolicyGraph } from '../src/extract/types.js';

import { ACCEPTANCE_QUERY as ACCEPTANCE } from './helpers/queries.js';

/** Stand-in extractor for mutation tests: JSON PolicyGraph in, graph out; anything else is not a policy. */
function fakeExtract(input: string | Uint8Array): PolicyGraph {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (text.trimStart().startsWith('{')) return JSON.parse(text) as PolicyGraph;
  if (text.includes('Datenschutz')) return policy('fetched', 'Fetched GmbH', [recipient('Fetched Vendor GmbH')], text);
  throw new ExtractError('NOT_A_POLICY', 'the text does not read as a privacy policy');
}

const INGEST = `mutation($input: IngestPolicyInput!) {
  ingestPolicy(input: $input) {
    __typename
    ... on IngestPolicySuccess { created version { id contentHash isCurrent policy { source } } summary { recipients transfers countries } }
    ... on Error { message }
    ... on InvalidInputError { code }
    ... on FetchFailedError { code status url }
  }
}`;

for (const name of SKIPPED_ENGINES) describe.skip(`API over HTTP on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('API over HTTP on $name', (engine) => {
  let db: Db;
  let app: Running;
  let gql: ReturnType<typeof gqlClient>;
  let origin: Server;
  let originUrl: string;

  beforeAll(async () => {
    db = await engine.open();
    // the budget is well under /slow.html's 3 s, and well over what a local answer takes on a loaded 2-core machine (300 ms timed out there)
    app = await startServer(db, 0, { ingestOptions: { extract: fakeExtract, timeoutMs: 1500, maxBytes: 64 * 1024, allowPrivateNetwork: true } });
    gql = gqlClient(app.url, await writeKeyHeader(db.prisma));
    // A local "web" for URL ingestion.
    origin = createServer((req, res) => {
      if (req.url === '/policy.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Datenschutzerklärung</h1><p>Datenschutz ist uns wichtig.</p>');
      else if (req.url === '/image.png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10));
      else if (req.url === '/huge.html') res.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(200 * 1024));
      else if (req.url === '/redirect') res.writeHead(302, { location: '/policy.html' }).end();
      else if (req.url === '/slow.html') setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('late'), 3000);
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', () => r()));
    originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;

    await ingestGraph(db.prisma, zoomPolicy('seed-a.txt', 'Praxis Dr. Muster GmbH', 'Zoom Video Communications, Inc.', ['SCC']));
    await ingestGraph(db.prisma, zoomPolicy('seed-b.txt', 'Kanzlei Beispiel PartG', 'Zoom Communications Inc.', ['DPF', 'SCC']));
    await ingestGraph(
      db.prisma,
      policy('seed-c.txt', 'Shop Ohne Zoom GmbH', [
        recipient('Google Ireland Limited', { services: ['Google Analytics'], transfers: [transfer('US', ['DPF'], 'Google Analytics kann Daten in die USA übertragen.', 'possible')] }),
        recipient('Zoom Communications, Inc.', { services: ['Zoom'], transfers: [transfer('IN', [], 'Zoom verarbeitet Daten auch in Indien.')] }),
        recipient('Obscure Analytics Ltd', {
          country: 'IN',
          transfers: [transfer(null, [], 'Daten können in Drittländer übermittelt werden.', 'possible')],
          subprocessors: [{ name: 'Amazon Web Services, Inc.', evidence: ev('Obscure nutzt AWS als Unterauftragsverarbeiter.') }],
          parent: { name: 'Obscure Holdings Inc.', evidence: ev('Obscure gehört zur Obscure Holdings Inc.') },
        }),
      ]),
    );
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((r) => origin?.close(r));
    await db?.close();
  });

  it('answers the acceptance query exactly as written', async () => {
    const { status, data, errors } = await gql(ACCEPTANCE);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    const t = data.transfers;
    expect(t.totalCount).toBe(2);
    const nodes = t.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.controller.name).sort()).toEqual(['Kanzlei Beispiel PartG', 'Praxis Dr. Muster GmbH']);
    for (const n of nodes) {
      expect(n.recipient.name).toBe('Zoom Communications, Inc.');
      expect(n.service.name).toBe('Zoom');
      expect(n.country.code).toBe('US');
      expect(n.certainty).toBe('STATED');
      expect(n.evidence[0].quote).toMatch(/USA/);
      expect(n.evidence[0].section).toBe('Datenübermittlung in Drittländer');
    }
    expect(nodes.find((n: any) => n.controller.name.startsWith('Kanzlei')).mechanisms.sort()).toEqual(['DPF', 'SCC']);
    expect(nodes.find((n: any) => n.controller.name.startsWith('Praxis')).mechanisms).toEqual(['SCC']);
  });

  it('filters transfers by mechanism, certainty, third country, vendor, controller; paginates', async () => {
    const q = (f: string) => gql(`{ transfers(filter: ${f}) { totalCount edges { node { controller { name } country { code } } } } }`);
    expect((await q('{ mechanism: DPF }')).data.transfers.totalCount).toBe(2);
    expect((await q('{ certainty: POSSIBLE }')).data.transfers.totalCount).toBe(2);
    expect((await q('{ noMechanism: true, thirdCountry: true }')).data.transfers.totalCount).toBe(2);
    expect((await q('{ vendor: "Zoom Video Communications Inc" }')).data.transfers.totalCount).toBe(3);
    expect((await q('{ service: "google analytics" }')).data.transfers.totalCount).toBe(1);
    // case-insensitive, and a catalog alias of the service ("Zoom Meetings", "Zoom Video") finds it too
    expect((await q('{ service: "ZOOM", country: "us" }')).data.transfers.totalCount).toBe(2);
    expect((await q('{ service: "Zoom Meetings", country: "US" }')).data.transfers.totalCount).toBe(2);
    expect((await q('{ service: "Zoom Video Communications, Inc.", country: "US" }')).data.transfers.totalCount).toBe(2);
    expect((await q('{ service: "Google Analytics", country: "US", mechanism: SCC }')).data.transfers.totalCount).toBe(0);
    expect((await q('{ controller: "Shop Ohne Zoom" }')).data.transfers.totalCount).toBe(3);
    expect((await q('{ country: "Vereinigte Staaten" }')).data.transfers.totalCount).toBe(3);
    const page1 = await gql(`{ transfers(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`);
    expect(page1.data.transfers.edges).toHaveLength(2);
    expect(page1.data.transfers.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(`query($c: String) { transfers(first: 10, after: $c) { edges { node { id } } } }`, { c: page1.data.transfers.pageInfo.endCursor });
    expect(page2.data.transfers.edges).toHaveLength(page1.data.transfers.totalCount - 2);
  });

  it('serves Relay node and nodes', async () => {
    const ids = (await gql(`{ transfers(first: 2) { edges { node { id } } } organizations(first: 1) { edges { node { id name } } } }`)).data;
    const tid = ids.transfers.edges[0].node.id;
    const oid = ids.organizations.edges[0].node.id;
    const { data, errors } = await gql(`query($t: ID!, $ids: [ID!]!) {
      node(id: $t) { __typename id ... on Transfer { mechanisms country { code } } }
      nodes(ids: $ids) { __typename ... on Organization { name } ... on Transfer { certainty } }
    }`, { t: tid, ids: [oid, tid] });
    expect(errors).toBeUndefined();
    expect(data.node).toMatchObject({ __typename: 'Transfer', id: tid });
    expect(data.nodes.map((n: any) => n.__typename)).toEqual(['Organization', 'Transfer']);
    expect(data.nodes[0].name).toBe(ids.organizations.edges[0].node.name);
  });

  it('answers footprint, vendor tree, risk and dashboard questions', async () => {
    const { data, errors } = await gql(`{
      zoom: organization(name: "Zoom") { name aliases country { code } controllers { name }
        engagements { totalCount edges { node { role controller { name } } } }
        firstProcessor: engagements(role: PROCESSOR, first: 1) { totalCount edges { node { role } } pageInfo { hasNextPage } }
        noJointControl: engagements(role: JOINT_CONTROLLER) { totalCount }
        transfers { totalCount } }
      shop: organization(name: "Shop Ohne Zoom GmbH") {
        vendors { totalCount edges { node { recipient { name parent { name } subprocessors { edges { node { subprocessor { name } evidence { quote } } } } } } } } }
      transfersWithoutMechanism { totalCount edges { node { recipient { name } country { code } } } }
      thirdCountryRecipients { totalCount edges { node { name country { code } seatedInThirdCountry } } }
      organizations(filter: { role: PROCESSOR, seat: "US" }) { totalCount }
      services(name: "zoom") { totalCount edges { node { name organization { name } transfers { totalCount } } } }
      policies { totalCount edges { node { source controller { name } currentVersion { isCurrent lastUpdated } } } }
      countries(withTransfers: true) { code nameDe thirdCountry }
      dashboard { policies transfers thirdCountryTransfers transfersWithoutMechanism
        byCountry { countryCode count } byMechanism { mechanism count } topVendors { organization { name } controllers } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.zoom.name).toBe('Zoom Communications, Inc.');
    expect(data.zoom.aliases).toContain('Zoom Video Communications, Inc.');
    expect(data.zoom.country.code).toBe('US');
    expect(data.zoom.controllers).toHaveLength(3);
    expect(data.zoom.engagements.totalCount).toBe(3);
    expect(data.zoom.firstProcessor).toEqual({ totalCount: 3, edges: [{ node: { role: 'PROCESSOR' } }], pageInfo: { hasNextPage: true } });
    expect(data.zoom.noJointControl.totalCount).toBe(0);
    expect(data.zoom.transfers.totalCount).toBe(3);
    const obscure = data.shop.vendors.edges.map((e: any) => e.node.recipient).find((r: any) => r.name === 'Obscure Analytics Ltd');
    expect(obscure.parent.name).toBe('Obscure Holdings Inc.');
    expect(obscure.subprocessors.edges[0].node.subprocessor.name).toBe('Amazon Web Services, Inc.');
    expect(data.transfersWithoutMechanism.totalCount).toBe(2);
    expect(data.thirdCountryRecipients.edges.map((e: any) => e.node.name)).toContain('Obscure Analytics Ltd');
    expect(data.organizations.totalCount).toBeGreaterThanOrEqual(1);
    expect(data.services.edges[0].node).toMatchObject({ name: 'Zoom', organization: { name: 'Zoom Communications, Inc.' } });
    expect(data.policies.totalCount).toBe(3);
    expect(data.countries.map((c: any) => c.code)).toEqual(['IN', 'US']);
    expect(data.dashboard).toMatchObject({ policies: 3, transfers: 5, thirdCountryTransfers: 5, transfersWithoutMechanism: 2 });
    expect(data.dashboard.byCountry[0]).toEqual({ countryCode: 'US', count: 3 });
    expect(data.dashboard.topVendors[0]).toMatchObject({ organization: { name: 'Zoom Communications, Inc.' }, controllers: 3 });
  });

  it('ingestPolicy: success, idempotent re-ingestion, and a new version at the same source', async () => {
    const g = zoomPolicy('mut.txt', 'Mutation Verein e. V.', 'Zoom Video Communications, Inc.', ['BCR']);
    const a = await gql(INGEST, { input: { text: JSON.stringify(g), source: 'https://verein.example/datenschutz' } });
    expect(a.data.ingestPolicy).toMatchObject({ __typename: 'IngestPolicySuccess', created: true, summary: { recipients: 2, transfers: 1, countries: ['US'] } });
    const b = await gql(INGEST, { input: { text: JSON.stringify(g), source: 'https://verein.example/datenschutz' } });
    expect(b.data.ingestPolicy.created).toBe(false);
    expect(b.data.ingestPolicy.version.id).toBe(a.data.ingestPolicy.version.id);
    expect((await gql(ACCEPTANCE)).data.transfers.totalCount).toBe(3);

    const g2 = zoomPolicy('mut.txt', 'Mutation Verein e. V.', 'Zoom Video Communications, Inc.', ['ART49']);
    g2.text += ' Neue Fassung.';
    const c = await gql(INGEST, { input: { text: JSON.stringify(g2), source: 'https://verein.example/datenschutz' } });
    expect(c.data.ingestPolicy.created).toBe(true);
    expect(c.data.ingestPolicy.version.id).not.toBe(a.data.ingestPolicy.version.id);
    const acc = (await gql(ACCEPTANCE)).data.transfers;
    expect(acc.totalCount).toBe(3);
    const verein = acc.edges.map((e: any) => e.node).find((n: any) => n.controller.name === 'Mutation Verein e. V.');
    expect(verein.mechanisms).toEqual(['ART49']);
    const old = await gql(`query($id: ID!) { node(id: $id) { ... on PolicyVersion { isCurrent } } }`, { id: a.data.ingestPolicy.version.id });
    expect(old.data.node.isCurrent).toBe(false);
  });

  it('ingestPolicy: bad input comes back as typed errors, never a 500', async () => {
    const r = async (input: Record<string, unknown>) => {
      const res = await gql(INGEST, { input });
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      return res.data.ingestPolicy;
    };
    expect(await r({ text: '   ' })).toMatchObject({ __typename: 'InvalidInputError', code: 'EMPTY' });
    expect(await r({ text: 'x', url: 'https://a.example' })).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_REQUEST' });
    expect(await r({})).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_REQUEST' });
    expect(await r({ text: 'x'.repeat(70 * 1024) })).toMatchObject({ __typename: 'InvalidInputError', code: 'TOO_LARGE' });
    expect(await r({ text: 'Ein Rezept für Apfelkuchen.' })).toMatchObject({ __typename: 'NotAPolicyError' });
    expect(await r({ url: 'ftp://example.com/x' })).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_URL' });
    expect(await r({ url: 'not a url' })).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_URL' });
    expect(await r({ url: `${originUrl}/image.png` })).toMatchObject({ __typename: 'FetchFailedError', code: 'CONTENT_TYPE' });
    expect(await r({ url: `${originUrl}/missing` })).toMatchObject({ __typename: 'FetchFailedError', code: 'HTTP_STATUS', status: 404 });
    expect(await r({ url: `${originUrl}/huge.html` })).toMatchObject({ __typename: 'FetchFailedError', code: 'TOO_LARGE' });
    expect(await r({ url: `${originUrl}/slow.html` })).toMatchObject({ __typename: 'FetchFailedError', code: 'TIMEOUT' });
    expect(await r({ url: 'http://127.0.0.1:1/nothing' })).toMatchObject({ __typename: 'FetchFailedError', code: 'NETWORK' });
    // a redirect's policy is the page it ends at: fetching that page directly finds it stored
    const redirected = await r({ url: `${originUrl}/redirect#top` });
    expect(redirected).toMatchObject({ __typename: 'IngestPolicySuccess', created: true, version: { policy: { source: `${originUrl}/policy.html` } } });
    const ok = await r({ url: `${originUrl.replace('http://', 'HTTP://')}/policy.html` });
    expect(ok).toMatchObject({ __typename: 'IngestPolicySuccess', created: false, version: { policy: { source: `${originUrl}/policy.html` } } });
    // malformed GraphQL is a 400 with a message, not a 500
    const bad = await gql(`mutation { ingestPolicy(input: { text: 1 }) { __typename } }`);
    expect(bad.status).toBe(400);
    expect(bad.errors?.[0].message).toBeTruthy();
  });

  it('by default refuses URLs on private or local addresses (SSRF)', async () => {
    const strict = await startServer(db, 0, { ingestOptions: { extract: fakeExtract, timeoutMs: 1500 } });
    try {
      for (const url of [`${originUrl}/policy.html`, 'http://localhost:1/', 'http://[::1]/', 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/']) {
        const res = await gqlClient(strict.url, await writeKeyHeader(db.prisma))(INGEST, { input: { url } });
        expect(res.data.ingestPolicy, url).toMatchObject({ __typename: 'FetchFailedError', code: 'BLOCKED' });
      }
    } finally {
      await strict.close();
    }
  });

  it('concurrent ingestPolicy calls naming the same vendor from many policies create one vendor node', async () => {
    const graphs = Array.from({ length: 10 }, (_, i) =>
      policy(`conc-api-${i}`, `Parallel ${i} GmbH`, [
        recipient(i % 2 ? 'Zoom Video Communications, Inc.' : 'Zoom Communications Inc.', { services: ['Zoom'], transfers: [transfer('US', ['SCC'], 'Zoom überträgt Daten in die USA.')] }),
        recipient('Brandneu Parallel Hosting GmbH', { country: 'DE' }),
      ]),
    );
    const results = await Promise.all(graphs.map((g) => gql(INGEST, { input: { text: JSON.stringify(g) } })));
    expect(results.map((r) => r.data.ingestPolicy.__typename)).toEqual(Array(10).fill('IngestPolicySuccess'));
    const { data } = await gql(`{ organizations(filter: { name: "zoom communications" }) { totalCount }
      hosting: organizations(filter: { name: "Brandneu Parallel Hosting" }) { totalCount edges { node { engagements { totalCount } } } } }`);
    expect(data.organizations.totalCount).toBe(1);
    expect(data.hosting.totalCount).toBe(1);
    expect(data.hosting.edges[0].node.engagements.totalCount).toBe(10);
  });

  it('serves GraphiQL at /graphql opening on the Zoom query', async () => {
    const res = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    expect(html).toContain(JSON.stringify(EXAMPLE_QUERY).slice(1, 40));
  });
});
