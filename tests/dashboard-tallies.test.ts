// The dashboard reads tallies the ingest transaction keeps; after new policies, new versions
// that supersede old ones, an earlier text coming back and a batch, they must equal the
// aggregates recomputed from every current transfer and engagement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { policy, recipient, transfer, zoomPolicy } from './helpers/fixtures.js';
import type { Db } from '../src/db.js';
import { ingestGraph, ingestGraphs } from '../src/store/ingest.js';
import { dashboard } from '../src/store/queries.js';

/** The dashboard's numbers straight from the current versions' rows (what the tallies stand for). */
async function recomputed(db: Db) {
  const [row] = await db.prisma.$queryRawUnsafe<any[]>(`
    WITH cur AS (
      SELECT t."countryCode", t."thirdCountry", t.mechanisms, coalesce(c.adequacy, false) AS adequacy
      FROM "Transfer" t JOIN "PolicyVersion" v ON v.id = t."versionId" AND v."isCurrent" LEFT JOIN "Country" c ON c.code = t."countryCode")
    SELECT (SELECT count(*) FROM cur)::int AS transfers,
      (SELECT count(*) FROM cur WHERE "thirdCountry")::int AS third,
      (SELECT count(*) FROM cur WHERE "thirdCountry" AND cardinality(mechanisms) = 0 AND NOT adequacy)::int AS without,
      (SELECT count(*) FROM cur WHERE "thirdCountry" AND cardinality(mechanisms) = 0 AND adequacy)::int AS adequate,
      (SELECT json_agg(json_build_object('countryCode', c, 'count', n) ORDER BY n DESC, c) FROM (SELECT "countryCode" AS c, count(*)::int AS n FROM cur GROUP BY 1) x) AS "byCountry",
      (SELECT json_agg(json_build_object('mechanism', m, 'count', n) ORDER BY n DESC, m) FROM (SELECT m::text AS m, count(*)::int AS n FROM cur LEFT JOIN LATERAL unnest(mechanisms) m ON true GROUP BY 1) x) AS "byMechanism",
      (SELECT json_agg(json_build_object('organizationId', r, 'controllers', c, 'engagements', n) ORDER BY c DESC, n DESC, name, r) FROM (
         SELECT e."recipientId" AS r, o.name, count(DISTINCT e."controllerId")::int AS c, count(*)::int AS n
         FROM "Engagement" e JOIN "PolicyVersion" v ON v.id = e."versionId" AND v."isCurrent" JOIN "Organization" o ON o.id = e."recipientId"
         GROUP BY 1, 2 ORDER BY c DESC, n DESC, o.name, 1 LIMIT 100) x) AS "topVendors"`);
  return row;
}

async function expectTalliesMatch(db: Db) {
  const [d, r] = [await dashboard(db.read, 100), await recomputed(db)];
  expect(d.transfers).toBe(r.transfers);
  expect(d.thirdCountryTransfers).toBe(r.third);
  expect(d.transfersWithoutMechanism).toBe(r.without);
  expect(d.transfersCoveredByAdequacy).toBe(r.adequate);
  const byMech = (xs: { mechanism: string | null; count: number }[]) => [...xs].sort((a, b) => b.count - a.count || String(a.mechanism).localeCompare(String(b.mechanism)));
  expect(d.byCountry).toEqual(r.byCountry);
  expect(byMech(d.byMechanism)).toEqual(byMech(r.byMechanism));
  // each top vendor carries its organization's row; the recount names the organization by id
  for (const v of d.topVendors) expect(v.organization.id).toBe(v.organizationId);
  expect(d.topVendors.map(({ organization: _o, ...counts }) => counts)).toEqual(r.topVendors);
  return d;
}

for (const name of SKIPPED_ENGINES) describe.skip(`dashboard tallies on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('dashboard tallies on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(async () => db?.close());

  it('follow new policies, superseding versions, an earlier text coming back and a batch', async () => {
    await ingestGraph(db.prisma, zoomPolicy('a.txt', 'Alpha GmbH'));
    await ingestGraph(db.prisma, zoomPolicy('b.txt', 'Beta GmbH', 'Zoom Video Communications, Inc.', []));
    const first = await expectTalliesMatch(db);
    expect(first.transfers).toBe(2);
    expect(first.transfersWithoutMechanism).toBe(1);

    // a new text at a.txt: its old transfers and engagements leave the tallies
    const v2 = policy('a.txt', 'Alpha GmbH', [
      recipient('Mailer Inc.', { transfers: [transfer('US', [], 'Mailer sends data to the US.'), transfer(null, ['SCC'], 'Somewhere else.')] }),
    ]);
    await ingestGraph(db.prisma, v2);
    const second = await expectTalliesMatch(db);
    expect(second.transfers).toBe(3);
    expect(second.topVendors.find((v) => v.controllers === 1 && v.engagements === 1)).toBeDefined();

    // the first text comes back: current again without a new version
    await ingestGraph(db.prisma, zoomPolicy('a.txt', 'Alpha GmbH'));
    const third = await expectTalliesMatch(db);
    expect(third.transfers).toBe(2);
    expect(third.topVendors[0].controllers).toBe(2);

    await ingestGraphs(db.prisma, [
      { graph: zoomPolicy('c.txt', 'Gamma AG', 'Zoom Video Communications, Inc.', ['DPF']) },
      { graph: v2 },
      { graph: policy('d.txt', 'Delta KG', [recipient('Mailer Inc.', { transfers: [transfer('CA', ['ADEQUACY'], 'Canada.')] })]) },
    ]);
    const fourth = await expectTalliesMatch(db);
    expect(fourth.transfers).toBe(5); // b, a (second text again: two), c, d
  });
});
