// The server's background catch-up: drains the sync queue into Neo4j, oldest rows first. While
// Neo4j is down or refuses us it backs off (1 s doubling to 5 min) and keeps the rows; when
// Neo4j returns it catches up. It says so on the log when its state changes, not on every retry.
import type { Driver } from 'neo4j-driver';
import type { Db } from '../db.js';
import { connectNeo4j, explainNeo4jError, type Neo4jConfig } from './connect.js';
import { markFailed, markSynced, pendingBatch } from './queue.js';
import { syncAll, syncPolicies } from './sync.js';
import { syncLock } from './lock.js';

export interface Neo4jWorkerOptions {
  log?: (msg: string) => void;
  /** How often an idle worker looks for new rows. */
  idleMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Queue rows per sync. */
  batch?: number;
}

export interface Neo4jWorker {
  /** Finishes the sync in progress (if any), then stops and closes the driver. */
  stop(): Promise<void>;
  /** Resolves once the queue was found empty (or the worker stopped); for callers that must wait for the catch-up. */
  drained(): Promise<void>;
}

export function startNeo4jWorker(db: Pick<Db, 'prisma' | 'server'>, cfg: Neo4jConfig, opts: Neo4jWorkerOptions = {}): Neo4jWorker {
  const prisma = db.prisma;
  const lock = syncLock(db);
  let waitingForLock = false;
  const log = opts.log ?? console.error;
  const idleMs = opts.idleMs ?? 2000;
  const minBackoff = opts.minBackoffMs ?? 1000;
  const maxBackoff = opts.maxBackoffMs ?? 300_000;
  let driver: Driver | null = null;
  let stopped = false;
  let wake: (() => void) | null = null;
  let backoff = 0;
  let lastProblem: string | null = null;
  let drainedWaiters: (() => void)[] = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => ((wake = null), resolve()), ms);
      wake = () => (clearTimeout(t), (wake = null), resolve());
    });

  async function step(): Promise<number> {
    // another process on the same PostgreSQL database is the writer: stand by
    if (!(await lock.acquire())) {
      if (!waitingForLock) log('neo4j: another process syncs this database into Neo4j; this one stands by');
      waitingForLock = true;
      return idleMs;
    }
    waitingForLock = false;
    const batch = await pendingBatch(prisma, opts.batch);
    if (!batch) {
      for (const w of drainedWaiters) w();
      drainedWaiters = [];
      return idleMs;
    }
    try {
      driver ??= await connectNeo4j(cfg);
      const t0 = Date.now();
      const counts = batch.policyIds ? await syncPolicies(prisma, driver, batch.policyIds, { database: cfg.database }) : await syncAll(prisma, driver, { database: cfg.database });
      await markSynced(prisma, batch.rowIds);
      if (lastProblem) log(`neo4j: reachable again, catching up`);
      lastProblem = null;
      backoff = 0;
      log(`neo4j: synced ${batch.policyIds ? `${batch.policyIds.length} policies` : 'the whole graph'} (${counts.engagements} engagements, ${counts.transfers} transfers) in ${Date.now() - t0} ms`);
      return 0;
    } catch (e) {
      const err = explainNeo4jError(e, cfg);
      await markFailed(prisma, batch.rowIds, err.message);
      // a driver that failed may hold a broken pool: the next attempt connects afresh
      await driver?.close().catch(() => {});
      driver = null;
      backoff = Math.min(maxBackoff, backoff ? backoff * 2 : minBackoff);
      if (err.message !== lastProblem) log(`neo4j: ${err.message}; ${batch.rowIds.length} queued rows kept, retrying with back-off (up to ${maxBackoff / 1000} s)`);
      lastProblem = err.message;
      return backoff;
    }
  }

  const loop = (async () => {
    while (!stopped) {
      let wait: number;
      try {
        wait = await step();
      } catch (e) {
        // the primary database itself failed (e.g. closed on shutdown): try again later
        if (stopped) break;
        log(`neo4j: sync queue unreadable: ${(e as Error).message}`);
        wait = maxBackoff;
      }
      if (!stopped && wait) await sleep(wait);
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      for (const w of drainedWaiters) w();
      await driver?.close().catch(() => {});
      await lock.release();
    },
    drained() {
      if (stopped) return Promise.resolve();
      return new Promise((resolve) => {
        drainedWaiters.push(resolve);
        wake?.();
      });
    },
  };
}
