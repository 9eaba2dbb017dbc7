// Projects the stored graph into Neo4j (statements in ./cypher.ts): a full rebuild, or the
// catch-up of some policies after their ingest. Both are idempotent — running either again
// leaves Neo4j as it was — and both leave Neo4j equal to what current versions state: writes
// carry a fresh stamp and whatever the store no longer supports is swept.
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { PrismaClient } from '../generated/prisma/client.js';
import { fullSyncStatements, policySyncStatements, SCHEMA, type Statement } from './cypher.js';
import { readProjection, type Projection } from './projection.js';

export interface SyncCounts {
  policies: number;
  organizations: number;
  services: number;
  countries: number;
  regions: number;
  engagements: number;
  transfers: number;
  subprocessors: number;
  parents: number;
  processingLocations: number;
}

export interface SyncOptions {
  database?: string;
  /** Called after each statement with how many of the sync's statements have run. */
  onProgress?: (done: number, total: number) => void;
}

function counts(p: Projection): SyncCounts {
  return {
    policies: p.policies.length,
    organizations: p.organizations.length,
    services: p.services.length,
    countries: p.countries.length,
    regions: p.regions.length,
    engagements: p.engagements.length,
    transfers: p.transfers.length,
    subprocessors: p.subprocessors.length,
    parents: p.parents.length,
    processingLocations: p.locations.length,
  };
}

/** A unique stamp per sync: what a later sync did not write again is recognisably stale. */
function newStamp(): string {
  return `${new Date().toISOString()}/${randomUUID()}`;
}

const ensured = new WeakSet<Driver>();

/** Constraints and indexes (IF NOT EXISTS): created by the first sync a driver runs. Schema statements cannot share a transaction with writes. */
export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  if (ensured.has(driver)) return;
  const session = driver.session(database ? { database } : {});
  try {
    for (const text of SCHEMA) await session.run(text);
  } finally {
    await session.close();
  }
  ensured.add(driver);
}

async function runAll(tx: ManagedTransaction, statements: Statement[], done: number, total: number, onProgress?: SyncOptions['onProgress']): Promise<void> {
  for (const [i, s] of statements.entries()) {
    await tx.run(s.text, s.params);
    onProgress?.(done + i + 1, total);
  }
}

/**
 * Rebuilds the whole projection. One transaction per batch (a large graph does not fit one);
 * until the final sweep a reader may see new rows next to stale ones, never missing ones.
 */
export async function syncAll(prisma: PrismaClient, driver: Driver, opts: SyncOptions = {}): Promise<SyncCounts> {
  await ensureSchema(driver, opts.database);
  const projection = await readProjection(prisma);
  const statements = fullSyncStatements(projection, newStamp());
  const session = driver.session(opts.database ? { database: opts.database } : {});
  try {
    for (const [i, s] of statements.entries()) await session.executeWrite((tx) => runAll(tx, [s], i, statements.length, opts.onProgress));
  } finally {
    await session.close();
  }
  return counts(projection);
}

/** Brings the policies' projection up to date with their current versions, in one transaction. */
export async function syncPolicies(prisma: PrismaClient, driver: Driver, policyIds: string[], opts: SyncOptions = {}): Promise<SyncCounts> {
  await ensureSchema(driver, opts.database);
  const projection = await readProjection(prisma, policyIds);
  const statements = policySyncStatements(projection, policyIds, newStamp());
  const session = driver.session(opts.database ? { database: opts.database } : {});
  try {
    await session.executeWrite((tx) => runAll(tx, statements, 0, statements.length, opts.onProgress));
  } finally {
    await session.close();
  }
  return counts(projection);
}
