// The SQL traversals on a synthetic graph ingested through the store (tests/helpers/
// traversal-graph.ts draws it): chains, a diamond, a cycle, a parent link, a self-hosted dead
// end, depth limits, `first`, and a superseded version that drops a link — against answers
// worked out by hand, on PGlite and on a PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { ingestTraversalGraph, orgIds, ORGS, talblick } from './helpers/traversal-graph.js';
import type { Db } from '../src/db.js';
import { ingestGraph } from '../src/store/ingest.js';
import { comparePaths } from '../src/traversal/order.js';
import { SqlTraversal } from '../src/traversal/sql.js';
import { ARRIVAL_EVIDENCE, type Hop } from '../src/traversal/types.js';
import { policy, recipient, transfer } from './helpers/fixtures.js';

type Key = keyof typeof ORGS;

for (const name of SKIPPED_ENGINES) describe.skip(`SQL traversals on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('SQL traversals on $name', (engine) => {
  let db: Db;
  let sql: SqlTraversal;
  let id: Record<Key, string>;
  let key: Map<string, Key>;
  /** A path as the fixture's short names, e.g. "nordlicht>kumulus>orbit". */
  const names = (orgs: string[]) => orgs.map((o) => key.get(o) ?? o).join('>');
  const sortedNames = (paths: { organizations: string[] }[]) => paths.map((p) => names(p.organizations)).sort();

  beforeAll(async () => {
    db = await engine.open();
    await ingestTraversalGraph(db.prisma);
    sql = new SqlTraversal(db.prisma);
    id = await orgIds(db.prisma);
    key = new Map(Object.entries(id).map(([k, v]) => [v, k as Key]));
  });
  afterAll(async () => {
    await db?.close();
  });

  const dataPaths = (maxDepth = 4, first = 100) => sql.dataPaths({ controller: id.nordlicht, country: 'US', maxDepth, first });

  it('dataPaths: the direct recipient, the chain through the diamond and the parent; not the self-hosted vendor; cycles cut', async () => {
    const paths = await dataPaths();
    expect(sortedNames(paths)).toEqual(['nordlicht>kumulus', 'nordlicht>kumulus>orbit>holdings', 'nordlicht>kumulus>orbit>quarz', 'nordlicht>kumulus>pixel>quarz']);
    expect([...paths].sort(comparePaths)).toEqual(paths);
    expect(paths.every((p) => p.controller === id.nordlicht && p.arrival.country === 'US' && p.arrival.from === p.organizations.at(-1))).toBe(true);
  });

  it("dataPaths: a one-hop path arrives by the controller's own transfers only; a deeper one by any current policy's", async () => {
    const paths = await dataPaths();
    const direct = paths.find((p) => names(p.organizations) === 'nordlicht>kumulus')!;
    // Talblick's BCR transfer of Kumulus is Talblick's legal footing, not Nordlicht's
    expect(direct.arrival).toMatchObject({ mechanisms: ['SCC'], certainty: 'STATED' });
    expect(direct.arrival.evidence.map((e) => e.quote)).toEqual(['Kumulus Mail verarbeitet Adressen in den USA auf Grundlage der Standardvertragsklauseln.']);
    const viaQuarz = paths.filter((p) => p.arrival.from === id.quarz);
    expect(viaQuarz.map((p) => p.arrival.mechanisms)).toEqual([['DPF'], ['DPF']]);
    expect(viaQuarz.map((p) => p.arrival.transfers)).toEqual([1, 1]);
    expect(direct.arrival.transfers).toBe(1);
  });

  it('dataPaths: every hop with its kind, roles and evidence, aggregated over the policies that state it', async () => {
    const p = (await dataPaths()).find((x) => names(x.organizations) === 'nordlicht>kumulus>orbit>holdings')!;
    const brief = (h: Hop) => ({ kind: h.kind, from: key.get(h.from), to: key.get(h.to), roles: h.roles, quotes: h.evidence.map((e) => e.quote).sort() });
    expect(p.hops.map(brief)).toEqual([
      { kind: 'ENGAGEMENT', from: 'nordlicht', to: 'kumulus', roles: ['PROCESSOR'], quotes: ['Kumulus Mail Inc. wird eingesetzt.', 'Wir setzen Kumulus Mail Inc. als Auftragsverarbeiter ein.'] },
      { kind: 'SUBPROCESSOR', from: 'kumulus', to: 'orbit', roles: [], quotes: ['Kumulus Mail betreibt seine Server bei Orbit Hosting.', 'Kumulus Mail hostet seine Dienste bei Orbit Hosting.'] },
      { kind: 'PARENT', from: 'orbit', to: 'holdings', roles: [], quotes: ['Orbit Hosting ist eine Tochter der Orbit Holdings Inc.'] },
    ]);
    expect(p.arrival).toMatchObject({ mechanisms: [], certainty: 'POSSIBLE', evidence: [{ quote: 'Orbit Holdings kann Daten auch in den USA verarbeiten.' }] });
    for (const h of p.hops) expect(h.evidence.map((e) => e.id)).toEqual(h.evidence.map((e) => e.id).sort());
  });

  it('dataPaths: maxDepth bounds the hops; first returns a prefix of the ordered answer', async () => {
    expect(sortedNames(await dataPaths(1))).toEqual(['nordlicht>kumulus']);
    expect(sortedNames(await dataPaths(2))).toEqual(['nordlicht>kumulus']);
    expect(await dataPaths(3)).toEqual(await dataPaths(6));
    expect(await dataPaths(4, 2)).toEqual((await dataPaths()).slice(0, 2));
    expect(await sql.dataPaths({ controller: id.nordlicht, country: 'DE', maxDepth: 4, first: 100 })).toEqual([]);
  });

  it('subprocessorChain: every path of sub-processor links below, the cycle cut, parents not followed', async () => {
    const chain = (o: Key, maxDepth = 4) => sql.subprocessorChain({ organization: id[o], maxDepth, first: 100 });
    const k = await chain('kumulus');
    expect(sortedNames(k)).toEqual(['kumulus>orbit', 'kumulus>orbit>quarz', 'kumulus>pixel', 'kumulus>pixel>quarz']);
    expect([...k].sort(comparePaths)).toEqual(k);
    expect(k.flatMap((l) => l.hops).every((h) => h.kind === 'SUBPROCESSOR' && h.roles.length === 0 && h.evidence.length >= 1)).toBe(true);
    expect(sortedNames(await chain('quarz'))).toEqual(['quarz>kumulus', 'quarz>kumulus>orbit', 'quarz>kumulus>pixel']);
    expect(sortedNames(await chain('kumulus', 1))).toEqual(['kumulus>orbit', 'kumulus>pixel']);
    expect(await chain('holdings')).toEqual([]);
  });

  it('exposure: every controller whose data reaches the vendor, with the path; self-hosted does not count', async () => {
    const exposure = (v: Key, maxDepth = 4) => sql.exposure({ vendor: id[v], maxDepth, first: 100 });
    const q = await exposure('quarz');
    expect(sortedNames(q)).toEqual([
      'nordlicht>kumulus>orbit>quarz',
      'nordlicht>kumulus>pixel>quarz',
      'sonnenweg>quarz',
      'talblick>kumulus>orbit>quarz',
      'talblick>kumulus>pixel>quarz',
      'talblick>orbit>quarz',
      'talblick>pixel>quarz',
      'talblick>quarz',
    ]);
    expect([...q].sort(comparePaths)).toEqual(q);
    expect(q.every((e) => e.controller === e.organizations[0] && e.hops[0]!.kind === 'ENGAGEMENT' && e.hops.slice(1).every((h) => h.kind !== 'ENGAGEMENT'))).toBe(true);
    expect(sortedNames(await exposure('quarz', 2))).toEqual(['sonnenweg>quarz', 'talblick>orbit>quarz', 'talblick>pixel>quarz', 'talblick>quarz']);
    expect(sortedNames(await exposure('holdings'))).toEqual([
      'nordlicht>kumulus>orbit>holdings',
      'sonnenweg>holdings',
      'sonnenweg>quarz>kumulus>orbit>holdings',
      'talblick>kumulus>orbit>holdings',
      'talblick>orbit>holdings',
      'talblick>quarz>kumulus>orbit>holdings',
    ]);
    expect(await exposure('selbst')).toEqual([]);
  });

  it('sharedVendors: recipients two or more of the controllers engage, with roles and shared services', async () => {
    const shared = await sql.sharedVendors({ controllers: [id.nordlicht, id.sonnenweg, id.talblick], first: 100 });
    expect(shared.map((v) => key.get(v.vendor)).sort()).toEqual(['kumulus', 'quarz']);
    expect(shared.map((v) => v.vendor)).toEqual([id.kumulus, id.quarz].sort());
    const kumulus = shared.find((v) => v.vendor === id.kumulus)!;
    expect(kumulus.controllers.map((u) => u.controller)).toEqual([id.nordlicht, id.talblick].sort());
    expect(kumulus.controllers.map((u) => u.roles)).toEqual([['PROCESSOR'], ['PROCESSOR']]);
    const newsletter = await db.prisma.service.findFirstOrThrow({ where: { name: 'Kumulus Newsletter' } });
    expect(kumulus.sharedServices).toEqual([newsletter.id]);
    expect(kumulus.controllers.every((u) => u.services.includes(newsletter.id) && u.evidence.length >= 1)).toBe(true);
    expect(shared.find((v) => v.vendor === id.quarz)!.sharedServices).toEqual([]);
    expect(await sql.sharedVendors({ controllers: [id.nordlicht, id.sonnenweg], first: 100 })).toEqual([]);
    expect(await sql.sharedVendors({ controllers: [id.nordlicht, id.sonnenweg, id.talblick], first: 1 })).toEqual(shared.slice(0, 1));
  });

  // last: these change the graph (a new Talblick version, then more controllers of Quarz)
  it('a new version that drops a link drops the paths through it; the superseded version no longer counts', async () => {
    const v2 = await ingestGraph(db.prisma, talblick(false));
    expect(v2.created).toBe(true);
    expect(sortedNames(await dataPaths())).toEqual(['nordlicht>kumulus', 'nordlicht>kumulus>orbit>holdings', 'nordlicht>kumulus>pixel>quarz']);
    expect(await sql.subprocessorChain({ organization: id.orbit, maxDepth: 4, first: 100 })).toEqual([]);
    expect(sortedNames(await sql.exposure({ vendor: id.quarz, maxDepth: 4, first: 100 }))).toEqual([
      'nordlicht>kumulus>pixel>quarz',
      'sonnenweg>quarz',
      'talblick>kumulus>pixel>quarz',
      'talblick>pixel>quarz',
      'talblick>quarz',
    ]);
  });

  it('an arrival counts every transfer but carries the evidence of only the ARRIVAL_EVIDENCE lowest ids', async () => {
    for (let i = 0; i < ARRIVAL_EVIDENCE + 2; i++) {
      const quote = `Quarz Backup speichert die Daten von Kunde ${i} in den USA.`;
      await ingestGraph(db.prisma, policy(`kunde-${i}.txt`, `Kunde ${i} GmbH`, [recipient(ORGS.quarz, { transfers: [transfer('US', i % 2 ? ['SCC'] : [], quote, 'possible')] })]));
    }
    const p = (await dataPaths()).find((x) => names(x.organizations) === 'nordlicht>kumulus>pixel>quarz')!;
    expect(p.arrival).toMatchObject({ transfers: ARRIVAL_EVIDENCE + 3, mechanisms: ['DPF', 'SCC'], certainty: 'STATED' });
    const all = await db.prisma.evidence.findMany({ where: { transfer: { recipientId: id.quarz, countryCode: 'US' } }, select: { id: true } });
    expect(p.arrival.evidence.map((e) => e.id)).toEqual(all.map((e) => e.id).sort().slice(0, ARRIVAL_EVIDENCE));
  });
});
