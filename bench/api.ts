// API latency under load beside its floor and its peer (issues 4 and 11). On a PostgreSQL
// database filled by `npm run bench:ingest` (or `policy-graph ingest` of `npm run corpus`), in one
// run: the five questions as hand-written SQL through `pg` (the floor), then our server
// uncached and cached, then PostGraphile 4 (read-only, same database) on the questions its
// schema can ask — each server in a child process of its own, driven by autocannon at several
// concurrencies, every answer checked against the floor's, each row started only once the
// previous one's requests are over. Prints the ratios ours / floor and ours / PostGraphile.
// With --during-ingest, instead: the acceptance question while a bulk ingest runs
// (bench/api/during-ingest.ts), on copies of the database.
import pg from 'pg';
import { withUsage } from '../src/cli/args.js';
import { parseBenchArgs, USAGE, type BenchArgs } from './api/args.js';
import { machineLine } from './api/machine.js';
import { operations, PICK_CONTROLLER_SQL, resolveIds, type Operation } from './api/operations.js';
import { waitIdle } from './api/idle.js';
import { startServerProcess, type ServerKind, type ServerProcess } from './api/server-process.js';
import { httpLoad } from './api/http-load.js';
import { runFloor, sqlLoad } from './api/sql-load.js';
import { soak, firstVsLastMinute } from './api/soak.js';
import { duringIngest } from './api/during-ingest.js';
import type { Summary } from './api/stats.js';
import { markdownTable, mb, ms } from './api/table.js';

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

interface Subject {
  name: string;
  kind: ServerKind;
  env: Record<string, string>;
  /** The request this subject answers for an operation, and the size of its answer; none: it cannot ask it. */
  ask(op: Operation): { body: string; count(data: any): number } | undefined;
}

const OURS = (op: Operation) => ({ body: op.body, count: op.apiCount });

/** One full request per operation: a GraphQL success whose answer has the size the SQL floor finds. */
async function crossCheck(subject: Subject, server: ServerProcess, pool: pg.Pool, ops: Operation[]): Promise<void> {
  for (const op of ops) {
    const q = subject.ask(op);
    if (!q) continue;
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q.body });
    const json = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
    if (!res.ok || json.errors) throw new Error(`${subject.name}, ${op.title}: ${res.status} ${JSON.stringify(json.errors)}`);
    const rows = await runFloor(pool, op.sql);
    const api = q.count(json.data);
    const sql = op.sqlCount(rows[0]);
    if (api !== sql) throw new Error(`${subject.name}, ${op.title}: answers ${api}, the SQL floor ${sql}`);
    console.log(`  ${subject.name}, ${op.title}: ${api} (agrees with the SQL floor)`);
  }
}

interface SubjectRun {
  rows: Map<string, Summary>;
  /** Resident memory right after its rows. */
  rss: number;
  /** …and after --settle idle seconds (a heap grown under load is given back only once the server is idle). */
  settledRss?: number;
  /** Longest wait for the server to become idle between rows (ms). */
  maxIdleWait: number;
}

