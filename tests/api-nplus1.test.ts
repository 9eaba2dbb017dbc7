// N+1 guard: a deep nested query must cost the same number of SQL statements however many
// rows it returns (the Prisma plugin turns nested selections into one query per level).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { gqlClient } from './helpers/http.js';
import { ev, policy, recipient, transfer } from './helpers/fixtures.js';
import type { Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { ingestGraph } from '../src/store/ingest.js';

const DEEP = `{
  transfers(first: 100, filter: { country: "US" }) {
    totalCount
    edges { node {
      mechanisms certainty
      controller { name policies { source currentVersion { contentHash lastUpdated } } }
      recipient { name country { code nameDe } parent { name }
        subprocessors { totalCount edges { node { subprocessor { name } evidence { quote section } } } } }
      service { name organization { name } }
      country { code nameEn }
      evidence { quote section start end version { contentHash policy { source } } }
      engagement { role purposes evidence { quote } services { name } }
    } }
  }
}`;

function makePolicy(i: number) {
  return policy(`nplus1-${i}.txt`, `Controller ${i} GmbH`, [
    recipient(`Vendor ${i % 4} Inc.`, {
      services: [`Service ${i % 4}`],
      country: 'US',
      transfers: [transfer('US', ['SCC'], `Vendor ${i % 4} sends data to the US (${i}).`), transfer('US', ['DPF'], `DPF for ${i}.`)],
      subprocessors: [{ name: `Sub ${i % 3} LLC`, evidence: ev(`Sub ${i % 3} is a subprocessor (${i}).`) }],
      parent: { name: `Parent ${i % 2} Corp.`, evidence: ev(`Parent ${i % 2} owns Vendor ${i % 4}.`) },
    }),
    recipient(`Other ${i} GmbH`, { transfers: [transfer('US', [], `Maybe US (${i}).`, 'possible')] }),
  ]);
}

for (const name of SKIPPED_ENGINES) describe.skip(`N+1 guard on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('N+1 guard on $name', (engine) => {
  let db: Db;
  let app: Running;
  let statements = 0;
  beforeAll(async () => {
    db = await engine.open({ onQuery: () => statements++ });
    app = await startServer(db, 0);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  async function measure(): Promise<{ statements: number; transfers: number }> {
    const gql = gqlClient(app.url);
    statements = 0;
    const { data, errors } = await gql(DEEP);
    expect(errors).toBeUndefined();
    return { statements, transfers: data.transfers.edges.length };
  }

  it('a deep nested query costs the same number of SQL statements for 3 and for 30 policies', async () => {
    for (let i = 0; i < 3; i++) await ingestGraph(db.prisma, makePolicy(i));
    const small = await measure();
    for (let i = 3; i < 30; i++) await ingestGraph(db.prisma, makePolicy(i));
    const large = await measure();
    console.log(`[n+1] ${engine.name}: ${small.transfers} transfers → ${small.statements} SQL statements; ${large.transfers} transfers → ${large.statements} SQL statements`);
    expect(small.transfers).toBe(9);
    expect(large.transfers).toBe(90);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(25);
  });
});
