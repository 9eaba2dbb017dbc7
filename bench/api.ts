// API latency under load beside raw SQL (issue 4). Starts the real server in a child process on
// a PostgreSQL database filled by `npm run bench:ingest`, drives five operations with autocannon
// at several concurrencies, times the same five questions as hand-written SQL through `pg`, and
// optionally samples the server's memory over a long mixed run.
//
//   npm run bench:api [-- --duration 10] [--connections 1,10,50] [--sql-connections 1]
//                     [--soak 300] [--no-cache] [--vendor Google]
//   database: BENCH_DATABASE_URL, default postgres://postgres:postgres@localhost:5432/policygraph_bench
import pg from 'pg';
import { machineLine } from './api/machine.js';
import { operations, PICK_CONTROLLER_SQL, type Operation } from './api/operations.js';
import { startServerProcess, type ServerProcess } from './api/server-process.js';
import { httpLoad } from './api/http-load.js';
import { sqlLoad } from './api/sql-load.js';
import { soak, firstVsLastMinute } from './api/soak.js';
import type { Summary } from './api/stats.js';
import { markdownTable, mb, ms } from './api/table.js';

const DEFAULT_URL = 'postgres://postgres:postgres@localhost:5432/policygraph_bench';

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (name: string, dflt: string) => (value(name) ?? dflt).split(',').map(Number).filter((n) => n > 0);
  return {
    duration: Number(value('--duration') ?? 10),
    connections: list('--connections', '1,10,50'),
    sqlConnections: list('--sql-connections', '1'),
    soakSeconds: Number(value('--soak') ?? 0),
    cache: !argv.includes('--no-cache'),
    vendor: value('--vendor') ?? 'Google',
    databaseUrl: process.env.BENCH_DATABASE_URL || DEFAULT_URL,
  };
}

async function databaseSize(pool: pg.Pool, url: string): Promise<{ policies: number; transfers: number }> {
  const empty = `no policies in ${redact(url)}: fill it first with \`npm run bench:ingest -- --n 10000\` (or set BENCH_DATABASE_URL)`;
  try {
    const { rows } = await pool.query(`SELECT
      (SELECT count(*) FROM "Policy" WHERE "currentVersionId" IS NOT NULL)::int AS policies,
      (SELECT count(*) FROM "Transfer" t JOIN "PolicyVersion" v ON v.id = t."versionId" AND v."isCurrent")::int AS transfers`);
    if (!rows[0].policies) throw new Error(empty);
    return rows[0];
  } catch (e) {
    // a database that does not exist or has no tables yet is just as unfilled
    if ((e as { code?: string }).code === '3D000' || (e as { code?: string }).code === '42P01') throw new Error(empty);
    throw e;
  }
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** One full request per operation: a GraphQL success whose answer has the size the SQL floor finds. */
async function crossCheck(server: ServerProcess, pool: pg.Pool, ops: Operation[]): Promise<void> {
  for (const op of ops) {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: op.body });
    const json = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
    if (!res.ok || json.errors) throw new Error(`${op.title}: ${res.status} ${JSON.stringify(json.errors)}`);
    const { rows } = await pool.query(op.sql);
    const api = op.apiCount(json.data);
    const sql = op.sqlCount(rows[0]);
    if (api !== sql) throw new Error(`${op.title}: the API answers ${api}, the SQL floor ${sql}`);
    console.log(`  ${op.title}: ${api} (API and SQL agree)`);
  }
}

