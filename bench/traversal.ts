// The traversal questions on a large graph (the SQL backend), each measured three ways:
//   floor   — the walk statements alone (src/traversal/sql.ts WALKS, deepened as the backend
//             does) through `pg`: the ordered, bounded paths without roles or evidence;
//   backend — SqlTraversal, what the API's resolvers call (walk + roles, mechanisms, evidence);
//   API     — the GraphQL field through Yoga in-process (no HTTP, no response cache): names
//             resolved, organizations and evidence loaded for a typical selection.
// Inputs are picked from the data as the heaviest cases: the controller whose recipients state
// the most sub-processor and parent links, the organization with the most sub-processors, the
// most-linked vendor, the controllers with the most engagements.
//
//   npm run bench:traversal -- [--runs 15] [--first 100] [--depths 2,4,6]
//
// Database: BENCH_DATABASE_URL (a PostgreSQL server filled with the 10,000-policy corpus, e.g.
// `npm run bench:ingest -- --n 10000 --engines postgres`, or `npm run corpus -- --n 10000 --out
// DIR` then `DATABASE_URL=… npm run -s cli -- ingest DIR`).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDb } from '../src/db.js';
import { createApp } from '../src/server.js';
import { shortestFirst, SqlTraversal, WALKS } from '../src/traversal/sql.js';
import { markdownTable, ms } from './api/table.js';
import { percentile } from './api/stats.js';

const USAGE = 'usage: npm run bench:traversal -- [--runs N] [--first N] [--depths 2,4,6]   (BENCH_DATABASE_URL=postgres://… filled with the corpus)';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, first: { type: 'string', default: '100' }, depths: { type: 'string', default: '2,4,6' }, help: { type: 'boolean' } } });
const runs = Number(values.runs);
const first = Number(values.first);
const depths = values.depths!.split(',').map(Number);
const url = process.env.BENCH_DATABASE_URL;
if (values.help || !url || !(runs >= 1) || !(first >= 1 && first <= 1000) || !depths.every((d) => d >= 1 && d <= 6)) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

interface Case {
  question: string;
  args: string;
  floor: () => Promise<unknown>;
  backend: () => Promise<unknown[]>;
  api: () => Promise<unknown>;
}

/** p50 and p95 of `runs` sequential calls after two warm-up calls, in ms. */
async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 2; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const db = await openDb({ databaseUrl: url });
// JIT off as in the backend's walks (src/traversal/sql.ts): the same plan, minus Prisma
const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c jit=off' });
const sql = new SqlTraversal(db.prisma);
const yoga = createApp(db, { responseCache: false });

async function gql(query: string, variables: Record<string, unknown>): Promise<unknown> {
  const res = await yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(`GraphQL: ${body.errors[0]!.message}`);
  return body;
}

const one = async <T>(text: string): Promise<T> => (await pool.query(text)).rows[0] as T;
const current = `JOIN "PolicyVersion" v ON v.id = x."versionId" AND v."isCurrent"`;
const counts = await one<Record<string, string>>(
  `SELECT (SELECT count(*) FROM "Policy") AS policies, (SELECT count(*) FROM "Engagement") AS engagements,
          (SELECT count(*) FROM "SubprocessorLink") AS "subprocessorLinks", (SELECT count(*) FROM "ParentLink") AS "parentLinks",
          (SELECT count(*) FROM "Transfer") AS transfers`,
);
const controller = await one<{ id: string; name: string }>(
  `SELECT o.id, o.name FROM "Engagement" x ${current}
   JOIN "SubprocessorLink" l ON l."organizationId" = x."recipientId" JOIN "Organization" o ON o.id = x."controllerId"
   GROUP BY o.id, o.name ORDER BY count(*) DESC, o.id LIMIT 1`,
);
const chainRoot = await one<{ id: string; name: string }>(
  `SELECT o.id, o.name FROM "SubprocessorLink" x ${current} JOIN "Organization" o ON o.id = x."organizationId"
   GROUP BY o.id, o.name ORDER BY count(DISTINCT x."subprocessorId") DESC, o.id LIMIT 1`,
);
const vendor = await one<{ id: string; name: string }>(
  `SELECT o.id, o.name FROM "Organization" o
   ORDER BY (SELECT count(*) FROM "SubprocessorLink" l WHERE l."subprocessorId" = o.id) + (SELECT count(*) FROM "ParentLink" p WHERE p."parentId" = o.id) DESC, o.id LIMIT 1`,
);
const busiest = (await pool.query<{ id: string; name: string }>(
  `SELECT o.id, o.name FROM "Engagement" x ${current} JOIN "Organization" o ON o.id = x."controllerId" GROUP BY o.id, o.name ORDER BY count(*) DESC, o.id LIMIT 50`,
)).rows;

