// What `npm start` does on an empty database — ingest seed/ through the real extractor and the
// same ingestion path — then the acceptance query over HTTP, on both engines. The expected
// answer is derived from the extractor's own output for the seeds, so the test checks that
// the store and the API answer exactly what the policies state.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { gqlClient, writeKeyHeader } from './helpers/http.js';
import type { Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { seedFiles, seedIfEmpty } from '../src/store/seed.js';
import { extractPolicy } from '../src/extract/index.js';
import { ACCEPTANCE_QUERY } from './helpers/queries.js';

const files = seedFiles();

function expectedZoomUs() {
  const out: { controller: string; mechanisms: string[] }[] = [];
  for (const f of files) {
    const g = extractPolicy(readFileSync(f, 'utf8'), { doc: f });
    for (const r of g.recipients) {
      if (!/zoom/i.test([r.name, ...r.aliases, ...r.services].join(' '))) continue;
      for (const t of r.transfers) if (t.country === 'US') out.push({ controller: g.controller.name!, mechanisms: [...t.mechanisms].sort() });
    }
  }
  return out.sort((a, b) => a.controller.localeCompare(b.controller));
}

for (const name of SKIPPED_ENGINES) describe.skip(`seeds on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('seeds on $name', (engine) => {
  let db: Db;
  let app: Running;
  beforeAll(async () => {
    db = await engine.open();
    app = await startServer(db, 0);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('an empty database gets the seed policies; a non-empty one is left alone', async () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    const seeded = await seedIfEmpty(db.prisma);
    expect(seeded.filter((s) => s.error)).toEqual([]);
    expect(seeded).toHaveLength(files.length);
    expect(await seedIfEmpty(db.prisma)).toEqual([]);
    expect(await db.prisma.policy.count()).toBe(files.length);
  });

  it('the acceptance query returns exactly the seed controllers that send data to the US via Zoom', async () => {
    const expected = expectedZoomUs();
    expect(expected.length).toBeGreaterThanOrEqual(1);
    const { data, errors } = await gqlClient(app.url)(ACCEPTANCE_QUERY);
    expect(errors).toBeUndefined();
    const nodes = data.transfers.edges.map((e: any) => e.node);
    expect(data.transfers.totalCount).toBe(expected.length);
    expect(
      nodes.map((n: any) => ({ controller: n.controller.name, mechanisms: [...n.mechanisms].sort() })).sort((a: any, b: any) => a.controller.localeCompare(b.controller)),
    ).toEqual(expected);
    for (const n of nodes) {
      expect(n.country.code).toBe('US');
      expect(n.recipient.name).toMatch(/^Zoom/);
      expect(n.evidence.length).toBeGreaterThan(0);
      expect(n.evidence[0].quote.length).toBeGreaterThan(10);
    }
    // one Zoom organization however the seeds name it
    const zoom = await gqlClient(app.url)(`{ organizations(filter: { name: "Zoom" }) { totalCount edges { node { name aliases } } } }`);
    expect(zoom.data.organizations.edges.filter((e: any) => /^Zoom Communications/.test(e.node.name))).toHaveLength(1);
  });

  it('the dashboard orders tied vendors by name, so the same graph always shows the same top list', async () => {
    const { data, errors } = await gqlClient(app.url)('{ dashboard(top: 5) { topVendors { organization { name } controllers engagements } } }');
    expect(errors).toBeUndefined();
    const top = data.dashboard.topVendors as { organization: { name: string }; controllers: number; engagements: number }[];
    expect(top.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < top.length; i++) {
      const [a, b] = [top[i - 1], top[i]];
      const order = b.controllers - a.controllers || b.engagements - a.engagements || (a.organization.name < b.organization.name ? -1 : 1);
      expect(order, `${a.organization.name} before ${b.organization.name}`).toBeLessThan(0);
    }
  });

  it('ingestPolicy with the real extractor: texts without a source are separate policies; HTML; not a policy', async () => {
    const gql = gqlClient(app.url, await writeKeyHeader(db.prisma));
    const M = `mutation($input: IngestPolicyInput!) { ingestPolicy(input: $input) { __typename
      ... on IngestPolicySuccess { created version { id policy { source } } summary { recipients } } ... on Error { message } } }`;
    const [a, b] = files.slice(3, 5).map((f) => readFileSync(f, 'utf8') + '\nÄnderung: neue Fassung.');
    const ra = (await gql(M, { input: { text: a } })).data.ingestPolicy;
    const rb = (await gql(M, { input: { text: b } })).data.ingestPolicy;
    expect(ra).toMatchObject({ __typename: 'IngestPolicySuccess', created: true });
    expect(rb).toMatchObject({ __typename: 'IngestPolicySuccess', created: true });
    expect(ra.version.policy.source).not.toBe(rb.version.policy.source);
    const again = (await gql(M, { input: { text: a } })).data.ingestPolicy;
    expect(again).toMatchObject({ created: false, version: { id: ra.version.id } });
    const html = `<html><body><h1>Datenschutzerklärung</h1><p>${readFileSync(files[0], 'utf8').split('\n').join('</p><p>')}</p></body></html>`;
    const rh = (await gql(M, { input: { html, source: 'https://example.org/datenschutz' } })).data.ingestPolicy;
    expect(rh).toMatchObject({ __typename: 'IngestPolicySuccess', created: true, version: { policy: { source: 'https://example.org/datenschutz' } } });
    expect(rh.summary.recipients).toBeGreaterThan(0);
    const notPolicy = (await gql(M, { input: { text: 'Apfelkuchen: 500 g Mehl, 250 g Butter, 4 Äpfel. Bei 180 Grad 45 Minuten backen.' } })).data.ingestPolicy;
    expect(notPolicy.__typename).toBe('NotAPolicyError');
    const binary = (await gql(M, { input: { text: '\u0000\u0001\u0002PK\u0003\u0004' + '\u0000'.repeat(100) } })).data.ingestPolicy;
    expect(binary.__typename).toBe('InvalidInputError');
  });
});
