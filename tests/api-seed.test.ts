// What `npm start` does on an empty database — ingest seed/ through the real extractor and the
// same ingestion path — then the acceptance query over HTTP, on both engines. The expected
// answer is derived from the extractor's own output for the seeds, so the test checks that
// the store and the API answer exactly what the policies state.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { gqlClient } from './helpers/http.js';
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
});
