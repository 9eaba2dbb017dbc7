// Exports: CSV cells guarded against formula injection, the BOM, the mechanism → GDPR article
// mapping, keyset paging, and over HTTP on the seeds: status, content types, streaming, the
// API's filters (answers compared with the GraphQL API's), limits, credentials, and JSON-LD
// expanded by the `jsonld` processor with no network (our context served locally).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsonld from 'jsonld';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { gqlClient } from './helpers/http.js';
import type { Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { seedIfEmpty } from '../src/store/seed.js';
import { createKey } from '../src/store/api-keys.js';
import { csvRow, csvStringifier, CSV_COLUMNS } from '../src/export/csv.js';
import { art49Points, DPF_DECISION, DPV_CONTEXT_DOCUMENT, dpvNode, legalBases } from '../src/export/dpv.js';
import { exportRecords, type EngagementRecord, type ExportKind, type TransferRecord } from '../src/export/records.js';
import { runExport } from '../src/cli/export.js';

/** CSV text → rows of cells, read back by csv-parse (the reader of the same project as our writer). */
const parse = (text: string): string[][] => parseCsv(text, { relax_column_count: false });

const DPV = 'https://w3id.org/dpv#';
const GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';
const LOC = 'https://w3id.org/dpv/loc#';
const SEED_ZOOM_CONTROLLERS = ['Cegedim e-Business GmbH', 'INVERTO GmbH', 'iDot digital UG (haftungsbeschränkt)'];

const org = (name: string, country: string | null = 'DE') => ({ key: name.toLowerCase(), name, country });
const version = { source: 'seed/x.txt', lastUpdated: null, contentHash: 'abc' };

function transfer(over: Partial<TransferRecord> = {}): TransferRecord {
  return { kind: 'transfer', id: 't1', controller: org('A GmbH'), recipient: org('B Inc.', 'US'), service: 'B', country: 'US', thirdCountry: true, mechanisms: ['SCC'], coveredBy: 'STATED_MECHANISM', certainty: 'STATED', dpfId: null, ...version, evidence: [{ quote: 'q', section: 's' }], ...over };
}

function engagement(over: Partial<EngagementRecord> = {}): EngagementRecord {
  return { kind: 'engagement', id: 'e1', controller: org('A GmbH'), recipient: org('B Inc.', 'US'), role: 'PROCESSOR', services: [], purposes: [], dataCategories: [], legalBases: [], ...version, evidence: [], ...over };
}

async function csvOf(kind: ExportKind, rows: Record<string, unknown>[], bom = false): Promise<Buffer> {
  const s = csvStringifier(kind, { bom });
  const chunks: Buffer[] = [];
  s.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  const done = new Promise((resolve, reject) => s.on('end', resolve).on('error', reject));
  for (const r of rows) s.write(r);
  s.end();
  await done;
  return Buffer.concat(chunks);
}

/** A JSON-LD document loader for tests: our context from the server under test, nothing else. */
function localLoader(contextUrl: string | null) {
  return async (url: string) => {
    if (url !== contextUrl) throw new Error(`the test allows no network: ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: JSON.parse(await (await fetch(url)).text()) };
  };
}

type Expanded = Record<string, any>;
const ids = (v: unknown) => ((v as { '@id': string }[] | undefined) ?? []).map((x) => x['@id']);

describe('CSV cells', () => {
  it('prefixes a quote to cells that start with = + - @ tab or CR, and to nothing else', async () => {
    const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
    const rows = evil.map((quote) => csvRow('transfers', transfer({ evidence: [{ quote, section: null }], recipient: org(quote) })));
    rows.push(csvRow('transfers', transfer({ evidence: [{ quote: 'a = b, plain', section: null }] })));
    const text = (await csvOf('transfers', rows)).toString('utf8');
    const [header, ...records] = parse(text);
    expect(header).toEqual(CSV_COLUMNS.transfers);
    const quote = header.indexOf('quote');
    const recipient = header.indexOf('recipient');
    for (const [i, e] of evil.entries()) {
      expect(records[i][quote]).toBe(`'${e}`);
      expect(records[i][recipient]).toBe(`'${e}`);
    }
    expect(records.at(-1)![quote]).toBe('a = b, plain');
    // lists joined with "|", booleans as words, empty cells empty
    expect(records[0][header.indexOf('mechanisms')]).toBe('SCC');
    expect(records[0][header.indexOf('thirdCountry')]).toBe('true');
    expect(records[0][header.indexOf('dpfId')]).toBe('');
    const multi = parse((await csvOf('transfers', [csvRow('transfers', transfer({ mechanisms: ['SCC', 'DPF'] }))])).toString('utf8'));
    expect(multi[1][header.indexOf('mechanisms')]).toBe('SCC|DPF');
  });

  it('writes a UTF-8 byte order mark only when asked', async () => {
    const row = csvRow('transfers', transfer({ controller: org('Müller GmbH') }));
    const withBom = await csvOf('transfers', [row], true);
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.subarray(3).toString('utf8')).toMatch(/^controller,recipient,/);
    expect(withBom.toString('utf8')).toContain('Müller GmbH');
    const without = await csvOf('transfers', [row]);
    expect(without[0]).toBe('c'.charCodeAt(0));
  });
});

