// Ingestion throughput: the synthetic corpus (src/corpus) through the product's bulk path
// (`policy-graph ingest`: worker-pool extraction, batches of policies per transaction) into an empty
// PGlite folder and an empty PostgreSQL database. Each engine runs in a child process of its
// own, so "peak memory" is that process's maximum RSS (worker threads included).
// CPU per policy: the ingesting process's (threads included; on PGlite the database runs in it too) and,
// where PostgreSQL runs on this machine, its processes' (from /proc).
//
//   npm run bench:ingest -- --n 10000 [--seed 1] [--engines pglite,postgres] [--threads N]
//
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres:postgres@localhost:5432/policygraph_bench);
// that database is dropped and created anew, so its name must contain "bench". It is left
// filled for `npm run bench:api`.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { corpusDir, ensureCorpus } from './corpus-cache.js';
import { cpuMsOfCommand } from './proc-stat.js';
import type { Db } from '../src/db.js';
import { argsOrExit, parseCommand } from '../src/cli/args.js';

const USAGE = `usage: npm run bench:ingest -- --n N [--seed S] [--engines pglite,postgres] [--threads T]
  --n N          policies of the synthetic corpus (default 1000)
  --seed S       the corpus seed (default 1)
  --engines E    pglite, postgres or both (default both)
  --threads T    extraction worker threads (default: one per core)
PostgreSQL: BENCH_DATABASE_URL (dropped and created anew: its name must contain "bench").`;
const DEFAULT_BENCH_URL = 'postgres://postgres:postgres@localhost:5432/policygraph_bench';

interface EngineFigures {
  engine: 'pglite' | 'postgres';
  policies: number;
  created: number;
  failed: number;
  seconds: number;
  perSecond: number;
  dbBytes: number;
  peakRssBytes: number;
  /** CPU per policy of the ingesting process (main thread and extraction workers). */
  nodeCpuMs: number;
  /** CPU per policy of the PostgreSQL server's processes, when they run on this machine. */
  postgresCpuMs: number | null;
  transfers: number;
  organizations: number;
  firstErrors: string[];
}

const values = argsOrExit(USAGE, () =>
  parseCommand(process.argv.slice(2), { n: { type: 'string' }, seed: { type: 'string' }, engines: { type: 'string' }, threads: { type: 'string' }, child: { type: 'string' } }, USAGE),
).values;
const n = Number(values.n ?? 1000);
const seed = Number(values.seed ?? 1);
const threads = values.threads ? Number(values.threads) : undefined;
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed) || (threads !== undefined && !(threads > 0))) {
  console.error(USAGE);
  process.exit(2);
}

if (values.child) {
  try {
    process.send!(await runEngine(values.child as EngineFigures['engine'], corpusDir(n, seed)));
  } catch (e) {
    console.error(`bench:ingest ${values.child}: ${(e as Error).message}`);
    if (values.child === 'postgres') console.error('  (start a server, e.g. `pg_ctlcluster 15 main start`, or set BENCH_DATABASE_URL)');
    process.exitCode = 1;
  }
} else {
  await main();
}

async function main(): Promise<void> {
  const engines = (values.engines ?? 'pglite,postgres').split(',').map((e) => e.trim());
  if (engines.some((e) => e !== 'pglite' && e !== 'postgres')) {
    console.error(`unknown engine in --engines ${values.engines}\n${USAGE}`);
    process.exit(2);
  }
  const dir = ensureCorpus(n, seed);
  const results: EngineFigures[] = [];
  for (const engine of engines) {
    try {
      results.push(await runChild(engine));
    } catch (e) {
      console.error((e as Error).message);
      process.exitCode = 1;
    }
  }
  if (!results.length) return;
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  const cpu = cpus();
  console.log(`\nbench:ingest — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpu[0]?.model ?? 'cpu'} × ${cpu.length} cores, ${mb(totalmem())} MB RAM`);
  console.log(`command: npm run bench:ingest -- ${process.argv.slice(2).join(' ')}   corpus: ${dir} (${n} policies, seed ${seed}, ${mb(dirBytes(dir))} MB)\n`);
  console.log('| engine | policies | new versions | failed | total time | policies/s | CPU/policy: node | CPU/policy: PostgreSQL | database size | peak RSS | transfers | organizations |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.engine} | ${r.policies} | ${r.created} | ${r.failed} | ${r.seconds.toFixed(1)} s | ${r.perSecond.toFixed(1)} | ${r.nodeCpuMs.toFixed(1)} ms | ${r.postgresCpuMs === null ? '–' : `${r.postgresCpuMs.toFixed(1)} ms`} | ${mb(r.dbBytes)} MB | ${mb(r.peakRssBytes)} MB | ${r.transfers} | ${r.organizations} |`,
    );
  }
  for (const r of results) for (const e of r.firstErrors) console.log(`  ${r.engine} failure: ${e}`);
}

