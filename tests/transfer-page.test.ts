// The transfers connection's SQL (src/store/transfer-hits.ts, transfer-page.ts) against the
// Prisma where-clause the export uses (transferWhere): the same graph, the same filters, the
// same transfers in the same order; pages walked by cursor; the page's relations as Prisma
// loads them. The graph mixes the seed policies (real extraction) with hand-built cases for
// every way a filter matches: a vendor's own transfers, a reseller whose engagement names the
// service, a brand's entity without a service, an unnamed third country, an adequacy country,
// and a policy whose older version came back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { policy, recipient, transfer, zoomPolicy } from './helpers/fixtures.js';
import type { Db } from '../src/db.js';
import { ingestGraph } from '../src/store/ingest.js';
import { seedIfEmpty } from '../src/store/seed.js';
import { transferWhere, type TransferFilter } from '../src/store/queries.js';
import { countTransfers, transferPage, TRANSFER_ORDER } from '../src/store/transfer-page.js';
import { plain } from './helpers/plain.js';

const FILTERS: TransferFilter[] = [
  {},
  { country: 'US' },
  { country: 'Vereinigte Staaten' },
  { service: 'Zoom' },
  { service: 'zoom', country: 'US' },
  { service: 'Hetzner Cloud' },
  { service: 'Google' },
  { service: 'Nothing Of That Name' },
  { service: 'Acme' },
  { service: 'Acme', country: 'US' },
  { service: 'Acme Drive' },
  { vendor: 'Zoom' },
  { vendor: 'Meeting Reseller GmbH', country: 'US' },
  { controller: 'Reseller Client AG' },
  { mechanism: 'SCC' },
  { mechanism: 'DPF', country: 'US' },
  { noMechanism: true },
  { noMechanism: false },
  { coveredBy: 'NONE' },
  { coveredBy: 'ADEQUACY_DECISION' },
  { coveredBy: 'STATED_MECHANISM' },
  { coveredBy: 'WITHIN_EEA' },
  { certainty: 'POSSIBLE' },
  { thirdCountry: true },
  { thirdCountry: false },
  { includeHistory: true },
  { includeHistory: true, controller: 'Versioned GmbH' },
  { controller: 'Versioned GmbH' },
];

const versioned = (quote: string, country: string) =>
  policy('versioned.txt', 'Versioned GmbH', [recipient('Mailer Inc.', { country: 'US', transfers: [transfer(country, [], quote)] })], quote);