describe('mechanisms as GDPR articles (DPV-GDPR)', () => {
  it('maps SCC, BCR, adequacy, DPF and Art. 49 to their articles', () => {
    expect(legalBases(['SCC'])).toEqual(['eu-gdpr:A46-2-c']);
    expect(legalBases(['BCR'])).toEqual(['eu-gdpr:A46-2-b']);
    expect(legalBases(['ADEQUACY'])).toEqual(['eu-gdpr:A45-3']);
    expect(legalBases(['DPF'])).toEqual(['eu-gdpr:A45-3']);
    expect(legalBases(['DPF', 'ADEQUACY'])).toEqual(['eu-gdpr:A45-3']);
    expect(legalBases(['OTHER'])).toEqual([]);
    expect(legalBases(['ART49'])).toEqual(['eu-gdpr:A49-1']);
    // no mechanism stated, but the destination has an adequacy decision (coverage.ts): Art. 45(3)
    expect(dpvNode(transfer({ country: 'CH', mechanisms: [], coveredBy: 'ADEQUACY_DECISION' })).legalBasis).toEqual(['eu-gdpr:A45-3']);
    expect(dpvNode(transfer({ mechanisms: [], coveredBy: 'NONE' })).legalBasis).toEqual([]);
    expect(legalBases(['ART49'], ['Die Übermittlung erfolgt auf Grundlage Ihrer Einwilligung nach Art. 49 Abs. 1 lit. a DSGVO.'])).toEqual(['eu-gdpr:A49-1-a']);
    expect(legalBases(['ART49'], ['necessary for the contract (Art. 49(1)(b) GDPR)'])).toEqual(['eu-gdpr:A49-1-b']);
  });

  it('reads the Art. 49(1) points a policy cites, in German and English notation', () => {
    expect(art49Points(['gemäß Art. 49 Abs. 1 S. 1 lit. c DSGVO', 'Artikel 49 Absatz 1 lit. a', 'Art. 49(1)(f) GDPR'])).toEqual(['a', 'c', 'f']);
    expect(art49Points(['Art. 6 Abs. 1 lit. a DSGVO', 'Art. 49 DSGVO'])).toEqual([]);
  });

  it('a DPF transfer refers to the Commission decision of 10 July 2023; joint controllers are one dpv:JointDataControllers', async () => {
    const doc = { '@context': JSON.parse(DPV_CONTEXT_DOCUMENT)['@context'], '@graph': [dpvNode(transfer({ mechanisms: ['DPF'] })), dpvNode(engagement({ id: 'e2', role: 'JOINT_CONTROLLER' }))] };
    const expanded = (await jsonld.expand(doc as any, { documentLoader: localLoader(null) as any })) as Expanded[];
    const t = expanded.find((n) => n['@id'] === 'urn:policy-graph:transfer:t1')!;
    expect(ids(t[`${DPV}hasLegalBasis`])).toEqual([`${GDPR}A45-3`]);
    expect(ids(t['http://purl.org/dc/terms/references'])).toEqual([DPF_DECISION]);
    const e = expanded.find((n) => n['@id'] === 'urn:policy-graph:engagement:e2')!;
    const joint = e[`${DPV}hasJointDataControllers`][0];
    expect(joint['@type']).toEqual([`${DPV}JointDataControllers`]);
    expect(joint[`${DPV}hasDataController`].map((c: Expanded) => c[`http://www.w3.org/2000/01/rdf-schema#label`][0]['@value'])).toEqual(['A GmbH', 'B Inc.']);
  });
});

