// `bench:api --during-ingest [N]`: the acceptance question ("US via Zoom") while a bulk ingest
// runs at full speed — the case the response cache cannot hide, since every commit drops
// cached answers (coalesced to one drop a second, src/graphql/follow-changes.ts). Each row
// starts from its own copy of the benchmark database (./database-copy.ts: the original is never
// written), runs our server on it (cache on as served, or RESPONSE_CACHE=off) and, in another
// process (./ingest-child.ts), ingests N fresh corpus policies into the copy through the
// product's bulk path, while autocannon asks the question for exactly as long as the ingest
// runs. A first row ingests alone, with no server: the rate the load is compared with.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { ensureCorpus } from '../corpus-cache.js';
import { copyDatabase } from './database-copy.js';
import type { IngestChildMessage } from './ingest-child.js';
import { httpLoad, httpLoadUntil } from './http-load.js';
import { waitIdle } from './idle.js';
import { resolveIds, zoomToUs, type Operation } from './operations.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { runFloor } from './sql-load.js';
import type { Summary } from './stats.js';
import { markdownTable, ms } from './table.js';
import type { ResponseCacheStats } from '../../src/graphql/response-cache.js';
import { INVALIDATION_WINDOW_MS } from '../../src/graphql/follow-changes.js';

export interface DuringIngestArgs {
  databaseUrl: string;
  /** Fresh policies ingested per row. */
  policies: number;
  /** The corpus seed of those policies: another than the benchmark database's (bench:ingest uses 1). */
  seed: number;
  connections: number[];
}

interface IngestFigures {
  policies: number;
  created: number;
  failed: number;
  seconds: number;
  firstErrors: string[];
}

interface Row {
  subject: string;
  connections: number;
  load: Summary;
  ingest: IngestFigures;
  /** Counts within the load window; null with the cache off. */
  cache: ResponseCacheStats | null;
}

const SUBJECTS: { name: string; env: Record<string, string> }[] = [
  { name: 'cache on', env: {} },
  { name: 'cache off', env: { RESPONSE_CACHE: 'off' } },
];

/** How often progress is printed while a row runs. */
const PROGRESS_MS = 2000;

export async function duringIngest(args: DuringIngestArgs): Promise<void> {
  const dir = ensureCorpus(args.policies, args.seed);
  console.log(`\n## During a bulk ingest: ${args.policies} fresh policies (corpus seed ${args.seed}, ${dir}) into a copy of the database per row\n`);
  console.error('ingest alone (no server):');
  const alone = await withCopy(args.databaseUrl, async (url) => {
    const ingest = await startIngest(url, dir);
    return ingest.go(reportProgress('  alone', args.policies, () => '')).done;
  });
  console.error(`  alone: ${alone.policies} policies in ${alone.seconds.toFixed(1)} s (${rate(alone).toFixed(1)}/s)`);
  const rows: Row[] = [];
  for (const subject of SUBJECTS)
    for (const c of args.connections) {
      console.error(`${subject.name}, c=${c}:`);
      rows.push(await withCopy(args.databaseUrl, (url) => loadRow(url, dir, subject, c, args.policies)));
    }
  printTable(args, alone, rows);
}

