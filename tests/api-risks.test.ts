// privacyShieldReferences: sentences of current policy versions that cite the invalid EU-US
// Privacy Shield, one row per sentence and recipient, over HTTP on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { gqlClient } from './helpers/http.js';
import { ev, policy, recipient, transfer } from './helpers/fixtures.js';
import type { Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { ingestGraph } from '../src/store/ingest.js';

const SHIELD = 'Mailgun Technologies, Inc. is certified under the EU-US Privacy Shield.';
const SCHILD = 'Die Übermittlung stützt sich auf das EU-US-Datenschutzschild.';

const QUERY = `{
  privacyShieldReferences {
    totalCount
    edges { node { controller { name } recipient { name } transfer { country { code } mechanisms } evidence { quote kind } } }
  }
}`;

for (const name of SKIPPED_ENGINES) describe.skip(`privacyShieldReferences on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('privacyShieldReferences on $name', (engine) => {
  let db: Db;
  let app: Running;
  beforeAll(async () => {
    db = await engine.open();
    app = await startServer(db, 0, { responseCache: false });
    // the same sentence is both a mention and the transfer's evidence: one row, the transfer's
    await ingestGraph(
      db.prisma,
      policy('a.txt', 'Filmverein e.V.', [
        recipient('Mailgun Technologies, Inc.', { country: 'US', transfers: [transfer('US', [], SHIELD)], mentions: [ev(SHIELD)] }),
        // a URL alone is no citation of the framework
        recipient('Other Mail GmbH', { mentions: [ev('See www.privacyshield.gov/participants for details.')] }),
      ]),
    );
    await ingestGraph(db.prisma, policy('b.txt', 'Praxis Beispiel GmbH', [recipient('Newsletter Ltd.', { country: 'GB', mentions: [ev(SCHILD, 'Newsletter', 40)] })]));
    // a superseded version's sentence is history, not a current risk
    await ingestGraph(db.prisma, policy('c.txt', 'Alt GmbH', [recipient('Old Vendor Inc.', { mentions: [ev('Old Vendor Inc. is Privacy-Shield certified.')] })], 'first text'));
    await ingestGraph(db.prisma, policy('c.txt', 'Alt GmbH', [recipient('Old Vendor Inc.')], 'second text'));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('finds each citing sentence once per recipient, from current versions only', async () => {
    const { data, errors } = await gqlClient(app.url)(QUERY);
    expect(errors).toBeUndefined();
    const rows = data.privacyShieldReferences.edges.map((e: any) => e.node);
    expect(data.privacyShieldReferences.totalCount).toBe(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        { controller: { name: 'Filmverein e.V.' }, recipient: { name: 'Mailgun Technologies, Inc.' }, transfer: { country: { code: 'US' }, mechanisms: [] }, evidence: { quote: SHIELD, kind: 'TRANSFER' } },
        { controller: { name: 'Praxis Beispiel GmbH' }, recipient: { name: 'Newsletter Ltd.' }, transfer: null, evidence: { quote: SCHILD, kind: 'MENTION' } },
      ]),
    );
  });

  it('pages like the other risk lists', async () => {
    const { data } = await gqlClient(app.url)(`{ privacyShieldReferences(first: 1) { totalCount pageInfo { hasNextPage } edges { node { evidence { quote } } } } }`);
    expect(data.privacyShieldReferences).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(data.privacyShieldReferences.edges).toHaveLength(1);
  });
});