function runChild(engine: string): Promise<EngineFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...process.argv.slice(2), '--child', engine], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let figures: EngineFigures | undefined;
    child.on('message', (m) => (figures = m as EngineFigures));
    child.on('exit', (code) => (figures ? resolve(figures) : reject(new Error(`${engine} run exited with code ${code}`))));
  });
}

function dirBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

async function freshPostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/bench/i.test(name) || !/^[\w-]+$/.test(name)) throw new Error(`refusing to recreate database "${name}": its name must contain "bench"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.href });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  } finally {
    await c.end();
  }
}

/** The built modules (dist/, `npm run build`), as `policy-graph ingest` runs them: from the sources
 * under tsx the same ingest measured ~8 % more CPU per policy and ~10 % fewer policies/s. */
async function builtModules() {
  const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url).href;
  const [db, ingest] = await Promise.all([import(dist('db.js')), import(dist('store/ingest-files.js'))]);
  return { openDb: db.openDb as typeof import('../src/db.js').openDb, ingestFiles: ingest.ingestFiles as typeof import('../src/store/ingest-files.js').ingestFiles };
}

async function runEngine(engine: EngineFigures['engine'], dir: string): Promise<EngineFigures> {
  const { openDb, ingestFiles } = await builtModules();
  let db: Db;
  let location: string;
  if (engine === 'postgres') {
    location = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL;
    await freshPostgres(location);
    db = await openDb({ databaseUrl: location });
  } else {
    location = path.resolve('.data/bench-pglite');
    rmSync(location, { recursive: true, force: true });
    db = await openDb({ dataDir: location });
  }
  const files = readdirSync(dir).sort().map((f) => ({ path: path.join(dir, f), source: `corpus/${f}` }));
  const errors: string[] = [];
  let done = 0;
  const step = Math.max(1, Math.ceil(files.length / 20));
  const cpu0 = process.cpuUsage();
  const postgres0 = engine === 'postgres' ? cpuMsOfCommand('postgres') : null;
  const t0 = performance.now();
  const summary = await ingestFiles(db.prisma, files, {
    threads,
    onOutcome: (o) => {
      if (o.error && errors.length < 5) errors.push(`${o.item.path}: ${o.error.message}`);
      if (++done % step === 0) console.error(`${engine}: ${done}/${files.length} (${((done * 1000) / (performance.now() - t0)).toFixed(1)}/s)`);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // read before the pool closes: a backend's CPU leaves the sum when it exits
  const postgres1 = postgres0 === null ? null : cpuMsOfCommand('postgres');
  const [size] = await db.prisma.$queryRawUnsafe<{ bytes: bigint }[]>('SELECT pg_database_size(current_database()) AS bytes');
  const transfers = await db.prisma.transfer.count();
  const organizations = await db.prisma.organization.count();
  await db.close();
  return {
    engine,
    policies: files.length,
    created: summary.created,
    failed: summary.failed,
    seconds,
    perSecond: files.length / seconds,
    dbBytes: engine === 'pglite' ? dirBytes(location) : Number(size.bytes),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    nodeCpuMs: (cpu.user + cpu.system) / 1000 / files.length,
    postgresCpuMs: postgres0 === null || postgres1 === null ? null : (postgres1 - postgres0) / files.length,
    transfers,
    organizations,
    firstErrors: errors,
  };
}
