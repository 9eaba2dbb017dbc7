// Answers an analyst would otherwise correct, over HTTP on both engines: an adequacy decision
// covers a transfer with no stated mechanism; a DPF id sits on the US entity; a name several
// organizations answer to is answered with the best one and the candidates; the dashboard's
// bucket without a mechanism has a name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { gqlClient } from './helpers/http.js';
import { policy, recipient, transfer } from './helpers/fixtures.js';
import type { Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { ingestGraph } from '../src/store/ingest.js';
import { transferRecords, type ExportFilter, type TransferRecord } from '../src/export/records.js';

for (const name of SKIPPED_ENGINES) describe.skip(`domain answers on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('domain answers on $name', (engine) => {
  let db: Db;
  let app: Running;
  let gql: ReturnType<typeof gqlClient>;

  beforeAll(async () => {
    db = await engine.open();
    app = await startServer(db, 0);
    gql = gqlClient(app.url);
    // Google LLC is created first, so an answer by age (the old one) would pick it for "Google"
    await ingestGraph(
      db.prisma,
      policy('gamma.txt', 'Gamma Shop GmbH', [
        recipient('Google LLC', { aliases: ['Google'], country: 'US', transfers: [transfer('US', ['SCC'], 'Google LLC verarbeitet Daten in den USA.')] }),
      ]),
    );
    await ingestGraph(
      db.prisma,
      policy('alpha.txt', 'Alpha Shop GmbH', [
        recipient('Swiss Hosting AG', { country: 'CH', transfers: [transfer('CH', [], 'Die Daten werden in der Schweiz gespeichert.')] }),
        recipient('Tokyo Translate K.K.', { country: 'JP', transfers: [transfer('JP', [], 'Übersetzungen erfolgen in Japan.', 'possible')] }),
        recipient('London Mail Ltd', { country: 'GB', transfers: [transfer('GB', ['SCC'], 'London Mail verarbeitet Daten im Vereinigten Königreich auf Grundlage der Standardvertragsklauseln.')] }),
        recipient('Automattic Inc.', { country: 'US', transfers: [transfer('US', [], 'Die Server von Automattic Inc. können sich auch außerhalb der EU befinden.', 'possible')] }),
        recipient('Obscure Analytics Ltd', { transfers: [transfer(null, [], 'Daten können in Drittländer übermittelt werden.', 'possible')] }),
        recipient('Irish Cloud Ltd', { country: 'IE', transfers: [transfer('IE', [], 'Die Server stehen in Irland.')] }),
        recipient('Google Ireland Limited', { aliases: ['Google'], country: 'IE', services: ['Google Analytics'], transfers: [transfer('US', ['DPF'], 'https://www.dataprivacyframework.gov/participant/5780', 'stated', '5780')] }),
        // two organizations in one policy: the alias of one is the other's own name
        recipient('Acme Analytics GmbH', { country: 'DE' }),
        recipient('Acme Analytics Holding Inc.', { aliases: ['Acme Analytics'], country: 'US' }),
      ]),
    );
    await ingestGraph(
      db.prisma,
      policy('beta.txt', 'Beta Shop GmbH', [
        recipient('Google Ireland Limited', { aliases: ['Google'], country: 'IE', services: ['Google Analytics'] }),
        recipient('Acme Analytics Holding Inc.', { country: 'US' }),
      ]),
    );
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('a transfer to an adequacy country with no stated mechanism is covered by the decision, not "without mechanism"; the US is not', async () => {
    const { data, errors } = await gql(`{
      transfers(filter: { controller: "Alpha Shop GmbH" }, first: 50) { edges { node { recipient { name } country { code adequacy } mechanisms coveredBy } } }
      transfersWithoutMechanism { totalCount edges { node { recipient { name } coveredBy } } }
      adequate: transfers(filter: { coveredBy: ADEQUACY_DECISION }) { totalCount }
      statedNone: transfers(filter: { noMechanism: true, thirdCountry: true }) { totalCount }
      dashboard { transfersWithoutMechanism transfersCoveredByAdequacy thirdCountryTransfers }
    }`);
    expect(errors).toBeUndefined();
    const by = Object.fromEntries(data.transfers.edges.map((e: any) => [e.node.recipient.name, e.node]));
    expect(by['Swiss Hosting AG']).toMatchObject({ country: { code: 'CH', adequacy: true }, mechanisms: [], coveredBy: 'ADEQUACY_DECISION' });
    expect(by['Tokyo Translate K.K.'].coveredBy).toBe('ADEQUACY_DECISION');
    expect(by['London Mail Ltd'].coveredBy).toBe('STATED_MECHANISM');
    expect(by['Automattic Inc.']).toMatchObject({ country: { code: 'US', adequacy: false }, mechanisms: [], coveredBy: 'NONE' });
    expect(by['Obscure Analytics Ltd']).toMatchObject({ country: null, coveredBy: 'NONE' });
    expect(by['Irish Cloud Ltd'].coveredBy).toBe('WITHIN_EEA');
    expect(by['Google Ireland Limited'].coveredBy).toBe('STATED_MECHANISM');
    // the stored facts are unchanged: the policy stated no mechanism for four third-country transfers
    expect(data.statedNone.totalCount).toBe(4);
    expect(data.transfersWithoutMechanism.edges.map((e: any) => e.node.recipient.name).sort()).toEqual(['Automattic Inc.', 'Obscure Analytics Ltd']);
    expect(data.transfersWithoutMechanism.edges.every((e: any) => e.node.coveredBy === 'NONE')).toBe(true);
    expect(data.transfersWithoutMechanism.totalCount).toBe(2);
    expect(data.adequate.totalCount).toBe(2);
    expect(data.dashboard).toEqual({ transfersWithoutMechanism: 2, transfersCoveredByAdequacy: 2, thirdCountryTransfers: 7 });
    // the export answers the same, and says why
    const exported = async (f: ExportFilter) => {
      const rows: TransferRecord[] = [];
      for await (const t of transferRecords(db.prisma, f)) rows.push(t);
      return rows;
    };
    expect((await exported({ coveredBy: 'NONE' })).map((r) => r.recipient.name).sort()).toEqual(['Automattic Inc.', 'Obscure Analytics Ltd']);
    expect((await exported({ controller: 'Alpha Shop GmbH', country: 'CH' }))[0].coveredBy).toBe('ADEQUACY_DECISION');
  });

  it('the DPF id a policy cites for Google Ireland Limited is Google LLC\'s', async () => {
    const { data, errors } = await gql(`{
      ie: organizationMatches(name: "Google Ireland Limited") { best { name dpfId country { code } } }
      us: organizationMatches(name: "Google LLC") { best { name dpfId country { code } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.ie.best).toEqual({ name: 'Google Ireland Limited', dpfId: null, country: { code: 'IE' } });
    expect(data.us.best).toEqual({ name: 'Google LLC', dpfId: '5780', country: { code: 'US' } });
  });

  it('organization(name:) picks its own name over an alias over a brand, then the most engaged; organizationMatches shows the choice', async () => {
    const q = (name: string) =>
      gql(`query($n: String!) {
        organization(name: $n) { name }
        organizationMatches(name: $n) { name ambiguous totalCount best { name } candidates { organization { name } matchedBy engagements } }
      }`, { n: name });
    const google = (await q('Google')).data;
    // legal form ignored, "Google" is Google LLC's own name; Google Ireland Limited, more engaged, carries it as an alias
    expect(google.organization.name).toBe('Google LLC');
    expect(google.organizationMatches).toMatchObject({ name: 'Google', ambiguous: true, totalCount: 2, best: { name: 'Google LLC' } });
    expect(google.organizationMatches.candidates).toEqual([
      { organization: { name: 'Google LLC' }, matchedBy: 'NAME', engagements: 1 },
      { organization: { name: 'Google Ireland Limited' }, matchedBy: 'ALIAS', engagements: 2 },
    ]);
    // its own name beats an alias, even of a more engaged organization
    const acme = (await q('acme analytics')).data;
    expect(acme.organization.name).toBe('Acme Analytics GmbH');
    expect(acme.organizationMatches.candidates.map((c: any) => [c.organization.name, c.matchedBy, c.engagements])).toEqual([
      ['Acme Analytics GmbH', 'NAME', 1],
      ['Acme Analytics Holding Inc.', 'ALIAS', 2],
    ]);
    // a product names the vendor's entities; the more engaged one first (not the older one, Google LLC)
    const ga = (await q('Google Analytics')).data;
    expect(ga.organization.name).toBe('Google Ireland Limited');
    expect(ga.organizationMatches.candidates.map((c: any) => [c.organization.name, c.matchedBy, c.engagements])).toEqual([
      ['Google Ireland Limited', 'BRAND', 2],
      ['Google LLC', 'BRAND', 1],
    ]);
    // one answer is not ambiguous; no answer is null
    expect((await q('Swiss Hosting')).data.organizationMatches).toMatchObject({ ambiguous: false, totalCount: 1, best: { name: 'Swiss Hosting AG' } });
    expect((await q('Nobody Of That Name GmbH')).data).toEqual({
      organization: null,
      organizationMatches: { name: 'Nobody Of That Name GmbH', ambiguous: false, totalCount: 0, best: null, candidates: [] },
    });
    expect((await gql(`{ organizationMatches(name: "Google") { candidates(first: 1) { organization { name } } } }`)).data.organizationMatches.candidates).toHaveLength(1);
  });

  it('names the dashboard bucket of transfers that state no mechanism', async () => {
    const { data, errors } = await gql(`{ dashboard { transfers byMechanism { mechanism noMechanism label count } } }`);
    expect(errors).toBeUndefined();
    const buckets = data.dashboard.byMechanism;
    const none = buckets.filter((b: any) => b.noMechanism);
    // CH, JP, US, unnamed, IE: every transfer that states none, whatever covers it
    expect(none).toEqual([{ mechanism: null, noMechanism: true, label: 'No mechanism stated', count: 5 }]);
    expect(buckets.find((b: any) => b.mechanism === 'SCC')).toEqual({ mechanism: 'SCC', noMechanism: false, label: 'Standard contractual clauses', count: 2 });
    expect(buckets.find((b: any) => b.mechanism === 'DPF').label).toBe('EU-US Data Privacy Framework');
  });
});
