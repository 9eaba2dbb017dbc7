// Store: ingestion into one normalized graph, on PGlite and on a PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { policy, recipient, transfer, zoomPolicy, ev } from './helpers/fixtures.js';
import type { Db } from '../src/db.js';
import { ingestGraph, ingestGraphs, withRetry } from '../src/store/ingest.js';
import { transferWhere } from '../src/store/queries.js';
import { orgKey } from '../src/store/normalize.js';

describe('retries', () => {
  it('retries serialization failures, deadlocks and unique conflicts, and nothing else', async () => {
    let n = 0;
    const r = await withRetry(async () => {
      n++;
      if (n === 1) throw Object.assign(new Error('could not serialize access'), { code: 'P2034' });
      if (n === 2) throw Object.assign(new Error('x'), { code: 'P2002' });
      if (n === 3) throw Object.assign(new Error('deadlock detected'), {});
      return 'done';
    });
    expect(r).toEqual({ value: 'done', retries: 3 });
    await expect(withRetry(async () => { throw new Error('bug'); })).rejects.toThrow('bug');
  });
});

describe('name normalization', () => {
  it('strips legal forms and punctuation', () => {
    expect(orgKey('Zoom Video Communications, Inc.')).toBe('zoom video communications');
    expect(orgKey('ZOOM Video Communications Inc')).toBe('zoom video communications');
    expect(orgKey('Hetzner Online GmbH')).toBe('hetzner online');
    expect(orgKey('Müller & Söhne GmbH & Co. KG')).toBe('muller and sohne');
  });
});

