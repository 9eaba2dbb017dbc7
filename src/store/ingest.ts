// Persists a PolicyGraph as one policy version, in one transaction.
// - Idempotent: a policy is keyed by its source, a version by the SHA-256 of its normalized
//   text; the same text twice yields the same version and writes nothing.
// - A changed text at the same source becomes a new version and the current one.
// - Organizations and services are shared nodes, resolved by unique key (catalog id or
//   normalized name) with INSERT … ON CONFLICT upserts, so concurrent ingests never create
//   duplicates; conflicts, deadlocks and serialization failures retry the whole transaction.
import { createHash, randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Evidence, PolicyGraph, Role, Mechanism, Certainty } from '../extract/types.js';
import { countryByCode } from '../kb/countries.js';
import { loadCatalog, type Catalog } from './catalog.js';
import { uniq } from './normalize.js';
import { Resolver, type OrgInput } from './resolve.js';
import { insertRowSets, rowSet } from './insert-rows.js';

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
  contentHash: string;
  summary: GraphSummary;
  /** How many times the transaction was retried after a conflict. */
  retries: number;
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

export async function ingestGraph(prisma: PrismaClient, graph: PolicyGraph, opts: IngestGraphOptions = {}): Promise<IngestResult> {
  const hash = contentHash(graph.text);
  const source = opts.source || graph.doc || `sha256:${hash}`;
  const catalog = await loadCatalog();
  const { value, retries } = await withRetry(() =>
    prisma.$transaction((tx) => writeVersion(tx, graph, source, hash, opts, catalog), { maxWait: 60_000, timeout: 120_000 }),
  );
  return { ...value, contentHash: hash, summary: summarize(graph), retries };
}

const ROLE: Record<Role, 'PROCESSOR' | 'CONTROLLER' | 'JOINT_CONTROLLER' | 'SELF_HOSTED' | 'UNSPECIFIED'> = {
  processor: 'PROCESSOR',
  controller: 'CONTROLLER',
  joint_controller: 'JOINT_CONTROLLER',
  self_hosted: 'SELF_HOSTED',
  unspecified: 'UNSPECIFIED',
};
const CERTAINTY: Record<Certainty, 'STATED' | 'POSSIBLE'> = { stated: 'STATED', possible: 'POSSIBLE' };
const MECHS = new Set<Mechanism>(['SCC', 'DPF', 'BCR', 'ADEQUACY', 'ART49', 'OTHER']);
const VERSION_COLUMNS = [
  'id', 'policyId', 'contentHash', 'isCurrent', 'language', 'lastUpdated', 'doc', 'contentType', 'text',
  'controllerName', 'controllerEmail', 'dpoName', 'dpoEmail', 'supervisoryAuthority',
] as const;
const EVIDENCE_COLUMNS = [
  'id', 'versionId', 'kind', 'section', 'start', 'end', 'quote',
  'engagementId', 'transferId', 'subprocessorLinkId', 'parentLinkId', 'processingLocationId', 'clauseId',
] as const;


/** The organizations a graph names, in one list: controller first, then per recipient itself, its sub-processors and its parent. */
function organizationInputs(graph: PolicyGraph, controllerName: string) {
  const named = (name: string): OrgInput => ({ name, aliases: [], legalForm: null, country: null, address: null, dpfId: null });
  const c = graph.controller;
  const inputs: OrgInput[] = [{ name: controllerName, aliases: [], legalForm: c.legalForm, country: c.country, address: c.address, dpfId: null }];
  const parents: (number | null)[] = [null];
  const slots = graph.recipients.map((r) => {
    const recipient = inputs.length;
    inputs.push({
      name: r.name,
      aliases: r.aliases,
      legalForm: r.legalForm,
      country: r.country,
      address: r.address,
      dpfId: r.transfers.find((t) => t.dpfId)?.dpfId ?? null,
    });
    parents.push(null);
    const subprocessors = r.subprocessors.map((s) => {
      inputs.push(named(s.name));
      parents.push(null);
      return inputs.length - 1;
    });
    let parent: number | null = null;
    if (r.parent) {
      inputs.push(named(r.parent.name));
      parents.push(null);
      parent = inputs.length - 1;
      parents[recipient] = parent;
    }
    return { recipient, subprocessors, parent };
  });
  return { inputs, parents, slots };
}