async function runSubject(subject: Subject, databaseUrl: string, pool: pg.Pool, ops: Operation[], args: BenchArgs): Promise<SubjectRun> {
  const server = await startServerProcess(databaseUrl, subject.env, subject.kind);
  try {
    console.log(`${subject.name}: pid ${server.pid} at ${server.url}`);
    await crossCheck(subject, server, pool, ops);
    for (const op of ops) {
      const q = subject.ask(op);
      if (q) await httpLoad(server.url, q.body, 10, 2); // warm-up: JIT, plan caches, pools
    }
    const rows = new Map<string, Summary>();
    let maxIdleWait = await waitIdle(server, pool);
    for (const op of ops) {
      const q = subject.ask(op);
      if (!q) continue;
      for (const c of args.connections) {
        rows.set(`${op.id}@${c}`, await httpLoad(server.url, q.body, c, args.duration));
        maxIdleWait = Math.max(maxIdleWait, await waitIdle(server, pool));
        process.stderr.write('.');
      }
    }
    process.stderr.write('\n');
    const rss = (await server.memory()).rss;
    if (!args.settleSeconds) return { rows, rss, maxIdleWait };
    await new Promise((r) => setTimeout(r, args.settleSeconds * 1000));
    return { rows, rss, settledRss: (await server.memory()).rss, maxIdleWait };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (!args) return 0;
  console.log(`# npm run bench:api -- ${process.argv.slice(2).join(' ')}`.trimEnd());
  console.log(`machine: ${machineLine()}`);
  if (args.duringIngest) {
    await requireFilled(args.databaseUrl);
    await duringIngest({ databaseUrl: args.databaseUrl, policies: args.duringIngest, seed: args.ingestSeed, connections: args.connections });
    return 0;
  }
  const pool = new pg.Pool({ connectionString: args.databaseUrl, max: Math.max(...args.sqlConnections, 1) + 1 });
  try {
    const size = await databaseSize(pool, args.databaseUrl);
    console.log(`database: ${redact(args.databaseUrl)} — ${size.policies} policies, ${size.transfers} current transfers`);
    const controller = (await pool.query(PICK_CONTROLLER_SQL)).rows[0]?.name as string | undefined;
    if (!controller) throw new Error('no controller with a vendor tree in the database');
    const ops = await operations(await resolveIds(pool, args.vendor), controller, args.vendor);

    const sql = new Map<string, Summary>();
    for (const op of ops)
      for (const c of args.sqlConnections) {
        sql.set(`${op.id}@${c}`, await sqlLoad(pool, op.sql, c, args.duration));
        process.stderr.write('.');
      }
    process.stderr.write('\n');

    const subjects: Subject[] = [
      { name: 'ours, cache off', kind: 'ours', env: { RESPONSE_CACHE: 'off' }, ask: OURS },
      ...(args.cache ? [{ name: 'ours, cache on', kind: 'ours' as const, env: {}, ask: OURS }] : []),
      ...(args.peer ? [{ name: 'PostGraphile 4', kind: 'postgraphile' as const, env: {}, ask: (op: Operation) => op.postgraphile }] : []),
    ];
    const runs = new Map<string, SubjectRun>();
    for (const subject of subjects) {
      // our server failing fails the bench; the peer failing leaves its columns empty and says why
      if (subject.kind === 'ours') runs.set(subject.name, await runSubject(subject, args.databaseUrl, pool, ops, args));
      else
        await runSubject(subject, args.databaseUrl, pool, ops, args).then(
          (run) => runs.set(subject.name, run),
          (e) => console.error(`bench:api: ${subject.name} left out: ${e instanceof Error ? e.message : e}`),
        );
    }
    printTables(ops, args, runs, sql);

    if (args.soakSeconds > 0) {
      const server = await startServerProcess(args.databaseUrl, args.cache ? {} : { RESPONSE_CACHE: 'off' });
      try {
        await printSoak(server, ops, args.soakSeconds);
      } finally {
        await server.stop();
      }
    }
    return 0;
  } finally {
    await pool.end();
  }
}

function printTables(ops: Operation[], args: BenchArgs, runs: Map<string, SubjectRun>, sql: Map<string, Summary>) {
  const header = ['operation', 'conc.', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors+non-2xx', 'GraphQL failures'];
  const row = (title: string, c: number, s: Summary) => [title, c, s.rps.toFixed(0), ms(s.p50), ms(s.p95), ms(s.p99), s.errors + s.non2xx, s.failures];
  for (const [name, run] of runs) {
    const settled = run.settledRss === undefined ? '' : `, ${mb(run.settledRss)} MB after ${args.settleSeconds} s idle`;
    console.log(`\n## ${name}, over HTTP (${args.duration} s per row; resident memory right afterwards ${mb(run.rss)} MB${settled}; longest wait for idle between rows ${(run.maxIdleWait / 1000).toFixed(1)} s)\n`);
    console.log(markdownTable(header, ops.flatMap((op) => args.connections.filter((c) => run.rows.has(`${op.id}@${c}`)).map((c) => row(op.title, c, run.rows.get(`${op.id}@${c}`)!)))));
  }
  console.log(`\n## The floor: hand-written SQL through pg (${args.duration} s per row)\n`);
  const sqlRow = (op: Operation, c: number, s: Summary) => [op.title, c, s.rps.toFixed(0), ms(s.p50), ms(s.p95), ms(s.p99), s.failures];
  console.log(markdownTable([...header.slice(0, 6), 'SQL errors'], ops.flatMap((op) => args.sqlConnections.map((c) => sqlRow(op, c, sql.get(`${op.id}@${c}`)!)))));

  // ratios, all from this run
  const ours = runs.get('ours, cache off')!;
  const peer = runs.get('PostGraphile 4');
  const cHigh = Math.max(...args.connections);
  const x = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');
  console.log(`\n## Ratios (same run; cache off): p50 at concurrency 1 against the floor (target ≤ 2×, the acceptance question ≤ 1.5×), throughput at concurrency ${cHigh} against PostGraphile (target ≥ 1.5× on the acceptance question)\n`);
  console.log(
    markdownTable(
      ['operation', 'ours p50', 'SQL p50', 'ours / SQL', 'PostGraphile p50', 'ours / PostGraphile p50', `ours req/s @${cHigh}`, `PostGraphile req/s @${cHigh}`, 'ours / PostGraphile req/s'],
      ops.map((op) => {
        const o1 = ours.rows.get(`${op.id}@1`), s1 = sql.get(`${op.id}@1`), p1 = peer?.rows.get(`${op.id}@1`);
        const oH = ours.rows.get(`${op.id}@${cHigh}`), pH = peer?.rows.get(`${op.id}@${cHigh}`);
        return [
          op.title,
          ms(o1?.p50 ?? NaN), ms(s1?.p50 ?? NaN), x(o1?.p50 ?? NaN, s1?.p50 ?? NaN),
          ms(p1?.p50 ?? NaN), x(o1?.p50 ?? NaN, p1?.p50 ?? NaN),
          oH ? oH.rps.toFixed(0) : '–', pH ? pH.rps.toFixed(0) : '–', x(oH?.rps ?? NaN, pH?.rps ?? NaN),
        ];
      }),
    ),
  );
  const zoom = ours.rows.get(`${ops[0].id}@${cHigh}`);
  const zoom1 = ours.rows.get(`${ops[0].id}@1`);
  if (zoom && zoom1)
    console.log(
      `\ntargets — ${ops[0].title}, cache off: p50 at c=1 ${ms(zoom1.p50)} ms (≤ 10: ${zoom1.p50 <= 10 ? 'met' : 'missed'}); ` +
        `at c=${cHigh} ${zoom.rps.toFixed(0)} req/s (≥ 300: ${zoom.rps >= 300 ? 'met' : 'missed'}), p99 ${ms(zoom.p99)} ms (≤ 150: ${zoom.p99 <= 150 ? 'met' : 'missed'})`,
    );
  const settled = ours.settledRss === undefined ? '' : `, ${mb(ours.settledRss)} MB after ${args.settleSeconds} s idle (${ours.settledRss <= 200 * 2 ** 20 ? 'met' : 'missed'})`;
  console.log(`targets — resident memory, cache off, ≤ 200 MB: ${mb(ours.rss)} MB right after the rows (${ours.rss <= 200 * 2 ** 20 ? 'met' : 'missed'})${settled}`);
  const dash = ours.rows.get('dashboard@1');
  if (dash) console.log(`targets — dashboard, cache off: p50 at c=1 ${ms(dash.p50)} ms (≤ 20: ${dash.p50 <= 20 ? 'met' : 'missed'})`);
  console.log('\nThe machine is shared (2 cores, other work running): absolute figures are noisy; compare the ratios, which come from one run.');
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

/** Refuses an unfilled database, and ends its connection again: PostgreSQL copies a database only while nobody is connected to it. */
async function requireFilled(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const size = await databaseSize(pool, url);
    console.log(`database: ${redact(url)} — ${size.policies} policies, ${size.transfers} current transfers`);
  } finally {
    await pool.end();
  }
}

withUsage(USAGE, main).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`bench:api: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  },
);
