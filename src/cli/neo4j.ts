// `neo4j sync|status`: the Neo4j projection by hand. `sync` rebuilds it from the current graph
// (idempotent: nodes and relationships the store no longer supports are removed); `status`
// says how far behind Neo4j is (the persisted sync queue) and whether it answers.
import cliProgress from 'cli-progress';
import { openDbFromEnv } from '../db.js';
import { connectNeo4j, describeUri, Neo4jConfigError, neo4jConfigFromEnv, Neo4jUnavailableError, type Neo4jConfig } from '../neo4j/connect.js';
import { markRebuilt, pendingRowIds, queueStatus } from '../neo4j/queue.js';
import { syncAll } from '../neo4j/sync.js';
import { syncLock } from '../neo4j/lock.js';
import { parseCommand, UsageError, withUsage } from './args.js';

const USAGE = `usage: policy-graph neo4j sync
       policy-graph neo4j status
  sync    rebuild the Neo4j projection from the current graph (a progress bar on a terminal)
  status  how far behind Neo4j is: queued policies, the oldest, the last error and success
  Settings: NEO4J_URI (bolt://, neo4j://, neo4j+s:// …), NEO4J_USER (default neo4j),
  NEO4J_PASSWORD (required, no default), NEO4J_DATABASE (default: the server's); the graph
  is read from DATABASE_URL, else the embedded database in .data/pglite. A server started
  with NEO4J_URI set syncs after every ingest by itself.`;

export function runNeo4j(argv: string[]): Promise<number> {
  return withUsage(USAGE, () => neo4jCommand(argv));
}

async function neo4jCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, {}, USAGE, { positionals: true });
  if (!parsed) return 0;
  const [action, ...rest] = parsed.positionals;
  if (action !== 'sync' && action !== 'status') throw new UsageError(action ? `unknown action "${action}"` : 'an action is required (sync or status)');
  if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
  let cfg: Neo4jConfig | null;
  try {
    cfg = neo4jConfigFromEnv();
  } catch (e) {
    if (e instanceof Neo4jConfigError) throw new UsageError(e.message);
    throw e;
  }
  return action === 'sync' ? sync(cfg) : status(cfg);
}

async function sync(cfg: Neo4jConfig | null): Promise<number> {
  if (!cfg) throw new UsageError('NEO4J_URI is not set: nothing to sync to');
  // Neo4j first: a wrong address or password is reported in seconds, before the database is opened
  const driver = await reachable(cfg);
  if (!driver) return 1;
  const db = await openDbFromEnv();
  const lock = syncLock(db);
  try {
    if (!(await lock.acquire())) {
      // two writers would undo each other's sweeps: the one syncing (a server's worker) rebuilds instead
      await db.prisma.neo4jSyncQueue.create({ data: { policyId: null } });
      console.log('another process (a server with NEO4J_URI set) syncs this database into Neo4j: queued a full rebuild for it (`neo4j status` shows when it is done)');
      return 0;
    }
    const startedAt = new Date();
    const covered = await pendingRowIds(db.prisma);
    const progress = createProgress();
    let counts;
    try {
      counts = await syncAll(db.prisma, driver, { database: cfg.database, onProgress: progress.tick });
    } finally {
      progress.stop();
    }
    await markRebuilt(db.prisma, covered, startedAt);
    const ms = Date.now() - startedAt.getTime();
    console.log(`synced to Neo4j at ${describeUri(cfg.uri)} in ${ms} ms: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    return 0;
  } finally {
    await lock.release();
    await driver.close();
    await db.close();
  }
}

async function status(cfg: Neo4jConfig | null): Promise<number> {
  const db = await openDbFromEnv();
  let s;
  try {
    s = await queueStatus(db.prisma);
  } finally {
    await db.close();
  }
  const ago = (d: Date) => `${d.toISOString()} (${human(Date.now() - d.getTime())} ago)`;
  console.log(`neo4j:        ${cfg ? `${describeUri(cfg.uri)} as ${cfg.user}${cfg.database ? `, database ${cfg.database}` : ''}` : 'not configured (NEO4J_URI is not set; ingests are not queued)'}`);
  console.log(`pending:      ${s.pending} queued ${s.pending === 1 ? 'change' : 'changes'}${s.oldestPending ? `, the oldest queued ${ago(s.oldestPending)}` : ''}`);
  if (s.lastError) console.log(`last error:   ${s.lastAttemptAt ? ago(s.lastAttemptAt) : ''} after ${s.attempts} ${s.attempts === 1 ? 'attempt' : 'attempts'}: ${s.lastError}`);
  console.log(`last success: ${s.lastSuccess ? ago(s.lastSuccess) : 'never'}`);
  if (!cfg) return 0;
  const driver = await reachable(cfg, console.log);
  if (!driver) return 1;
  await driver.close();
  console.log('reachable:    yes');
  return 0;
}

/** A connected driver, or null after printing why there is none. */
async function reachable(cfg: Neo4jConfig, print: (line: string) => void = console.error) {
  try {
    return await connectNeo4j(cfg);
  } catch (e) {
    if (!(e instanceof Neo4jUnavailableError)) throw e;
    print(`reachable:    no — ${e.message}`);
    return null;
  }
}

function human(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

/** A progress bar over the sync's statements on a terminal; on a pipe, a line every 10%. */
function createProgress() {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ format: 'neo4j sync [{bar}] {value}/{total} statements', hideCursor: true }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      tick: (done: number, total: number) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let next = 0;
  return {
    tick: (done: number, total: number) => {
      if (done >= next || done === total) {
        console.error(`neo4j sync: ${done}/${total} statements`);
        next = done + Math.max(1, Math.ceil(total / 10));
      }
    },
    stop: () => {},
  };
}