for (const name of SKIPPED_ENGINES) describe.skip(`transfers connection SQL on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('transfers connection SQL on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    await seedIfEmpty(db.prisma);
    for (let i = 0; i < 4; i++) await ingestGraph(db.prisma, zoomPolicy(`zoom-${i}.txt`, `Zoom User ${i} GmbH`));
    await ingestGraph(
      db.prisma,
      policy('reseller.txt', 'Reseller Client AG', [
        recipient('Meeting Reseller GmbH', { services: ['Zoom'], transfers: [transfer('US', ['SCC'], 'Der Reseller übermittelt Meetingdaten in die USA.', 'possible')] }),
        recipient('Zoom Communications, Inc.', { transfers: [transfer('US', [], 'Zoom erhält Daten in den USA.')] }),
        recipient('Swiss Host AG', { country: 'CH', transfers: [transfer('CH', [], 'Die Daten liegen in der Schweiz.')] }),
        recipient('Somewhere Ltd', { transfers: [transfer(null, [], 'Daten können in Drittländer gelangen.')] }),
      ]),
    );
    // a vendor named as its service: its transfers through that service, through another of its
    // services, and through none (the vendor's ways around the named service)
    await ingestGraph(
      db.prisma,
      policy('acme.txt', 'Acme Client GmbH', [
        recipient('Acme Inc.', { services: ['Acme'], transfers: [transfer('US', ['DPF'], 'Acme verarbeitet Daten in den USA.')] }),
      ]),
    );
    await ingestGraph(db.prisma, policy('acme-drive.txt', 'Drive Client GmbH', [recipient('Acme Inc.', { services: ['Acme Drive'], transfers: [transfer('US', ['SCC'], 'Acme Drive speichert in den USA.')] })]));
    await ingestGraph(db.prisma, policy('acme-plain.txt', 'Plain Client GmbH', [recipient('Acme Inc.', { transfers: [transfer('US', [], 'Acme erhält Daten in den USA.')] })]));
    // version 1, then 2, then 1 again: the first version's transfers are current once more
    await ingestGraph(db.prisma, versioned('Die Daten gehen in die USA.', 'US'));
    await ingestGraph(db.prisma, versioned('Die Daten gehen nach Indien.', 'IN'));
    await ingestGraph(db.prisma, versioned('Die Daten gehen in die USA.', 'US'));
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  const viaPrisma = async (f: TransferFilter) =>
    (await db.prisma.transfer.findMany({ where: await transferWhere(db.prisma, f), orderBy: TRANSFER_ORDER, select: { id: true } })).map((t) => t.id);

  it('a vendor named as its service: through that service, another of its services, and none', async () => {
    expect(await countTransfers(db.read, { service: 'Acme' })).toBe(3);
    expect(await countTransfers(db.read, { service: 'Acme Drive' })).toBe(1);
  });

  it('selects the transfers transferWhere selects, in the same order, for every filter', async () => {
    for (const f of FILTERS) {
      const expected = await viaPrisma(f);
      const page = await transferPage(db, f, { take: 10_000 }, { count: true });
      expect(page.rows.map((r) => r.id), JSON.stringify(f)).toEqual(expected);
      expect(page.total, JSON.stringify(f)).toBe(expected.length);
      expect(await countTransfers(db.read, f), JSON.stringify(f)).toBe(expected.length);
    }
    // the cases are there: the reseller (through its engagement), the brand entity, the old version
    expect((await viaPrisma({ service: 'Zoom', controller: 'Reseller Client AG' })).length).toBe(2);
    expect((await viaPrisma({ controller: 'Versioned GmbH' })).length).toBe(1);
    expect((await viaPrisma({ controller: 'Versioned GmbH', includeHistory: true })).length).toBe(2);
  });

  it('walks the whole list by cursor, as Prisma pages it', async () => {
    for (const f of [{}, { service: 'Zoom' }, { thirdCountry: true }] as TransferFilter[]) {
      const all = await viaPrisma(f);
      const walked: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const { rows } = await transferPage(db, f, cursor ? { take: 4, skip: 1, cursor: { id: cursor } } : { take: 4 }, { count: false });
        walked.push(...rows.map((r) => r.id as string));
        if (rows.length < 4) break;
        cursor = rows.at(-1)!.id as string;
      }
      expect(plain(walked)).toEqual(plain(all));
    }
    expect((await transferPage(db, {}, { take: 4, skip: 1, cursor: { id: 'no-such-transfer' } }, { count: false })).rows).toEqual([]);
  });

  it('returns the page with its relations as Prisma loads them, and asks Prisma where it cannot', async () => {
    const f: TransferFilter = { service: 'Zoom' };
    const include = {
      controller: true,
      recipient: true,
      service: true,
      country: { select: { adequacy: true, code: true } },
      version: { select: { id: true, ingestedAt: true, isCurrent: true } },
      evidence: { orderBy: [{ start: 'asc' as const }, { id: 'asc' as const }] },
    };
    const expected = await db.prisma.transfer.findMany({ where: await transferWhere(db.prisma, f), orderBy: TRANSFER_ORDER, include, take: 5 });
    const page = await transferPage(db, f, { include, take: 5 }, { count: false });
    expect(plain(page.rows)).toEqual(expected);
    expect((page.rows[0].version as { ingestedAt: unknown }).ingestedAt).toBeInstanceOf(Date);

    // a relation filter inside the selection: not translated, loaded by Prisma by id
    const nested = { controller: { include: { engagementsAsController: { where: { role: 'PROCESSOR' as const }, take: 1 } } } };
    const expectedNested = await db.prisma.transfer.findMany({ where: await transferWhere(db.prisma, f), orderBy: TRANSFER_ORDER, include: nested, take: 3 });
    expect((await transferPage(db, f, { include: nested, take: 3 }, { count: false })).rows).toEqual(expectedNested);
  });
});