for (const name of SKIPPED_ENGINES) describe.skip(`exports on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('exports on $name', (engine) => {
  let db: Db;
  let app: Running;
  let origin: string;
  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${origin}${p}`, { headers });
  beforeAll(async () => {
    db = await engine.open();
    expect((await seedIfEmpty(db.prisma)).filter((s) => s.error)).toEqual([]);
    app = await startServer(db, 0);
    origin = new URL(app.url).origin;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('pages by id without losing or repeating a record, whatever the page size', async () => {
    const all = async (pageSize: number) => {
      const out: string[] = [];
      for await (const r of exportRecords(db.prisma, 'graph', {}, { pageSize })) out.push(`${r.kind}:${r.id}`);
      return out;
    };
    const big = await all(500);
    const current = { version: { isCurrent: true } };
    const [t, e, s] = await Promise.all([db.prisma.transfer.count({ where: current }), db.prisma.engagement.count({ where: current }), db.prisma.subprocessorLink.count({ where: current })]);
    expect(big).toHaveLength(t + e + s);
    expect(new Set(big).size).toBe(big.length);
    expect(await all(2)).toEqual(big);
    expect(await all(1)).toEqual(big);
  });

  it('GET /export/transfers.csv?country=US&service=Zoom streams the API\'s answer as CSV', async () => {
    const res = await get('/export/transfers.csv?country=US&service=Zoom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-length')).toBeNull(); // streamed: chunked, no length known up front
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="transfers.csv"');
    const [header, ...rows] = parse(await res.text());
    expect(header).toEqual(CSV_COLUMNS.transfers);
    expect(rows.map((r) => r[0]).sort()).toEqual(SEED_ZOOM_CONTROLLERS);
    const { data } = await gqlClient(app.url)('{ transfers(filter: { country: "US", service: "Zoom" }) { edges { node { controller { name } mechanisms } } } }');
    const api = data.transfers.edges.map((e: any) => `${e.node.controller.name} ${e.node.mechanisms.join('|')}`).sort();
    expect(rows.map((r) => `${r[0]} ${r[header.indexOf('mechanisms')]}`).sort()).toEqual(api);
    const bom = Buffer.from(await (await get('/export/transfers.csv?country=US&service=Zoom&bom=1')).arrayBuffer());
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('every filter of the API narrows the JSON export exactly as it narrows transfers(filter:)', async () => {
    const cases: [string, string][] = [
      ['mechanism=DPF', 'mechanism: DPF'],
      ['noMechanism=true&thirdCountry=true', 'noMechanism: true, thirdCountry: true'],
      ['coveredBy=NONE', 'coveredBy: NONE'],
      ['controller=INVERTO%20GmbH', 'controller: "INVERTO GmbH"'],
      ['vendor=Microsoft', 'vendor: "Microsoft"'],
      ['certainty=POSSIBLE', 'certainty: POSSIBLE'],
      ['country=Vereinigte%20Staaten', 'country: "Vereinigte Staaten"'],
    ];
    for (const [query, filter] of cases) {
      const res = await get(`/export/transfers.json?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const rows = (await res.json()) as TransferRecord[];
      const { data } = await gqlClient(app.url)(`{ transfers(filter: { ${filter} }, first: 200) { totalCount edges { node { controller { name } recipient { name } } } } }`);
      expect(rows.length, query).toBe(data.transfers.totalCount);
      expect(rows.map((r) => `${r.controller.name} → ${r.recipient.name}`).sort(), query).toEqual(data.transfers.edges.map((e: any) => `${e.node.controller.name} → ${e.node.recipient.name}`).sort());
    }
    expect(((await (await get('/export/transfers.json?mechanism=DPF')).json()) as unknown[]).length).toBeGreaterThan(0);
  });

  it('engagements, sub-processors and the graph: every current record, filterable by controller', async () => {
    const current = { version: { isCurrent: true } };
    const engagements = (await (await get('/export/engagements.json')).json()) as EngagementRecord[];
    expect(engagements).toHaveLength(await db.prisma.engagement.count({ where: current }));
    const inverto = (await (await get('/export/engagements.json?controller=INVERTO%20GmbH')).json()) as EngagementRecord[];
    expect(inverto.length).toBeGreaterThan(0);
    expect(inverto.length).toBeLessThan(engagements.length);
    expect(new Set(inverto.map((e) => e.controller.name))).toEqual(new Set(['INVERTO GmbH']));
    const subs = await get('/export/subprocessors.csv');
    expect(subs.status).toBe(200);
    const [header, ...rows] = parse(await subs.text());
    expect(header).toEqual(CSV_COLUMNS.subprocessors);
    expect(rows).toHaveLength(await db.prisma.subprocessorLink.count({ where: current }));
    expect(rows.length).toBeGreaterThan(0);
    const graph = (await (await get('/export/graph.json')).json()) as { kind: string }[];
    const kinds = graph.reduce<Record<string, number>>((n, r) => ({ ...n, [r.kind]: (n[r.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ engagement: engagements.length, transfer: await db.prisma.transfer.count({ where: current }), subprocessor: rows.length });
  });

  it('JSON-LD expands, with no network, to DPV and DPV-GDPR IRIs', async () => {
    const res = await get('/export/transfers.jsonld?country=US&service=Zoom');
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const doc = await res.json();
    // the context is embedded: a loader that refuses everything is enough
    const expanded = (await jsonld.expand(doc, { documentLoader: localLoader(null) as any })) as Expanded[];
    expect(expanded).toHaveLength(3);
    for (const t of expanded) {
      expect(t['@type']).toEqual([`${DPV}CrossBorderTransfer`]);
      const country = t[`${DPV}hasThirdCountry`][0];
      expect(country['@id']).toBe(`${LOC}US`);
      expect(country['@type']).toEqual([`${DPV}Country`, `${DPV}ThirdCountry`]);
      expect(ids(t[`${DPV}hasLegalBasis`])).toContain(`${GDPR}A46-2-c`);
      expect(t[`${DPV}hasDataController`][0]['@type']).toEqual([`${DPV}DataController`]);
      expect(t[`${DPV}hasRecipient`][0]['http://www.w3.org/2000/01/rdf-schema#label'][0]['@value']).toMatch(/^Zoom/);
      expect(t['urn:policy-graph:vocab#evidence'][0]['@list'].length).toBeGreaterThan(0);
    }
    const dpf = expanded.find((t) => ids(t[`${DPV}hasLegalBasis`]).includes(`${GDPR}A45-3`))!;
    expect(ids(dpf['http://purl.org/dc/terms/references'])).toEqual([DPF_DECISION]);

    // the same records against the context the server publishes, fetched from it alone
    const contextUrl = `${origin}/export/context.jsonld`;
    const ctx = await get('/export/context.jsonld');
    expect(ctx.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const engagements = await (await get('/export/engagements.jsonld?controller=INVERTO%20GmbH')).json();
    const linked = (await jsonld.expand({ '@context': contextUrl, '@graph': engagements['@graph'] }, { documentLoader: localLoader(contextUrl) as any })) as Expanded[];
    const processors = linked.flatMap((e) => e[`${DPV}hasDataProcessor`] ?? []);
    expect(processors.length).toBeGreaterThan(0);
    for (const p of processors) expect(p['@type']).toEqual([`${DPV}DataProcessor`]);
    expect(linked.every((e) => e['@type'][0] === `${DPV}Process`)).toBe(true);

    const subs = (await jsonld.expand(await (await get('/export/subprocessors.jsonld')).json(), { documentLoader: localLoader(null) as any })) as Expanded[];
    expect(subs.length).toBeGreaterThan(0);
    for (const s of subs) expect(s['urn:policy-graph:vocab#subprocessor'][0]['@type']).toEqual([`${DPV}DataSubProcessor`]);
  });

  it('refuses what it cannot answer: unknown exports, parameters and values, filters that do not apply, non-GET, too many records', async () => {
    const status = async (p: string, init?: RequestInit) => (await fetch(`${origin}${p}`, init)).status;
    expect(await status('/export/transfers.xml')).toBe(404);
    expect(await status('/export/people.csv')).toBe(404);
    expect(await status('/export/transfers.csv?colour=red')).toBe(400);
    expect(await status('/export/transfers.csv?mechanism=PRIVACY_SHIELD')).toBe(400);
    expect(await status('/export/transfers.csv?country=US&country=DE')).toBe(400);
    expect(await status(`/export/transfers.csv?vendor=${'x'.repeat(1001)}`)).toBe(400);
    expect(await status('/export/subprocessors.csv?mechanism=SCC')).toBe(400);
    expect(await status('/export/transfers.csv', { method: 'POST', body: 'x' })).toBe(405);
    vi.stubEnv('EXPORT_MAX_RECORDS', '2');
    try {
      const res = await get('/export/transfers.csv');
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0].message).toMatch(/more than the limit of 2/);
      expect((await get('/export/transfers.csv?controller=INVERTO%20GmbH&service=Zoom')).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a reader that disconnects mid-export does not break the server', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = request(`${origin}/export/graph.jsonld`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(e)));
      req.end();
    });
    expect((await get('/export/transfers.json?service=Zoom&country=US')).status).toBe(200);
  });

  it('with READS_REQUIRE_KEY, exports need a read key (a browser\'s Accept: text/html is no way around it); the context stays public', async () => {
    const locked = await startServer(db, 0, { readsRequireKey: true });
    try {
      const base = new URL(locked.url).origin;
      expect((await fetch(`${base}/export/transfers.csv`)).status).toBe(401);
      expect((await fetch(`${base}/export/transfers.csv`, { headers: { accept: 'text/html' } })).status).toBe(401);
      expect((await fetch(`${base}/export/transfers.csv`, { headers: { authorization: 'Bearer pgk_nonsense' } })).status).toBe(401);
      const { key } = await createKey(db.prisma, 'export-reader', ['read']);
      const ok = await fetch(`${base}/export/transfers.csv?service=Zoom`, { headers: { authorization: `Bearer ${key}` } });
      expect(ok.status).toBe(200);
      expect((await ok.text()).split('\n').length).toBeGreaterThan(2);
      expect((await fetch(`${base}/export/context.jsonld`)).status).toBe(200);
    } finally {
      await locked.close();
    }
  });
});

describe('CLI export --what/--format/--bom', () => {
  let dir: string;
  const env = { ...process.env };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pg-export-'));
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = path.join(dir, 'pglite');
    const { openDbFromEnv } = await import('../src/db.js');
    const db = await openDbFromEnv();
    await seedIfEmpty(db.prisma);
    await db.close();
  });
  afterAll(() => {
    process.env = env;
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes engagements as JSON-LD, sub-processors as CSV with a BOM, and refuses bad combinations', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const ld = path.join(dir, 'engagements.jsonld');
      expect(await runExport(['--what', 'engagements', '--format', 'jsonld', '--controller', 'INVERTO GmbH', '--out', ld])).toBe(0);
      const doc = JSON.parse(readFileSync(ld, 'utf8'));
      expect(doc['@context'].dpv).toBe(DPV);
      expect(doc['@graph'].length).toBeGreaterThan(0);
      expect(err.mock.calls.at(-1)?.[0]).toBe(`wrote ${doc['@graph'].length} engagements to ${ld}`);
      const csv = path.join(dir, 'subs.csv');
      expect(await runExport(['--what', 'subprocessors', '--bom', '--out', csv])).toBe(0);
      const bytes = readFileSync(csv);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8').split('\n')[0]).toBe(CSV_COLUMNS.subprocessors.join(','));
      expect(await runExport(['--what', 'people'])).toBe(2);
      expect(await runExport(['--format', 'xml'])).toBe(2);
      expect(await runExport(['--format', 'json', '--bom'])).toBe(2);
      expect(await runExport(['--what', 'graph', '--mechanism', 'SCC'])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});
