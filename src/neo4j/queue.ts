// The persisted queue between ingestion and Neo4j (model Neo4jSyncQueue). An ingest writes
// one row per policy whose current version changed, in its own transaction, so a policy is
// never stored without Neo4j being told eventually, and an unreachable Neo4j never fails or
// slows an ingest. The worker (./worker.ts) drains the queue; `neo4j status` reads it.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

/** Inside the ingest transaction: queues the policies whose current version changed. A no-op unless NEO4J_URI is set. */
export async function enqueueNeo4jSync(tx: Prisma.TransactionClient, changes: { policyId: string; versionId: string }[]): Promise<void> {
  if (!process.env.NEO4J_URI || !changes.length) return;
  // one statement for the whole batch: bulk ingestion pays per statement
  await tx.$executeRawUnsafe(
    `INSERT INTO "Neo4jSyncQueue" ("policyId", "versionId") SELECT x."policyId", x."versionId" FROM json_to_recordset($1::json) AS x("policyId" text, "versionId" text)`,
    JSON.stringify(changes.map((c) => ({ policyId: c.policyId, versionId: c.versionId }))),
  );
}

export interface PendingBatch {
  /** Queue rows taken (every pending row up to the limit, oldest first). */
  rowIds: number[];
  /** The distinct policies they name; null when a row asks for the whole graph. */
  policyIds: string[] | null;
}

/** The oldest pending rows, up to `limit`. */
export async function pendingBatch(prisma: PrismaClient, limit = 500): Promise<PendingBatch | null> {
  const rows = await prisma.neo4jSyncQueue.findMany({ where: { syncedAt: null }, orderBy: { id: 'asc' }, take: limit, select: { id: true, policyId: true } });
  if (!rows.length) return null;
  const whole = rows.some((r) => r.policyId == null);
  return { rowIds: rows.map((r) => r.id), policyIds: whole ? null : [...new Set(rows.map((r) => r.policyId!))] };
}

/**
 * Marks rows synced, then prunes every synced row but the newest, which stays as the mark of
 * the last success (status reads it).
 */
export async function markSynced(prisma: PrismaClient, rowIds: number[], at = new Date()): Promise<void> {
  if (!rowIds.length) return;
  await prisma.neo4jSyncQueue.updateMany({ where: { id: { in: rowIds } }, data: { syncedAt: at, lastAttemptAt: at } });
  const newest = await prisma.neo4jSyncQueue.findFirst({ where: { syncedAt: { not: null } }, orderBy: [{ syncedAt: 'desc' }, { id: 'desc' }], select: { id: true } });
  if (newest) await prisma.neo4jSyncQueue.deleteMany({ where: { syncedAt: { not: null }, id: { not: newest.id } } });
}

export async function markFailed(prisma: PrismaClient, rowIds: number[], error: string, at = new Date()): Promise<void> {
  if (!rowIds.length) return;
  await prisma.neo4jSyncQueue.updateMany({ where: { id: { in: rowIds } }, data: { attempts: { increment: 1 }, lastError: error.slice(0, 2000), lastAttemptAt: at } });
}

/**
 * The pending rows a full rebuild will cover: read BEFORE it reads the graph, so each row's
 * ingest had committed and is in what the rebuild projects (a row committed later stays pending).
 */
export async function pendingRowIds(prisma: PrismaClient): Promise<number[]> {
  return (await prisma.neo4jSyncQueue.findMany({ where: { syncedAt: null }, select: { id: true } })).map((r) => r.id);
}

/** After a full rebuild outside the queue: the rows it covered are synced, and the rebuild itself is the last success. */
export async function markRebuilt(prisma: PrismaClient, covered: number[], startedAt: Date, at = new Date()): Promise<void> {
  const mark = await prisma.neo4jSyncQueue.create({ data: { policyId: null, enqueuedAt: startedAt, syncedAt: at, lastAttemptAt: at }, select: { id: true } });
  await markSynced(prisma, [...covered, mark.id], at);
}

export interface QueueStatus {
  pending: number;
  /** When the oldest pending row was queued. */
  oldestPending: Date | null;
  /** The most failed attempts of a pending row, and the last error recorded. */
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  lastSuccess: Date | null;
}

export async function queueStatus(prisma: PrismaClient): Promise<QueueStatus> {
  const [pending, oldest, failing, synced] = await Promise.all([
    prisma.neo4jSyncQueue.count({ where: { syncedAt: null } }),
    prisma.neo4jSyncQueue.findFirst({ where: { syncedAt: null }, orderBy: { id: 'asc' }, select: { enqueuedAt: true } }),
    prisma.neo4jSyncQueue.findFirst({ where: { syncedAt: null, lastAttemptAt: { not: null } }, orderBy: { lastAttemptAt: 'desc' }, select: { attempts: true, lastError: true, lastAttemptAt: true } }),
    prisma.neo4jSyncQueue.findFirst({ where: { syncedAt: { not: null } }, orderBy: { syncedAt: 'desc' }, select: { syncedAt: true } }),
  ]);
  return {
    pending,
    oldestPending: oldest?.enqueuedAt ?? null,
    attempts: failing?.attempts ?? 0,
    lastError: failing?.lastError ?? null,
    lastAttemptAt: failing?.lastAttemptAt ?? null,
    lastSuccess: synced?.syncedAt ?? null,
  };
}