/** A few seconds of each request before measuring: JIT, plan caches, connection pools. */
async function warmUp(server: ServerProcess, ops: Operation[]): Promise<void> {
  for (const op of ops) await httpLoad(server.url, op.body, 10, 2);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`# npm run bench:api -- ${process.argv.slice(2).join(' ')}`.trimEnd());
  console.log(`machine: ${machineLine()}`);
  const pool = new pg.Pool({ connectionString: args.databaseUrl, max: Math.max(...args.sqlConnections, 1) });
  let server: ServerProcess | undefined;
  try {
    const size = await databaseSize(pool, args.databaseUrl);
    console.log(`database: ${redact(args.databaseUrl)} — ${size.policies} policies, ${size.transfers} current transfers`);
    const controller = (await pool.query(PICK_CONTROLLER_SQL)).rows[0]?.name as string | undefined;
    if (!controller) throw new Error('no controller with a vendor tree in the database');
    const ops = await operations(controller, args.vendor);

    server = await startServerProcess(args.databaseUrl, args.cache ? {} : { RESPONSE_CACHE: 'off' });
    console.log(`server: pid ${server.pid} at ${server.url}, response cache ${args.cache ? 'on' : 'off'}`);
    console.log('answers:');
    await crossCheck(server, pool, ops);
    await warmUp(server, ops);

    const api = new Map<string, Summary>();
    for (const op of ops)
      for (const c of args.connections) {
        api.set(`${op.id}@${c}`, await httpLoad(server.url, op.body, c, args.duration));
        process.stderr.write('.');
      }
    const sql = new Map<string, Summary>();
    for (const op of ops)
      for (const c of args.sqlConnections) {
        sql.set(`${op.id}@${c}`, await sqlLoad(pool, op.sql, c, args.duration));
        process.stderr.write('.');
      }
    process.stderr.write('\n');
    printTables(ops, args, api, sql);

    if (args.soakSeconds > 0) await printSoak(server, ops, args.soakSeconds);
    return 0;
  } finally {
    await server?.stop();
    await pool.end();
  }
}

function printTables(ops: Operation[], args: ReturnType<typeof parseArgs>, api: Map<string, Summary>, sql: Map<string, Summary>) {
  const row = (op: Operation, c: number, s: Summary) => [op.title, c, s.rps.toFixed(0), ms(s.p50), ms(s.p95), ms(s.p99), s.errors + s.non2xx, s.failures];
  const header = ['operation', 'conc.', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors+non-2xx', 'GraphQL failures'];
  console.log(`\n## API over HTTP (${args.duration} s per row)\n`);
  console.log(markdownTable(header, ops.flatMap((op) => args.connections.map((c) => row(op, c, api.get(`${op.id}@${c}`)!)))));
  console.log(`\n## Raw SQL through pg (${args.duration} s per row)\n`);
  const sqlRow = (op: Operation, c: number, s: Summary) => [op.title, c, s.rps.toFixed(0), ms(s.p50), ms(s.p95), ms(s.p99), s.failures];
  console.log(markdownTable([...header.slice(0, 6), 'SQL errors'], ops.flatMap((op) => args.sqlConnections.map((c) => sqlRow(op, c, sql.get(`${op.id}@${c}`)!)))));
  if (api.has(`${ops[0].id}@1`) && sql.has(`${ops[0].id}@1`)) {
    console.log('\n## API p50 / raw SQL p50 at concurrency 1 (target ≤ 2×)\n');
    console.log(
      markdownTable(
        ['operation', 'API p50 ms', 'SQL p50 ms', 'ratio', 'target'],
        ops.map((op) => {
          const a = api.get(`${op.id}@1`)!.p50, s = sql.get(`${op.id}@1`)!.p50;
          return [op.title, ms(a), ms(s), `${(a / s).toFixed(2)}×`, a / s <= 2 ? 'met' : 'missed'];
        }),
      ),
    );
  }
  const zoom = api.get(`${ops[0].id}@50`);
  if (zoom)
    console.log(
      `\ntarget — ${ops[0].title} at concurrency 50: p99 ${ms(zoom.p99)} ms (≤ 20: ${zoom.p99 <= 20 ? 'met' : 'missed'}), ` +
        `${zoom.rps.toFixed(0)} req/s (≥ 1000: ${zoom.rps >= 1000 ? 'met' : 'missed'})`,
    );
}

async function printSoak(server: ServerProcess, ops: Operation[], seconds: number) {
  console.log(`\n## Memory: mixed operations at concurrency 10 for ${seconds} s, server sampled every 10 s\n`);
  const r = await soak(server, ops, seconds, 10);
  console.log(markdownTable(['t s', 'RSS MB', 'heap used MB', 'heap total MB', 'external MB'], r.samples.map((s) => [s.t, mb(s.rss), mb(s.heapUsed), mb(s.heapTotal), mb(s.external)])));
  console.log(`\n${r.requests} requests, ${r.errors + r.non2xx} errors/non-2xx, ${r.failures} GraphQL failures`);
  for (const key of ['rss', 'heapUsed'] as const) {
    const { first, last } = firstVsLastMinute(r.samples, key);
    console.log(`${key}: first minute ${mb(first)} MB, last minute ${mb(last)} MB (${(((last - first) / first) * 100).toFixed(1)}%)`);
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`bench:api: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  },
);
