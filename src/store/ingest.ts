// Persists PolicyGraphs as policy versions: one transaction per policy, or for bulk loading
// one per batch of policies (falling back to one per policy when a batch fails, so a bad
// policy fails alone and nothing is half-written).
// - Idempotent: a policy is keyed by its source, a version by the SHA-256 of its normalized
//   text; the same text twice yields the same version and writes nothing.
// - A changed text at the same source becomes a new version and the current one.
// - Organizations and services are shared nodes, resolved by unique key (catalog id or
//   normalized name) with INSERT … ON CONFLICT upserts, so concurrent ingests never create
//   duplicates; conflicts, deadlocks and serialization failures retry the whole transaction.
import { createHash, randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { PolicyGraph } from '../extract/types.js';
import { loadCatalog, type Catalog } from './catalog.js';
import { uniq } from './normalize.js';
import { tallyVersions } from './tallies.js';
import { Resolver, type OrgInput } from './resolve.js';
import { insertRowSets } from './insert-rows.js';
import { notifyGraphChanged } from './changes.js';
import { recordVersionChanges, type VersionSwitch } from './version-changes.js';
import { enqueueNeo4jSync } from '../neo4j/queue.js';
import { organizationInputs, regionInputs, serviceNames, upperCode, VersionRows } from './version-rows.js';

type Tx = Prisma.TransactionClient;

export interface IngestGraphOptions {
  /** Where the policy is published (URL, file path, doc id); defaults to graph.doc. */
  source?: string;
  contentType?: string;
}

export interface GraphSummary {
  recipients: number;
  transfers: number;
  subprocessors: number;
  countries: string[];
}

export interface IngestResult {
  policyId: string;
  versionId: string;
  /** false when this exact text was already stored for this source. */
  created: boolean;
  /**
   * Whether the graph changed: a new version, or an earlier text of this source made current
   * again. An ingest of the current text (a re-crawl that found nothing new) changes nothing, so
   * answers computed before it still hold.
   */
  changed: boolean;
  contentHash: string;
  summary: GraphSummary;
  /** How many times the transaction was retried after a conflict. */
  retries: number;
  /** Set when this exact text is already the current version of another source's policy: nothing was stored, the ids are that policy's. */
  duplicateOf?: string;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const RETRYABLE_CODES = new Set(['P2002', 'P2034', 'P2028', '40001', '40P01', '23505']);

function isRetryable(e: unknown): boolean {
  const err = e as { code?: string; message?: string; meta?: { code?: string } } | undefined;
  if (!err) return false;
  if (err.code && RETRYABLE_CODES.has(err.code)) return true;
  if (err.meta?.code && RETRYABLE_CODES.has(err.meta.code)) return true;
  return /deadlock detected|could not serialize|unique constraint|Unique constraint|write conflict/i.test(err.message ?? '');
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, attempts = 8): Promise<{ value: T; retries: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return { value: await fn(attempt), retries: attempt };
    } catch (e) {
      if (attempt + 1 >= attempts || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}

function summarize(graph: PolicyGraph): GraphSummary {
  return {
    recipients: graph.recipients.length,
    transfers: graph.recipients.reduce((n, r) => n + r.transfers.length, 0),
    subprocessors: graph.recipients.reduce((n, r) => n + r.subprocessors.length, 0),
    countries: uniq(graph.recipients.flatMap((r) => r.transfers.map((t) => t.country).filter((c): c is string => !!c))).sort(),
  };
}

export interface GraphToIngest extends IngestGraphOptions {
  graph: PolicyGraph;
}

export type IngestOutcome = { result: IngestResult; error?: undefined } | { result?: undefined; error: Error };

interface Prepared {
  graph: PolicyGraph;
  source: string;
  hash: string;
  contentType: string | null;
}

type Written = Omit<IngestResult, 'contentHash' | 'summary' | 'retries'>;

const TX_OPTIONS = { maxWait: 60_000, timeout: 120_000 };

export async function ingestGraph(prisma: PrismaClient, graph: PolicyGraph, opts: IngestGraphOptions = {}): Promise<IngestResult> {
  const [outcome] = await ingestGraphs(prisma, [{ graph, ...opts }]);
  if (outcome.error) throw outcome.error;
  return outcome.result;
}

/**
 * Ingests several policies in one transaction: per batch, each kind of statement runs once,
 * not once per policy (on a 2-core machine the per-statement cost of the driver, not
 * PostgreSQL, bounds bulk loading). Sources must be distinct within a batch. If the batch
 * fails for any reason but a retryable conflict, every policy is ingested alone, so each
 * outcome is that policy's own.
 */
export async function ingestGraphs(prisma: PrismaClient, items: GraphToIngest[]): Promise<IngestOutcome[]> {
  const prepared: Prepared[] = items.map(({ graph, source, contentType }) => {
    const hash = contentHash(graph.text);
    return { graph, hash, source: source || graph.doc || `sha256:${hash}`, contentType: contentType ?? null };
  });
  if (new Set(prepared.map((p) => p.source)).size !== prepared.length) throw new Error('ingestGraphs: sources must be distinct within a batch');
  // the same text published under another source (a copy, a mirror, the file from another
  // folder) is that policy, not a second one whose transfers would count twice
  const elsewhere = await prisma.policyVersion.findMany({
    where: { contentHash: { in: uniq(prepared.map((p) => p.hash)) }, isCurrent: true },
    select: { id: true, contentHash: true, policy: { select: { id: true, source: true } } },
  });
  const duplicateOf = (p: Prepared) => elsewhere.find((v) => v.contentHash === p.hash && v.policy.source !== p.source);
  const fresh = prepared.filter((p) => !duplicateOf(p));
  const catalog = await loadCatalog();
  try {
    const { value, retries } = fresh.length ? await withRetry(() => prisma.$transaction((tx) => writeVersions(tx, fresh, catalog), TX_OPTIONS)) : { value: [], retries: 0 };
    const written = new Map(fresh.map((p, i) => [p, value[i]]));
    return prepared.map((p) => {
      const dup = duplicateOf(p);
      if (dup) return { result: { policyId: dup.policy.id, versionId: dup.id, created: false, changed: false, contentHash: p.hash, summary: summarize(p.graph), retries: 0, duplicateOf: dup.policy.source } };
      return { result: { ...written.get(p)!, contentHash: p.hash, summary: summarize(p.graph), retries } };
    });
  } catch (e) {
    if (items.length === 1) return [{ error: e instanceof Error ? e : new Error(String(e)) }];
    const alone: IngestOutcome[] = [];
    for (const item of items) alone.push((await ingestGraphs(prisma, [item]))[0]);
    return alone;
  }
}

async function writeVersions(tx: Tx, items: Prepared[], catalog: Catalog): Promise<Written[]> {
  // Row locks on the policies, in source order: ingests of the same source serialize here. The
  // update sets nothing new (it is there for the lock and the row it returns): updatedAt moves
  // only when the current version does (makeCurrent), so an ingest of the same text changes no answer.
  const policies = await tx.$queryRawUnsafe<{ id: string; source: string; controllerId: string | null; currentVersionId: string | null }[]>(
    `INSERT INTO "Policy" ("id", "source", "updatedAt")
     SELECT x."id", x."source", now() FROM json_to_recordset($1::json) AS x("id" text, "source" text) ORDER BY x."source"
     ON CONFLICT ("source") DO UPDATE SET "source" = EXCLUDED."source" RETURNING "id", "source", "controllerId", "currentVersionId"`,
    JSON.stringify(items.map((p) => ({ id: randomUUID(), source: p.source }))),
  );
  const policyOf = new Map(policies.map((p) => [p.source, p]));
  const existing = await tx.$queryRawUnsafe<{ id: string; policyId: string; contentHash: string; isCurrent: boolean }[]>(
    `SELECT v."id", v."policyId", v."contentHash", v."isCurrent" FROM "PolicyVersion" v
     JOIN json_to_recordset($1::json) AS k("policyId" text, "contentHash" text) ON v."policyId" = k."policyId" AND v."contentHash" = k."contentHash"`,
    JSON.stringify(items.map((p) => ({ policyId: policyOf.get(p.source)!.id, contentHash: p.hash }))),
  );
  const existingOf = new Map(existing.map((v) => [`${v.policyId}|${v.contentHash}`, v]));

  const out: Written[] = new Array(items.length);
  // each policy whose current version is replaced: its changes are recorded with it
  const switches: VersionSwitch[] = [];
  const fresh: { index: number; item: Prepared; policyId: string }[] = [];
  for (const [index, item] of items.entries()) {
    const policy = policyOf.get(item.source)!;
    const known = existingOf.get(`${policy.id}|${item.hash}`);
    if (!known) {
      fresh.push({ index, item, policyId: policy.id });
      continue;
    }
    if (!known.isCurrent) {
      // An earlier text is back: its controller is the one its engagements name.
      const eng = await tx.engagement.findFirst({ where: { versionId: known.id }, select: { controllerId: true } });
      await tx.policyVersion.update({ where: { id: known.id }, data: { isCurrent: true } });
      await makeCurrent(tx, [{ policyId: policy.id, versionId: known.id, controllerId: eng?.controllerId ?? policy.controllerId }]);
      switches.push({ policyId: policy.id, fromVersionId: policy.currentVersionId, toVersionId: known.id, controllerId: eng?.controllerId ?? policy.controllerId });
    }
    out[index] = { policyId: policy.id, versionId: known.id, created: false, changed: !known.isCurrent };
  }
  if (!fresh.length) {
    if (switches.length) {
      await recordVersionChanges(tx, switches);
      await notifyGraphChanged(tx);
    }
    return out;
  }

  // Every name of every fresh version, resolved together.
  const resolver = new Resolver(tx, catalog);
  const orgInputs: OrgInput[] = [];
  const orgParents: (number | null)[] = [];
  const perVersion = fresh.map(({ item }) => {
    const c = item.graph.controller;
    const { inputs, parents, slots } = organizationInputs(item.graph, c.name?.trim() || `Unknown controller (${item.source})`);
    const offset = orgInputs.length;
    orgInputs.push(...inputs);
    orgParents.push(...parents.map((p) => (p == null ? null : p + offset)));
    return { offset, count: inputs.length, slots, services: serviceNames(item.graph), regions: regionInputs(item.graph) };
  });
  const orgIds = await resolver.organizations(orgInputs, orgParents);
  const flatServiceIds = await resolver.services(
    perVersion.flatMap((v) =>
      v.services.flatMap((names, r) => names.map((name) => ({ name, organizationId: orgIds[v.offset + v.slots[r].recipient] }))),
    ),
  );
  await resolver.countries(
    fresh.flatMap(({ item }) =>
      item.graph.recipients.flatMap((r) => [...r.transfers.map((t) => upperCode(t.country)), ...r.processingLocations.map((p) => upperCode(p.country))]),
    ),
  );
  const flatRegionIds = await resolver.regions(perVersion.flatMap((v) => v.regions));

  const rows = new VersionRows();
  const current: { policyId: string; versionId: string; controllerId: string }[] = [];
  let nextService = 0;
  let nextRegion = 0;
  fresh.forEach(({ index, item, policyId }, k) => {
    const v = perVersion[k];
    const ids = orgIds.slice(v.offset, v.offset + v.count);
    const serviceIds = v.services.map((names) => flatServiceIds.slice(nextService, (nextService += names.length)));
    const regionIds = flatRegionIds.slice(nextRegion, (nextRegion += v.regions.length));
    const versionId = randomUUID();
    rows.add(item.graph, { versionId, policyId, contentHash: item.hash, contentType: item.contentType }, { orgIds: ids, slots: v.slots, serviceIds, regionIds, controllerName: resolver.nameOf(ids[0]) });
    current.push({ policyId, versionId, controllerId: ids[0] });
    switches.push({ policyId, fromVersionId: policyOf.get(item.source)!.currentVersionId, toVersionId: versionId, controllerId: ids[0] });
    out[index] = { policyId, versionId, created: true, changed: true };
  });
  // The versions and all their edges in one statement.
  await insertRowSets(tx, rows.rowSets());
  await makeCurrent(tx, current);
  await recordVersionChanges(tx, switches);
  await notifyGraphChanged(tx);
  return out;
}

/** After each `versionId` became current: the other versions of its policy stop being current, the policy points at it, the dashboard tallies follow. */
async function makeCurrent(tx: Tx, changes: { policyId: string; versionId: string; controllerId: string | null }[]): Promise<void> {
  const superseded = await tx.$queryRawUnsafe<{ id: string }[]>(
    `WITH x AS (SELECT * FROM json_to_recordset($1::json) AS x("policyId" text, "versionId" text, "controllerId" text)),
     superseded AS (
       UPDATE "PolicyVersion" v SET "isCurrent" = false FROM x WHERE v."policyId" = x."policyId" AND v."isCurrent" AND v."id" <> x."versionId" RETURNING v."id"
     ),
     policies AS (
       UPDATE "Policy" p SET "currentVersionId" = x."versionId", "controllerId" = x."controllerId", "updatedAt" = now() FROM x WHERE p."id" = x."policyId"
     ),
     -- Transfer.current copies PolicyVersion.isCurrent (schema.prisma says why); fresh rows are inserted current
     old_transfers AS (UPDATE "Transfer" t SET "current" = false FROM superseded s WHERE t."versionId" = s."id" AND t."current"),
     new_transfers AS (UPDATE "Transfer" t SET "current" = true FROM x WHERE t."versionId" = x."versionId" AND NOT t."current")
     SELECT "id" FROM superseded`,
    JSON.stringify(changes),
  );
  await tallyVersions(
    tx,
    changes.map((c) => c.versionId),
    superseded.map((r) => r.id),
  );
  // in the same transaction: Neo4j hears of every change eventually, and an outage blocks nothing
  await enqueueNeo4jSync(tx, changes);
}