/** Runs `fn` on a fresh copy of the database; the copy is dropped afterwards, whatever happens. */
async function withCopy<T>(databaseUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const copy = await copyDatabase(databaseUrl);
  console.error(`  copied the database to ${copy.name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    return await fn(copy.url);
  } finally {
    await copy.drop();
  }
}

async function loadRow(url: string, dir: string, subject: (typeof SUBJECTS)[number], connections: number, policies: number): Promise<Row> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {}); // an idle connection ended by the copy's drop (on SIGINT): nothing to do
  let server: ServerProcess | undefined;
  let ingest: IngestProcess | undefined;
  try {
    const op = await zoomToUs(await resolveIds(pool, 'Google'));
    server = await startServerProcess(url, subject.env);
    await agrees(server, pool, op, 0);
    await httpLoad(server.url, op.body, 10, 2); // warm-up: JIT, plan caches, pools
    await waitIdle(server, pool);
    ingest = await startIngest(url, dir);
    let answers = 0;
    let before: ResponseCacheStats | null = null;
    let last: ResponseCacheStats | null = null;
    const s = server;
    const progress = reportProgress(`  ${subject.name}, c=${connections}`, policies, () => {
      void s.cacheStats().then((now) => (last = now));
      const window = diff(last, before);
      return `; ${answers} answers${window ? `, hit rate ${hitRate(window)} (${window.invalidations} invalidations)` : ''}`;
    });
    const run = ingest.go(progress);
    // counted from the first commit: before it, the ingest is still starting (workers, the first
    // batch's extraction) and a cached answer is never dropped
    const from = run.firstCommit.then(async () => (before = last = await s.cacheStats()));
    const [load, figures] = await Promise.all([httpLoadUntil(server.url, op.body, connections, { from, until: run.done }, () => answers++), run.done]);
    const cache = diff(await server.cacheStats(), before);
    // the last commits must reach the server too: once the coalesced invalidation has run, it
    // answers what the database holds
    await agrees(server, pool, op, INVALIDATION_WINDOW_MS * 5);
    return { subject: subject.name, connections, load, ingest: figures, cache };
  } finally {
    ingest?.kill();
    await server?.stop();
    await pool.end();
  }
}

/** The server's answer has the size the SQL floor finds on the same database, within `waitMs`. */
async function agrees(server: ServerProcess, pool: pg.Pool, op: Operation, waitMs: number): Promise<void> {
  const until = performance.now() + waitMs;
  for (;;) {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: op.body });
    const json = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
    if (!res.ok || json.errors) throw new Error(`${op.title}: ${res.status} ${JSON.stringify(json.errors)}`);
    const api = op.apiCount(json.data);
    const sql = op.sqlCount((await runFloor(pool, op.sql))[0]);
    if (api === sql) return;
    if (performance.now() > until) throw new Error(`${op.title}: the server answers ${api}, the database holds ${sql}${waitMs ? ` ${waitMs} ms after the ingest ended (a stale cached answer)` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface IngestProcess {
  /** Starts the ingest: its first commit, and its figures once every policy is in. `onProgress` hears of each policy. */
  go(onProgress: (done: number) => void): { firstCommit: Promise<void>; done: Promise<IngestFigures> };
  kill(): void;
}

/** Forks the ingest child on `url` and resolves once it has opened the database. */
function startIngest(url: string, dir: string): Promise<IngestProcess> {
  // execArgv is inherited: under tsx it carries the TypeScript loader
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'ingest-child.ts'), [dir], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let onProgress = (_done: number) => {};
  let committed = () => {};
  const firstCommit = new Promise<void>((resolve) => (committed = resolve));
  let finished: (f: IngestFigures) => void = () => {};
  let failed: (e: Error) => void = () => {};
  const done = new Promise<IngestFigures>((resolve, reject) => ((finished = resolve), (failed = reject)));
  done.catch(() => {}); // observed through go(); a child that dies before "ready" rejects below
  return new Promise((resolve, reject) => {
    child.on('message', (m: IngestChildMessage) => {
      if (m.type === 'ready')
        resolve({
          go(progress) {
            onProgress = progress;
            child.send({ type: 'go' });
            return { firstCommit, done };
          },
          kill: () => child.exitCode === null && child.kill(),
        });
      else if (m.type === 'progress') {
        committed(); // the first outcome comes right after the first batch's transaction
        onProgress(m.done);
      }
      else if (m.type === 'done') {
        if (m.failed) console.error(`  ${m.failed} policies failed to ingest, e.g. ${m.firstErrors[0]}`);
        finished(m);
      }
    });
    child.once('exit', (code) => {
      const e = new Error(`the ingest process exited (code ${code}) before it was done`);
      reject(e);
      failed(e);
    });
  });
}

/** A progress callback printing a line at most every PROGRESS_MS: policies in, their rate, and what `more` adds. */
function reportProgress(label: string, total: number, more: () => string): (done: number) => void {
  const t0 = performance.now();
  let printed = t0;
  return (done) => {
    const now = performance.now();
    if (now - printed < PROGRESS_MS && done < total) return;
    printed = now;
    console.error(`${label}: ${done}/${total} policies (${((done * 1000) / (now - t0)).toFixed(1)}/s)${more()}`);
  };
}

const diff = (after: ResponseCacheStats | null, before: ResponseCacheStats | null): ResponseCacheStats | null =>
  after && before
    ? { hits: after.hits - before.hits, shared: after.shared - before.shared, misses: after.misses - before.misses, invalidations: after.invalidations - before.invalidations }
    : null;
/** Requests answered without computing their answer: stored, or shared with a request computing it. */
const hitRate = (s: ResponseCacheStats) => {
  const all = s.hits + s.shared + s.misses;
  return all ? `${((100 * (s.hits + s.shared)) / all).toFixed(1)} %` : '–';
};
const rate = (f: IngestFigures) => f.policies / f.seconds;

function printTable(args: DuringIngestArgs, alone: IngestFigures, rows: Row[]): void {
  console.log(`ingest alone: ${alone.policies} policies in ${alone.seconds.toFixed(1)} s, ${rate(alone).toFixed(1)} policies/s${alone.failed ? ` (${alone.failed} failed)` : ''}\n`);
  console.log(
    markdownTable(
      ['server', 'conc.', 'req/s', 'p50 ms', 'p99 ms', 'errors+non-2xx', 'GraphQL failures', 'cache hit rate', 'answers computed', 'invalidations', 'ingest policies/s', 'ingest vs. alone'],
      rows.map((r) => [
        r.subject,
        r.connections,
        r.load.rps.toFixed(0),
        ms(r.load.p50),
        ms(r.load.p99),
        r.load.errors + r.load.non2xx,
        r.load.failures,
        r.cache ? hitRate(r.cache) : '–',
        r.cache ? r.cache.misses : r.load.requests,
        r.cache ? r.cache.invalidations : '–',
        rate(r.ingest).toFixed(1),
        `${((100 * rate(r.ingest)) / rate(alone)).toFixed(0)} %`,
      ]),
    ),
  );
  const target = rows.find((r) => r.subject === 'cache on' && r.connections === 50);
  if (target) console.log(`\ntarget — the acceptance question at c=50 during the ingest, as served: ${target.load.rps.toFixed(0)} req/s (≥ 100: ${target.load.rps >= 100 ? 'met' : 'missed'})`);
  console.log(
    `Each row: the question asked from the ingest's first commit to its last (${args.policies} policies); hit rate (answered from a stored answer or one being computed for another request), answers computed and invalidations counted by the server over that window; ingest rates from start to end, as bench:ingest counts them.`,
  );
}