for (const name of SKIPPED_ENGINES) describe.skip(`store on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('store on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('ingests a policy version with its edges and evidence', async () => {
    const r = await ingestGraph(db.prisma, zoomPolicy('acme.txt', 'Acme GmbH'));
    expect(r.created).toBe(true);
    expect(r.summary).toMatchObject({ recipients: 2, transfers: 1, countries: ['US'] });
    const t = await db.prisma.transfer.findFirstOrThrow({
      where: { versionId: r.versionId },
      include: { controller: true, recipient: true, service: true, evidence: true, country: true },
    });
    expect(t.controller.name).toBe('Acme GmbH');
    expect(t.recipient.name).toMatch(/^Zoom/);
    expect(t.service?.name).toBe('Zoom');
    expect(t.country?.nameDe).toBe('Vereinigte Staaten');
    expect(t.mechanisms.sort()).toEqual(['DPF', 'SCC']);
    expect(t.thirdCountry).toBe(true);
    expect(t.evidence[0].quote).toContain('in den USA');
    const loc = await db.prisma.processingLocation.findFirstOrThrow({ where: { versionId: r.versionId }, include: { region: true, evidence: true } });
    expect(loc.region?.name).toBe('Falkenstein');
    expect(loc.evidence).toHaveLength(1);
  });

  it('indexes evidence per edge kind only where a row cites such an edge, and a cascade from the edge reads that index', async () => {
    const edges = ['engagementId', 'transferId', 'subprocessorLinkId', 'parentLinkId', 'processingLocationId', 'clauseId'];
    const defs = await db.prisma.$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Evidence'`);
    for (const col of edges) expect(defs.find((d) => d.indexname === `Evidence_${col}_idx`)?.indexdef, col).toContain(`WHERE ("${col}" IS NOT NULL)`);
    // the statement PostgreSQL's ON DELETE CASCADE runs, planned for any value as a cascade is
    const plan = await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      await tx.$executeRawUnsafe('SET LOCAL plan_cache_mode = force_generic_plan');
      await tx.$executeRawUnsafe(`PREPARE cascade_from_transfer(text) AS DELETE FROM ONLY "Evidence" WHERE "transferId" = $1`);
      const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN EXECUTE cascade_from_transfer('t')`);
      await tx.$executeRawUnsafe('DEALLOCATE cascade_from_transfer');
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('Evidence_transferId_idx');
  });

  it('is idempotent: the same text twice gives the same version and no new rows', async () => {
    const g = zoomPolicy('idem.txt', 'Idem AG');
    const a = await ingestGraph(db.prisma, g);
    const counts = async () => ({
      v: await db.prisma.policyVersion.count(),
      o: await db.prisma.organization.count(),
      t: await db.prisma.transfer.count(),
      e: await db.prisma.evidence.count(),
    });
    const before = await counts();
    const updatedAt = async () => (await db.prisma.policy.findUniqueOrThrow({ where: { id: a.policyId } })).updatedAt;
    const touched = await updatedAt();
    const b = await ingestGraph(db.prisma, g);
    expect(b).toMatchObject({ created: false, changed: false });
    expect(b.versionId).toBe(a.versionId);
    expect(await counts()).toEqual(before);
    // nothing changed, so no answer did: not even the policy's updatedAt
    expect(await updatedAt()).toEqual(touched);
  });

  it('a changed text at the same source becomes a new current version; queries answer from it', async () => {
    const v1 = await ingestGraph(db.prisma, zoomPolicy('versioned.txt', 'Versioned GmbH', 'Zoom Video Communications, Inc.', ['SCC']));
    const g2 = zoomPolicy('versioned.txt', 'Versioned GmbH', 'Zoom Video Communications, Inc.', ['DPF']);
    g2.text += ' Stand: Juni 2025.';
    const v2 = await ingestGraph(db.prisma, g2);
    expect(v2.created).toBe(true);
    expect(v2.versionId).not.toBe(v1.versionId);
    expect(v2.policyId).toBe(v1.policyId);
    const versions = await db.prisma.policyVersion.findMany({ where: { policyId: v1.policyId }, orderBy: { ingestedAt: 'asc' } });
    expect(versions.map((v) => v.isCurrent)).toEqual([false, true]);
    const current = await db.prisma.transfer.findMany({ where: await transferWhere(db.prisma, { controller: 'Versioned GmbH' }) });
    expect(current.map((t) => t.mechanisms)).toEqual([['DPF']]);
    const all = await db.prisma.transfer.findMany({ where: await transferWhere(db.prisma, { controller: 'Versioned GmbH', includeHistory: true }) });
    expect(all).toHaveLength(2);
  });

  it('resolves "Zoom Video Communications, Inc." and "Zoom Communications Inc." to one organization', async () => {
    await ingestGraph(db.prisma, zoomPolicy('old-name.txt', 'Alpha GmbH', 'Zoom Video Communications, Inc.'));
    await ingestGraph(db.prisma, zoomPolicy('new-name.txt', 'Beta GmbH', 'Zoom Communications Inc.'));
    await ingestGraph(db.prisma, zoomPolicy('brand.txt', 'Gamma GmbH', 'ZOOM VIDEO COMMUNICATIONS INC'));
    const zooms = await db.prisma.organization.findMany({ where: { name: { contains: 'zoom', mode: 'insensitive' } } });
    expect(zooms).toHaveLength(1);
    expect(zooms[0].aliases).toEqual(expect.arrayContaining(['Zoom Video Communications, Inc.']));
    const t = await db.prisma.transfer.findMany({ where: await transferWhere(db.prisma, { country: 'US', service: 'zoom' }), include: { controller: true } });
    expect(new Set(t.map((x) => x.controller.name))).toEqual(new Set(['Acme GmbH', 'Idem AG', 'Versioned GmbH', 'Alpha GmbH', 'Beta GmbH', 'Gamma GmbH']));
    expect(await db.prisma.service.count({ where: { key: 'zoom' } })).toBe(1);
  });

  it('concurrent ingests of the same vendors from many policies never create duplicates', async () => {
    const graphs = Array.from({ length: 12 }, (_, i) =>
      policy(`concurrent-${i}.txt`, `Concurrent ${i} GmbH`, [
        recipient(i % 2 ? 'Mailchimp' : 'The Rocket Science Group LLC', { aliases: ['Mailchimp'], services: ['Mailchimp'], transfers: [transfer('US', ['SCC'], 'Mailchimp übermittelt Daten in die USA.')] }),
        recipient('Cloudflare, Inc.', { services: ['Cloudflare CDN'], transfers: [transfer('US', ['DPF'], 'Cloudflare ist unter dem DPF zertifiziert.')] }),
        recipient(`Shared Vendor ${i % 3} GmbH`),
        recipient('Shared Everywhere GmbH', { subprocessors: [{ name: 'Amazon Web Services, Inc.', evidence: ev('Unterauftragsverarbeiter ist AWS.') }] }),
      ]),
    );
    const results = await Promise.all(graphs.map((g) => ingestGraph(db.prisma, g)));
    expect(results.every((r) => r.created)).toBe(true);
    console.log(`[concurrency] ${engine.name}: 12 concurrent ingests, ${results.reduce((n, r) => n + r.retries, 0)} transaction retries`);
    for (const key of ['cloudflare', 'shared everywhere', 'amazon web services', 'shared vendor 0', 'shared vendor 1', 'shared vendor 2']) {
      expect(await db.prisma.organization.count({ where: { OR: [{ key }, { key: `entity:${key}` }] } }), key).toBe(1);
    }
    expect(await db.prisma.organization.count({ where: { OR: [{ key: { contains: 'mailchimp' } }, { key: { contains: 'rocket science' } }, { aliasKeys: { has: 'mailchimp' } }] } })).toBe(1);
    expect(await db.prisma.service.count({ where: { key: 'cloudflare cdn' } })).toBe(1);
    expect(await db.prisma.engagement.count({ where: { recipient: { key: { in: ['cloudflare', 'entity:cloudflare'] } }, version: { isCurrent: true } } })).toBe(12);
    // the same policy ingested concurrently: one version
    const same = zoomPolicy('race.txt', 'Race GmbH');
    const rs = await Promise.all(Array.from({ length: 5 }, () => ingestGraph(db.prisma, same)));
    expect(new Set(rs.map((r) => r.versionId)).size).toBe(1);
    expect(rs.filter((r) => r.created)).toHaveLength(1);
  });

  it('records sub-processors, corporate parents, an engagement\'s services and evidence text exactly as given', async () => {
    const odd = 'Quote with "double quotes", a back\\slash, {braces}, an apostrophe\'s and Umlaute: Übermittlung in die Schweiz – ok.';
    const g = policy('links.txt', 'Links GmbH', [
      recipient('Acme Hosting GmbH', {
        services: ['Acme Cloud', 'Acme Backup'],
        parent: { name: 'Acme Holding AG', evidence: ev('Acme Hosting ist eine Tochter der Acme Holding AG.') },
        subprocessors: [{ name: 'Backup Partner B.V.', evidence: ev('Acme setzt Backup Partner B.V. als Unterauftragsverarbeiter ein.') }],
        transfers: [transfer('CH', ['ADEQUACY'], odd)],
      }),
    ]);
    const r = await ingestGraph(db.prisma, g);
    const eng = await db.prisma.engagement.findFirstOrThrow({
      where: { versionId: r.versionId },
      include: { services: true, recipient: { include: { parent: true } } },
    });
    expect(eng.services.map((s) => s.name).sort()).toEqual(['Acme Backup', 'Acme Cloud']);
    expect(eng.recipient.parent?.name).toBe('Acme Holding AG');
    const sub = await db.prisma.subprocessorLink.findFirstOrThrow({ where: { versionId: r.versionId }, include: { subprocessor: true, evidence: true } });
    expect(sub.subprocessor.name).toBe('Backup Partner B.V.');
    expect(sub.evidence[0].quote).toBe('Acme setzt Backup Partner B.V. als Unterauftragsverarbeiter ein.');
    const link = await db.prisma.parentLink.findFirstOrThrow({ where: { versionId: r.versionId }, include: { parent: true } });
    expect(link.parent.name).toBe('Acme Holding AG');
    const t = await db.prisma.transfer.findFirstOrThrow({ where: { versionId: r.versionId }, include: { evidence: true } });
    expect(t.mechanisms).toEqual(['ADEQUACY']);
    expect(t.thirdCountry).toBe(true); // Switzerland: adequate, but outside the EU/EEA
    expect(t.evidence[0].quote).toBe(odd);
  });

  it('an earlier text that comes back becomes the current version again, without a new version', async () => {
    const g1 = zoomPolicy('flipflop.txt', 'Flip GmbH');
    const g2 = zoomPolicy('flipflop.txt', 'Flip GmbH');
    g2.text += ' geändert';
    const v1 = await ingestGraph(db.prisma, g1);
    await ingestGraph(db.prisma, g2);
    const back = await ingestGraph(db.prisma, g1);
    expect(back).toMatchObject({ created: false, changed: true, versionId: v1.versionId });
    const versions = await db.prisma.policyVersion.findMany({ where: { policyId: v1.policyId } });
    expect(versions).toHaveLength(2);
    expect(versions.filter((v) => v.isCurrent).map((v) => v.id)).toEqual([v1.versionId]);
    expect((await db.prisma.policy.findUniqueOrThrow({ where: { id: v1.policyId } })).currentVersionId).toBe(v1.versionId);
  });

  it('a batch writes many policies in one transaction; a bad policy in it fails alone', async () => {
    const good = [0, 1, 2].map((i) => ({ graph: zoomPolicy(`batch-${i}.txt`, `Batch ${i} GmbH`) }));
    const bad = zoomPolicy('batch-bad.txt', 'Batch Bad GmbH');
    bad.recipients[0].mentions.push({ section: null, start: 3_000_000_000, end: 3_000_000_001, quote: 'x' });
    const outcomes = await ingestGraphs(db.prisma, [good[0], good[1], { graph: bad }, good[2]]);
    expect(outcomes.map((o) => (o.error ? 'error' : o.result.created))).toEqual([true, true, 'error', true]);
    expect(await db.prisma.policy.count({ where: { source: { startsWith: 'batch-' } } })).toBe(3);
    const again = await ingestGraphs(db.prisma, good);
    expect(again.map((o) => o.result?.created)).toEqual([false, false, false]);
    expect(again.map((o) => o.result?.versionId)).toEqual(outcomes.filter((o) => o.result).map((o) => o.result!.versionId));
  });

  it('the same text under another source is reported as a duplicate of the policy that has it, not stored twice', async () => {
    const g = zoomPolicy('original.txt', 'Doppel AG');
    const a = await ingestGraph(db.prisma, g, { source: '/srv/policies/original.txt' });
    const policies = await db.prisma.policy.count();
    const b = await ingestGraph(db.prisma, g, { source: '/home/someone/copy-of-original.txt' });
    expect(b).toMatchObject({ created: false, changed: false, duplicateOf: '/srv/policies/original.txt', versionId: a.versionId, policyId: a.policyId });
    expect(await db.prisma.policy.count()).toBe(policies);
  });

  it('a DPF participant id lands on a US organization: a catalog entity seated elsewhere hands it to its vendor\'s US entity', async () => {
    const cite = (id: string) => `Zertifiziert nach dem DPF: https://www.dataprivacyframework.gov/participant/${id}`;
    await ingestGraph(
      db.prisma,
      policy('dpf-ids.txt', 'DPF Beispiel GmbH', [
        recipient('Google Ireland Limited', { aliases: ['Google'], country: 'IE', services: ['Google Analytics'], transfers: [transfer('US', ['SCC', 'DPF'], cite('5780'), 'stated', '5780')] }),
        recipient('Salesforce.com Germany GmbH', { country: 'DE', transfers: [transfer('US', ['DPF', 'BCR'], cite('a2zt0000000KzLyAAK'), 'stated', 'a2zt0000000KzLyAAK')] }),
        recipient('Calendly LLC', { country: 'US', transfers: [transfer('US', ['DPF'], cite('6050'), 'stated', '6050')] }),
        recipient('Uncatalogued Tools Ltd', { country: 'GB', transfers: [transfer('US', ['DPF'], cite('9999'), 'stated', '9999')] }),
      ]),
    );
    const org = (name: string) => db.prisma.organization.findFirstOrThrow({ where: { name }, select: { countryCode: true, dpfId: true } });
    expect(await org('Google Ireland Limited')).toEqual({ countryCode: 'IE', dpfId: null });
    expect(await org('Google LLC')).toEqual({ countryCode: 'US', dpfId: '5780' });
    expect(await org('Salesforce.com Germany GmbH')).toEqual({ countryCode: 'DE', dpfId: null });
    expect(await org('Salesforce, Inc.')).toEqual({ countryCode: 'US', dpfId: 'a2zt0000000KzLyAAK' });
    expect(await org('Calendly LLC')).toEqual({ countryCode: 'US', dpfId: '6050' });
    // no US entity known: the id is on no organization
    expect(await org('Uncatalogued Tools Ltd')).toEqual({ countryCode: 'GB', dpfId: null });
    expect(await db.prisma.organization.count({ where: { dpfId: '9999' } })).toBe(0);
    // the transfers keep the ids the policy cites
    const cited = await db.prisma.transfer.findMany({ where: { version: { policy: { source: 'dpf-ids.txt' } } }, select: { dpfId: true } });
    expect(cited.map((t) => t.dpfId).sort()).toEqual(['5780', '6050', '9999', 'a2zt0000000KzLyAAK']);
    // nothing but US organizations carry a DPF id
    expect(await db.prisma.organization.count({ where: { dpfId: { not: null }, NOT: { countryCode: 'US' } } })).toBe(0);
  });

  it('a failure leaves nothing half-written', async () => {
    const before = { p: await db.prisma.policy.count(), o: await db.prisma.organization.count(), t: await db.prisma.transfer.count() };
    const g = zoomPolicy('broken.txt', 'Broken Unique Controller GmbH');
    g.recipients.push(recipient('Brand New Vendor Nobody Has GmbH', { mentions: [{ section: null, start: 3_000_000_000, end: 3_000_000_001, quote: 'x' }] }));
    await expect(ingestGraph(db.prisma, g)).rejects.toThrow();
    expect({ p: await db.prisma.policy.count(), o: await db.prisma.organization.count(), t: await db.prisma.transfer.count() }).toEqual(before);
    expect(await db.prisma.organization.count({ where: { key: 'brand new vendor nobody has' } })).toBe(0);
  });
});