async function writeVersion(
  tx: Tx,
  graph: PolicyGraph,
  source: string,
  hash: string,
  opts: IngestGraphOptions,
  catalog: Catalog,
): Promise<Omit<IngestResult, 'contentHash' | 'summary' | 'retries'>> {
  // Row lock on the policy: ingests of the same source serialize here.
  const [policy] = await tx.$queryRawUnsafe<{ id: string; controllerId: string | null }[]>(
    `INSERT INTO "Policy" ("id", "source", "updatedAt") VALUES ($1, $2, now())
     ON CONFLICT ("source") DO UPDATE SET "updatedAt" = now() RETURNING "id", "controllerId"`,
    randomUUID(),
    source,
  );
  const [existing] = await tx.$queryRawUnsafe<{ id: string; isCurrent: boolean }[]>(
    'SELECT "id", "isCurrent" FROM "PolicyVersion" WHERE "policyId" = $1 AND "contentHash" = $2',
    policy.id,
    hash,
  );
  if (existing) {
    if (!existing.isCurrent) {
      // An earlier text is back: its controller is the one its engagements name.
      const eng = await tx.engagement.findFirst({ where: { versionId: existing.id }, select: { controllerId: true } });
      await tx.policyVersion.update({ where: { id: existing.id }, data: { isCurrent: true } });
      await makeCurrent(tx, policy.id, existing.id, eng?.controllerId ?? policy.controllerId);
    }
    return { policyId: policy.id, versionId: existing.id, created: false };
  }

  const resolver = new Resolver(tx, catalog);
  const c = graph.controller;
  const { inputs, parents, slots } = organizationInputs(graph, c.name?.trim() || `Unknown controller (${source})`);
  const orgIds = await resolver.organizations(inputs, parents);
  const controllerId = orgIds[0];

  const serviceNames = graph.recipients.map((r) => uniq(r.services.map((x) => x.trim()).filter(Boolean)));
  const flatServiceIds = await resolver.services(
    serviceNames.flatMap((names, i) => names.map((name) => ({ name, organizationId: orgIds[slots[i].recipient] }))),
  );
  const upper = (code: string | null) => (code ? code.toUpperCase() : null);
  await resolver.countries(
    graph.recipients.flatMap((r) => [...r.transfers.map((t) => upper(t.country)), ...r.processingLocations.map((p) => upper(p.country))]),
  );
  const regionInputs = graph.recipients.flatMap((r) =>
    r.processingLocations.filter((p) => p.region).map((p) => ({ name: p.region!, countryCode: upper(p.country) })),
  );
  const regionIds = await resolver.regions(regionInputs);

  const versionId = randomUUID();
  const version: Prisma.PolicyVersionCreateManyInput = {
    id: versionId,
    policyId: policy.id,
    contentHash: hash,
    isCurrent: true,
    language: graph.language,
    lastUpdated: graph.lastUpdated,
    doc: graph.doc,
    contentType: opts.contentType ?? null,
    text: graph.text,
    controllerName: c.name,
    controllerEmail: c.email,
    dpoName: graph.dataProtectionOfficer?.name ?? null,
    dpoEmail: graph.dataProtectionOfficer?.email ?? null,
    supervisoryAuthority: graph.supervisoryAuthority?.name ?? null,
  };
  const evidence: Prisma.EvidenceCreateManyInput[] = [];
  const ev = (e: Evidence, kind: Prisma.EvidenceCreateManyInput['kind'], link: Partial<Prisma.EvidenceCreateManyInput>) =>
    evidence.push({ id: randomUUID(), versionId, kind, section: e.section, start: e.start, end: e.end, quote: e.quote, ...link });
  if (c.evidence) ev(c.evidence, 'CONTROLLER', {});

  const engagements: Prisma.EngagementCreateManyInput[] = [];
  const engagementServices: { A: string; B: string }[] = [];
  const transfers: Prisma.TransferCreateManyInput[] = [];
  const subLinks: Prisma.SubprocessorLinkCreateManyInput[] = [];
  const parentLinks: Prisma.ParentLinkCreateManyInput[] = [];
  const locations: Prisma.ProcessingLocationCreateManyInput[] = [];
  const clauses: Prisma.PolicyClauseCreateManyInput[] = [];

  let nextService = 0;
  let nextRegion = 0;
  graph.recipients.forEach((r, i) => {
    const recipientId = orgIds[slots[i].recipient];
    const serviceIds = uniq(flatServiceIds.slice(nextService, (nextService += serviceNames[i].length)));
    const engagementId = randomUUID();
    engagements.push({
      id: engagementId,
      versionId,
      controllerId,
      recipientId,
      serviceId: serviceIds[0] ?? null,
      role: ROLE[r.role] ?? 'UNSPECIFIED',
      purposes: r.purposes,
      dataCategories: r.dataCategories,
      legalBases: r.legalBases,
      retention: r.retention,
    });
    for (const serviceId of serviceIds) engagementServices.push({ A: engagementId, B: serviceId });
    if (r.roleEvidence) ev(r.roleEvidence, 'ROLE', { engagementId });
    for (const m of r.mentions) ev(m, 'MENTION', { engagementId });

    for (const t of r.transfers) {
      const code = upper(t.country);
      const id = randomUUID();
      transfers.push({
        id,
        versionId,
        engagementId,
        controllerId,
        recipientId,
        serviceId: serviceIds[0] ?? null,
        countryCode: code,
        thirdCountry: code ? !(countryByCode(code)?.eea ?? false) : true,
        mechanisms: uniq(t.mechanisms.filter((m) => MECHS.has(m))),
        certainty: CERTAINTY[t.certainty] ?? 'STATED',
        dpfId: t.dpfId,
      });
      for (const e of t.evidence) ev(e, 'TRANSFER', { transferId: id });
    }
    r.subprocessors.forEach((s, k) => {
      const subId = orgIds[slots[i].subprocessors[k]];
      if (subId === recipientId) return;
      const id = randomUUID();
      subLinks.push({ id, versionId, organizationId: recipientId, subprocessorId: subId });
      ev(s.evidence, 'SUBPROCESSOR', { subprocessorLinkId: id });
    });
    if (r.parent) {
      const parentId = orgIds[slots[i].parent!];
      if (parentId !== recipientId) {
        const id = randomUUID();
        parentLinks.push({ id, versionId, childId: recipientId, parentId });
        ev(r.parent.evidence, 'PARENT', { parentLinkId: id });
      }
    }
    for (const p of r.processingLocations) {
      const id = randomUUID();
      const regionId = p.region ? regionIds[nextRegion++] : null;
      locations.push({ id, versionId, organizationId: recipientId, countryCode: upper(p.country), regionId });
      ev(p.evidence, 'PROCESSING_LOCATION', { processingLocationId: id });
    }
  });
  for (const cl of graph.policyWideClauses) {
    const id = randomUUID();
    clauses.push({ id, versionId, mechanisms: uniq(cl.mechanisms.filter((m) => MECHS.has(m))) });
    ev(cl.evidence, 'CLAUSE', { clauseId: id });
  }

  // The version and all its edges in one statement, parents before children.
  await insertRowSets(tx, [
    rowSet('PolicyVersion', VERSION_COLUMNS, [version]),
    rowSet('Engagement', ['id', 'versionId', 'controllerId', 'recipientId', 'serviceId', 'role', 'purposes', 'dataCategories', 'legalBases', 'retention'], engagements),
    // The implicit many-to-many table of Engagement.services (A: engagement, B: service).
    rowSet('_EngagementServices', ['A', 'B'], engagementServices),
    rowSet('Transfer', ['id', 'versionId', 'engagementId', 'controllerId', 'recipientId', 'serviceId', 'countryCode', 'thirdCountry', 'mechanisms', 'certainty', 'dpfId'], transfers),
    rowSet('SubprocessorLink', ['id', 'versionId', 'organizationId', 'subprocessorId'], subLinks),
    rowSet('ParentLink', ['id', 'versionId', 'childId', 'parentId'], parentLinks),
    rowSet('ProcessingLocation', ['id', 'versionId', 'organizationId', 'countryCode', 'regionId'], locations),
    rowSet('PolicyClause', ['id', 'versionId', 'mechanisms'], clauses),
    rowSet('Evidence', EVIDENCE_COLUMNS, evidence),
  ]);

  await makeCurrent(tx, policy.id, versionId, controllerId);
  return { policyId: policy.id, versionId, created: true };
}

/** After `versionId` became current: the other versions of its policy stop being current, the policy points at it. */
async function makeCurrent(tx: Tx, policyId: string, versionId: string, controllerId: string | null): Promise<void> {
  await tx.$executeRawUnsafe(
    `WITH superseded AS (UPDATE "PolicyVersion" SET "isCurrent" = false WHERE "policyId" = $1 AND "isCurrent" AND "id" <> $2)
     UPDATE "Policy" SET "currentVersionId" = $2, "controllerId" = $3, "updatedAt" = now() WHERE "id" = $1`,
    policyId,
    versionId,
    controllerId,
  );
}
