// Store/API figures: ingest throughput (one transaction per policy version) and the latency of
// the acceptance query through Yoga, on PGlite (in memory) or on DATABASE_URL.
// Usage: npm run bench:store [-- N]         (N policy versions, default 100)
import { readFileSync } from 'node:fs';
import { openDb } from '../src/db.js';
import { extractPolicy } from '../src/extract/index.js';
import { ingestGraph } from '../src/store/ingest.js';
import { seedFiles } from '../src/store/seed.js';
import { createApp, EXAMPLE_QUERY } from '../src/server.js';

const n = Number(process.argv[2] ?? 100);
const url = process.env.DATABASE_URL;
const schema = url ? `bench_${Date.now()}` : undefined;
const t0 = performance.now();
const db = await openDb(url ? { databaseUrl: url, pgSchema: schema } : {});
const openMs = performance.now() - t0;
const graphs = seedFiles().map((f) => extractPolicy(readFileSync(f, 'utf8'), { doc: f }));

const ingestMs: number[] = [];
for (let i = 0; i < n; i++) {
  const g = structuredClone(graphs[i % graphs.length]);
  g.text += `\n<!-- copy ${i} -->`;
  g.controller.name = `${g.controller.name} ${i}`;
  const s = performance.now();
  await ingestGraph(db.prisma, g, { source: `bench/${i}` });
  ingestMs.push(performance.now() - s);
}
const s2 = performance.now();
await Promise.all(Array.from({ length: 20 }, (_, i) => ingestGraph(db.prisma, { ...graphs[i % graphs.length], text: graphs[i % graphs.length].text + ` #c${i}` }, { source: `bench/concurrent/${i}` })));
const concurrentMs = performance.now() - s2;

const yoga = createApp(db, { graphiql: false });
const qMs: number[] = [];
let total = 0;
for (let i = 0; i < 200; i++) {
  const s = performance.now();
  const res = await yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: EXAMPLE_QUERY }) });
  const body = (await res.json()) as { data: { transfers: { totalCount: number } } };
  total = body.data.transfers.totalCount;
  qMs.push(performance.now() - s);
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))].toFixed(1);
console.log(
  JSON.stringify(
    {
      engine: db.engine,
      openAndMigrateMs: Math.round(openMs),
      policies: n,
      ingestMsMedian: pct(ingestMs, 0.5),
      ingestMsP95: pct(ingestMs, 0.95),
      ingestPerSecond: (n / (ingestMs.reduce((a, b) => a + b, 0) / 1000)).toFixed(1),
      concurrent20Ms: Math.round(concurrentMs),
      acceptanceQuery: { totalCount: total, msMedian: pct(qMs, 0.5), msP95: pct(qMs, 0.95) },
    },
    null,
    1,
  ),
);
await db.close();
if (url && schema) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA "${schema}" CASCADE`);
  await c.end();
}
