// The four traversal questions over HTTP on the seed policies, on both engines. The expected
// answers come from the API's one-hop fields (transfers, organization.subprocessors,
// organization.controllers) where they can, and otherwise from what the seed texts state (the
// Salesforce parent link, the Planetscale sub-processor). Also: argument bounds and the row
// estimate of the query limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { gqlClient } from './helpers/http.js';
import type { Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { seedIfEmpty } from '../src/store/seed.js';

const CEGEDIM = 'Cegedim e-Business GmbH';

for (const name of SKIPPED_ENGINES) describe.skip(`traversal API on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('traversal API on the seeds, $name', (engine) => {
  let db: Db;
  let app: Running;
  let gql: ReturnType<typeof gqlClient>;
  let controllers: string[];
  beforeAll(async () => {
    db = await engine.open();
    expect((await seedIfEmpty(db.prisma)).filter((s) => s.error)).toEqual([]);
    app = await startServer(db, 0);
    gql = gqlClient(app.url);
    controllers = (await db.prisma.organization.findMany({ where: { policies: { some: {} } }, select: { name: true }, orderBy: { name: 'asc' } })).map((o) => o.name);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const r = await gql(query, variables);
    expect(r.errors).toBeUndefined();
    return r.data;
  };

  it("dataPaths: the one-hop paths are the controller's transfers to the country; each path ends there, shortest first", async () => {
    const data = await ok(
      `query($c: String!) {
        dataPaths(controller: $c, country: "USA") {
          controller { name } country { code } truncated
          paths { depth organizations { name } hops { kind roles from { name } to { name } evidence { quote } } arrival { from { name } country { code } mechanisms certainty evidence { quote } } }
        }
        transfers(filter: { controller: $c, country: "US" }, first: 200) { edges { node { recipient { name } mechanisms } } }
      }`,
      { c: CEGEDIM },
    );
    const d = data.dataPaths;
    expect(d).toMatchObject({ controller: { name: CEGEDIM }, country: { code: 'US' }, truncated: false });
    const direct = d.paths.filter((p: any) => p.depth === 1);
    const recipients = [...new Set(data.transfers.edges.map((e: any) => e.node.recipient.name))].sort();
    expect(recipients.length).toBeGreaterThanOrEqual(3);
    expect(direct.map((p: any) => p.organizations[1].name).sort()).toEqual(recipients);
    for (const p of direct) {
      const stated = data.transfers.edges.filter((e: any) => e.node.recipient.name === p.organizations[1].name).flatMap((e: any) => e.node.mechanisms);
      expect(p.arrival.mechanisms).toEqual([...new Set(stated)].sort());
      expect(p.arrival.evidence.length).toBeGreaterThanOrEqual(1);
      expect(p.hops[0]).toMatchObject({ kind: 'ENGAGEMENT', from: { name: CEGEDIM } });
    }
    expect(direct.find((p: any) => p.organizations[1].name === 'Salesforce.com Germany GmbH').arrival.mechanisms).toContain('BCR');
    expect(d.paths.map((p: any) => p.depth)).toEqual([...d.paths.map((p: any) => p.depth)].sort((a: number, b: number) => a - b));
    expect(d.paths.every((p: any) => p.arrival.country.code === 'US' && p.arrival.from.name === p.organizations.at(-1).name)).toBe(true);
  });

  it('exposure: Salesforce, Inc. reaches Cegedim through its German subsidiary (a parent link)', async () => {
    const data = await ok(`{ exposure(vendor: "Salesforce, Inc.") { vendor { name } truncated paths { controller { name } depth organizations { name } hops { kind roles evidence { quote } } } } }`);
    expect(data.exposure.vendor.name).toBe('Salesforce, Inc.');
    expect(data.exposure.paths.map((p: any) => p.organizations.map((o: any) => o.name))).toEqual([[CEGEDIM, 'Salesforce.com Germany GmbH', 'Salesforce, Inc.']]);
    const [engagement, parent] = data.exposure.paths[0].hops;
    expect(engagement).toMatchObject({ kind: 'ENGAGEMENT', roles: ['PROCESSOR'] });
    expect(parent.kind).toBe('PARENT');
    expect(parent.evidence.map((e: any) => e.quote).join(' ')).toMatch(/Salesforce/);
  });

  it("subprocessorChain: Planetscale's sub-processor, as organization.subprocessors states it", async () => {
    const data = await ok(`{
      subprocessorChain(organization: "Planetscale Inc.") { organization { name } links { depth organizations { name } hops { kind evidence { quote } } } }
      organization(name: "Planetscale Inc.") { subprocessors { edges { node { subprocessor { name } evidence { quote } } } } }
    }`);
    const stated = data.organization.subprocessors.edges.map((e: any) => e.node);
    expect(stated.length).toBeGreaterThanOrEqual(1);
    const oneHop = data.subprocessorChain.links.filter((l: any) => l.depth === 1);
    expect(oneHop.map((l: any) => l.organizations[1].name).sort()).toEqual(stated.map((s: any) => s.subprocessor.name).sort());
    expect(oneHop[0].organizations[1].name).toBe('Amazon Web Services EMEA SARL');
    expect(oneHop[0].hops[0].evidence.map((e: any) => e.quote).sort()).toEqual(stated[0].evidence.map((e: any) => e.quote).sort());
  });

  it('sharedVendors: the vendors two or more seed controllers engage, as organization.controllers says, most-shared first', async () => {
    expect(controllers).toHaveLength(5);
    const data = await ok(
      `query($cs: [String!]!) {
        sharedVendors(controllers: $cs) { controllers { name } vendors { vendor { name } controllers { controller { name } roles services { name } } sharedServices { name } } }
        organizations(filter: { isRecipient: true }, first: 200) { edges { node { name controllers { name } } } }
      }`,
      { cs: controllers },
    );
    const expected = data.organizations.edges
      .map((e: any) => ({ name: e.node.name, n: e.node.controllers.filter((c: any) => controllers.includes(c.name)).length }))
      .filter((v: any) => v.n >= 2);
    const vendors = data.sharedVendors.vendors;
    expect(vendors.map((v: any) => v.vendor.name).sort()).toEqual(expected.map((v: any) => v.name).sort());
    expect(vendors.map((v: any) => v.controllers.length)).toEqual(vendors.map((v: any) => v.controllers.length).sort((a: number, b: number) => b - a));
    const zoom = vendors.find((v: any) => v.vendor.name === 'Zoom Communications, Inc.');
    expect(zoom.controllers.length).toBe(3);
    expect(zoom.sharedServices.map((s: any) => s.name)).toContain('Zoom');
    const matomo = vendors.find((v: any) => v.vendor.name === 'InnoCraft Ltd.');
    expect(matomo.controllers.every((u: any) => u.roles.includes('SELF_HOSTED'))).toBe(true);
  });

  it('an Organization node id works wherever a name does', async () => {
    const { organization } = await ok(`{ organization(name: "${CEGEDIM}") { id } }`);
    const q = `query($c: String!) { dataPaths(controller: $c, country: "US") { controller { name } paths { organizations { name } } } }`;
    expect(await ok(q, { c: organization.id })).toEqual(await ok(q, { c: CEGEDIM }));
  });

  it('bad arguments are BAD_USER_INPUT errors that say what is allowed', async () => {
    const code = async (query: string) => {
      const r = await gql(query);
      return { code: (r.errors?.[0] as any)?.extensions?.code, message: r.errors?.[0]?.message };
    };
    expect(await code(`{ exposure(vendor: "Zoom", maxDepth: 7) { truncated } }`)).toEqual({ code: 'BAD_USER_INPUT', message: 'maxDepth must be between 1 and 6 (got 7).' });
    expect(await code(`{ exposure(vendor: "Zoom", maxDepth: 0) { truncated } }`)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await code(`{ subprocessorChain(organization: "Zoom", first: 1001) { truncated } }`)).toEqual({ code: 'BAD_USER_INPUT', message: 'first must be between 1 and 1000 (got 1001).' });
    expect(await code(`{ dataPaths(controller: "No Such Company GmbH", country: "US") { truncated } }`)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('No Such Company GmbH') });
    expect(await code(`{ dataPaths(controller: "${CEGEDIM}", country: "Atlantis") { truncated } }`)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('Atlantis') });
    expect(await code(`{ sharedVendors(controllers: ["${CEGEDIM}"]) { truncated } }`)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('between 2 and 50') });
  });

  it('first bounds the answer and says it was truncated', async () => {
    const data = await ok(`{ dataPaths(controller: "${CEGEDIM}", country: "US", first: 2) { truncated paths { organizations { name } } } all: dataPaths(controller: "${CEGEDIM}", country: "US") { paths { organizations { name } } } }`);
    expect(data.all.paths.length).toBeGreaterThan(2);
    expect(data.dataPaths).toEqual({ truncated: true, paths: data.all.paths.slice(0, 2) });
  });

  it('the row estimate counts each traversal: deep, wide traversals in one query are refused before they run', async () => {
    const one = (i: number) => `t${i}: exposure(vendor: "Zoom", maxDepth: 6, first: 1000) { paths { controller { name } organizations { name } hops { kind roles evidence { quote } } } }`;
    const r = await gql(`{ ${[0, 1, 2, 3].map(one).join(' ')} }`);
    expect(r.errors?.map((e: any) => e.extensions?.code)).toContain('QUERY_TOO_EXPENSIVE');
    const small = await gql(`{ ${one(0).replace('first: 1000', 'first: 100')} }`);
    expect(small.errors).toBeUndefined();
  });
});