const run = async (s: { text: string; values: unknown[] }) => (await pool.query({ text: s.text, values: s.values })).rows;
/** The walks the backend runs, one deeper at a time as it does (shortestFirst), through `pg`. */
const floor = <A extends { maxDepth: number; first: number }>(walk: (a: A) => { text: string; values: unknown[] }, a: A) => () =>
  shortestFirst(a.maxDepth, a.first, (maxDepth) => run(walk({ ...a, maxDepth })));
const HOPS = 'hops { kind roles to { name } evidence { quote } }';
const cases: Case[] = [];
for (const maxDepth of depths) {
  const a = { controller: controller.id, country: 'US', maxDepth, first };
  cases.push({
    question: 'dataPaths',
    args: `${controller.name}, US, depth ${maxDepth}`,
    floor: floor(WALKS.dataPaths, a),
    backend: () => sql.dataPaths(a),
    api: () => gql(`query($c: String!, $d: Int!, $f: Int!) { dataPaths(controller: $c, country: "US", maxDepth: $d, first: $f) { truncated paths { organizations { name } ${HOPS} arrival { mechanisms certainty evidence { quote } } } } }`, { c: controller.name, d: maxDepth, f: first }),
  });
}
for (const maxDepth of depths) {
  const a = { organization: chainRoot.id, maxDepth, first };
  cases.push({
    question: 'subprocessorChain',
    args: `${chainRoot.name}, depth ${maxDepth}`,
    floor: floor(WALKS.subprocessorChain, a),
    backend: () => sql.subprocessorChain(a),
    api: () => gql(`query($o: String!, $d: Int!, $f: Int!) { subprocessorChain(organization: $o, maxDepth: $d, first: $f) { truncated links { organizations { name } ${HOPS} } } }`, { o: chainRoot.name, d: maxDepth, f: first }),
  });
}
for (const n of [2, 20, 50]) {
  const a = { controllers: busiest.slice(0, n).map((c) => c.id), first };
  cases.push({
    question: 'sharedVendors',
    args: `${n} busiest controllers`,
    floor: () => run(WALKS.sharedVendors(a)),
    backend: () => sql.sharedVendors(a),
    api: () => gql(`query($c: [String!]!, $f: Int!) { sharedVendors(controllers: $c, first: $f) { truncated vendors { vendor { name } controllers { controller { name } roles services { name } } sharedServices { name } } } }`, { c: a.controllers, f: first }),
  });
}
for (const maxDepth of depths) {
  const a = { vendor: vendor.id, maxDepth, first };
  cases.push({
    question: 'exposure',
    args: `${vendor.name}, depth ${maxDepth}`,
    floor: floor(WALKS.exposure, a),
    backend: () => sql.exposure(a),
    api: () => gql(`query($v: String!, $d: Int!, $f: Int!) { exposure(vendor: $v, maxDepth: $d, first: $f) { truncated paths { controller { name } organizations { name } ${HOPS} } } }`, { v: vendor.name, d: maxDepth, f: first }),
  });
}

console.log(`graph: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}; PostgreSQL ${db.location}; first ${first}; ${runs} runs after 2 warm-ups`);
const rows: (string | number)[][] = [];
for (const c of cases) {
  const answers = (await c.backend()).length;
  const [f, b, a] = [await time(c.floor), await time(c.backend), await time(c.api)];
  rows.push([c.question, c.args, answers, `${ms(f.p50)} / ${ms(f.p95)}`, `${ms(b.p50)} / ${ms(b.p95)}`, `${ms(a.p50)} / ${ms(a.p95)}`]);
  console.error(rows.at(-1)!.join(' | ')); // as it goes: a deep case can take minutes
}
console.log(markdownTable(['question', 'arguments', 'answers', 'floor p50 / p95 ms', 'backend p50 / p95 ms', 'API p50 / p95 ms'], rows));
await pool.end();
await db.close();
