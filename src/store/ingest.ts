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
import type { Evidence, PolicyGraph, Recipient, Role, Mechanism, Certainty } from '../extract/types.js';
import { countryByCode } from '../kb/countries.js';
import { loadCatalog, type Catalog } from './catalog.js';
import { legalFormFromName, orgKey, serviceKey, uniq, foldName } from './normalize.js';

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

async function writeVersion(
  tx: Tx,
  graph: PolicyGraph,
  source: string,
  hash: string,
  opts: IngestGraphOptions,
  catalog: Catalog,
): Promise<Omit<IngestResult, 'contentHash' | 'summary' | 'retries'>> {
  // Row lock on the policy: ingests of the same source serialize here.
  const policy = await tx.policy.upsert({
    where: { source },
    create: { source },
    update: { updatedAt: new Date() },
  });
  const existing = await tx.policyVersion.findUnique({ where: { policyId_contentHash: { policyId: policy.id, contentHash: hash } } });
  if (existing) {
    if (!existing.isCurrent) await makeCurrent(tx, policy.id, existing.id);
    return { policyId: policy.id, versionId: existing.id, created: false };
  }

  const resolver = new Resolver(tx, catalog);
  const c = graph.controller;
  const controllerName = c.name?.trim() || `Unknown controller (${source})`;
  const controllerId = await resolver.organization({
    name: controllerName,
    aliases: [],
    legalForm: c.legalForm,
    country: c.country,
    address: c.address,
    dpfId: null,
  });

  const versionId = randomUUID();
  await tx.policyVersion.create({
    data: {
      id: versionId,
      policyId: policy.id,
      contentHash: hash,
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
    },
  });

  const evidence: Prisma.EvidenceCreateManyInput[] = [];
  const ev = (e: Evidence, kind: Prisma.EvidenceCreateManyInput['kind'], link: Partial<Prisma.EvidenceCreateManyInput>) =>
    evidence.push({ versionId, kind, section: e.section, start: e.start, end: e.end, quote: e.quote, ...link });
  if (c.evidence) ev(c.evidence, 'CONTROLLER', {});

  const engagements: Prisma.EngagementCreateManyInput[] = [];
  const engagementServices: { engagementId: string; serviceIds: string[] }[] = [];
  const transfers: Prisma.TransferCreateManyInput[] = [];
  const subLinks: Prisma.SubprocessorLinkCreateManyInput[] = [];
  const parentLinks: Prisma.ParentLinkCreateManyInput[] = [];
  const locations: Prisma.ProcessingLocationCreateManyInput[] = [];
  const clauses: Prisma.PolicyClauseCreateManyInput[] = [];

  for (const r of graph.recipients) {
    const recipientId = await resolver.recipient(r);
    const serviceIds: string[] = [];
    for (const s of uniq(r.services.map((x) => x.trim()).filter(Boolean))) serviceIds.push(await resolver.service(s, recipientId));
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
    if (serviceIds.length) engagementServices.push({ engagementId, serviceIds: uniq(serviceIds) });
    if (r.roleEvidence) ev(r.roleEvidence, 'ROLE', { engagementId });
    for (const m of r.mentions) ev(m, 'MENTION', { engagementId });

    for (const t of r.transfers) {
      const code = t.country ? t.country.toUpperCase() : null;
      if (code) await resolver.country(code);
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
      if (t.dpfId) await tx.organization.updateMany({ where: { id: recipientId, dpfId: null }, data: { dpfId: t.dpfId } });
    }
    for (const s of r.subprocessors) {
      const subId = await resolver.organization({ name: s.name, aliases: [], legalForm: null, country: null, address: null, dpfId: null });
      if (subId === recipientId) continue;
      const id = randomUUID();
      subLinks.push({ id, versionId, organizationId: recipientId, subprocessorId: subId });
      ev(s.evidence, 'SUBPROCESSOR', { subprocessorLinkId: id });
    }
    if (r.parent) {
      const parentId = await resolver.organization({ name: r.parent.name, aliases: [], legalForm: null, country: null, address: null, dpfId: null });
      if (parentId !== recipientId) {
        const id = randomUUID();
        parentLinks.push({ id, versionId, childId: recipientId, parentId });
        ev(r.parent.evidence, 'PARENT', { parentLinkId: id });
        await tx.organization.updateMany({ where: { id: recipientId, parentId: null }, data: { parentId } });
      }
    }
    for (const p of r.processingLocations) {
      const code = p.country ? p.country.toUpperCase() : null;
      if (code) await resolver.country(code);
      const regionId = p.region ? await resolver.region(p.region, code) : null;
      const id = randomUUID();
      locations.push({ id, versionId, organizationId: recipientId, countryCode: code, regionId });
      ev(p.evidence, 'PROCESSING_LOCATION', { processingLocationId: id });
    }
  }
  for (const cl of graph.policyWideClauses) {
    const id = randomUUID();
    clauses.push({ id, versionId, mechanisms: uniq(cl.mechanisms.filter((m) => MECHS.has(m))) });
    ev(cl.evidence, 'CLAUSE', { clauseId: id });
  }

  if (engagements.length) await tx.engagement.createMany({ data: engagements });
  for (const { engagementId, serviceIds } of engagementServices) {
    await tx.engagement.update({ where: { id: engagementId }, data: { services: { connect: serviceIds.map((id) => ({ id })) } } });
  }
  if (transfers.length) await tx.transfer.createMany({ data: transfers });
  if (subLinks.length) await tx.subprocessorLink.createMany({ data: subLinks });
  if (parentLinks.length) await tx.parentLink.createMany({ data: parentLinks });
  if (locations.length) await tx.processingLocation.createMany({ data: locations });
  if (clauses.length) await tx.policyClause.createMany({ data: clauses });
  if (evidence.length) await tx.evidence.createMany({ data: evidence });

  await makeCurrent(tx, policy.id, versionId, controllerId);
  return { policyId: policy.id, versionId, created: true };
}

async function makeCurrent(tx: Tx, policyId: string, versionId: string, controllerId?: string): Promise<void> {
  await tx.policyVersion.updateMany({ where: { policyId, isCurrent: true, NOT: { id: versionId } }, data: { isCurrent: false } });
  await tx.policyVersion.update({ where: { id: versionId }, data: { isCurrent: true } });
  await tx.policy.update({
    where: { id: policyId },
    data: { currentVersionId: versionId, ...(controllerId ? { controllerId } : {}) },
  });
  if (!controllerId) {
    const eng = await tx.engagement.findFirst({ where: { versionId }, select: { controllerId: true } });
    if (eng) await tx.policy.update({ where: { id: policyId }, data: { controllerId: eng.controllerId } });
  }
}

interface OrgInput {
  name: string;
  aliases: string[];
  legalForm: string | null;
  country: string | null;
  address: string | null;
  dpfId: string | null;
  services?: string[];
}

/** Resolves names to shared nodes within one transaction (memoized per transaction). */
class Resolver {
  private orgs = new Map<string, string>();
  private services = new Map<string, string>();
  private countries = new Set<string>();
  private regions = new Map<string, string>();

  constructor(
    private tx: Tx,
    private catalog: Catalog,
  ) {}

  recipient(r: Recipient): Promise<string> {
    return this.organization({
      name: r.name,
      aliases: r.aliases,
      legalForm: r.legalForm,
      country: r.country,
      address: r.address,
      dpfId: r.transfers.find((t) => t.dpfId)?.dpfId ?? null,
      services: r.services,
    });
  }

  async organization(o: OrgInput): Promise<string> {
    const name = o.name.trim();
    const allNames = uniq([name, ...o.aliases.map((a) => a.trim()).filter(Boolean)]);
    const seat = o.country?.toUpperCase() ?? null;
    const vendor =
      allNames.map((n) => this.catalog.entityByName(n)).find(Boolean) ??
      allNames.map((n) => this.catalog.entityByBrand(n, seat)).find(Boolean);
    const keys = uniq(allNames.map(orgKey).filter(Boolean));
    let key = vendor ? vendor.key : keys[0];
    const memo = this.orgs.get(key);
    if (memo) return memo;
    if (!vendor) {
      // A name seen before under another spelling (an alias of an existing node).
      const found = await this.tx.organization.findFirst({
        where: { OR: [{ key: { in: keys } }, { aliasKeys: { hasSome: keys } }] },
        select: { id: true, key: true },
        orderBy: { createdAt: 'asc' },
      });
      if (found) key = found.key;
    }
    const country = vendor?.country ?? seat;
    if (country) await this.country(country);
    const displayName = vendor?.name ?? name;
    const aliasNames = uniq([...allNames, ...(vendor?.names ?? [])]).filter((n) => n !== displayName);
    const aliasKeys = uniq([...keys, ...(vendor?.names ?? []).map(orgKey)]);
    const org = await this.tx.organization.upsert({
      where: { key },
      create: {
        id: randomUUID(),
        key,
        name: displayName,
        aliases: aliasNames,
        aliasKeys,
        legalForm: o.legalForm ?? vendor?.legalForm ?? legalFormFromName(displayName),
        countryCode: country,
        address: o.address ?? vendor?.address ?? null,
        dpfId: o.dpfId,
      },
      update: {},
    });
    const newAliases = aliasNames.filter((a) => a !== org.name && !org.aliases.includes(a));
    const newKeys = aliasKeys.filter((k) => !org.aliasKeys.includes(k));
    const fill: Prisma.OrganizationUpdateInput = {};
    if (newAliases.length) fill.aliases = { push: newAliases };
    if (newKeys.length) fill.aliasKeys = { push: newKeys };
    if (!org.legalForm && o.legalForm) fill.legalForm = o.legalForm;
    if (!org.countryCode && country) fill.country = { connect: { code: country } };
    if (!org.address && o.address) fill.address = o.address;
    if (!org.dpfId && o.dpfId) fill.dpfId = o.dpfId;
    if (Object.keys(fill).length) await this.tx.organization.update({ where: { id: org.id }, data: fill });
    this.orgs.set(key, org.id);
    return org.id;
  }

  async service(name: string, organizationId: string): Promise<string> {
    const key = serviceKey(name);
    const memo = this.services.get(key);
    if (memo) return memo;
    const s = await this.tx.service.upsert({
      where: { key },
      create: { id: randomUUID(), key, name, aliases: [], organizationId },
      update: {},
    });
    if (!s.organizationId) await this.tx.service.update({ where: { id: s.id }, data: { organizationId } });
    this.services.set(key, s.id);
    return s.id;
  }

  async country(code: string): Promise<void> {
    if (this.countries.has(code)) return;
    const known = countryByCode(code);
    if (known) {
      // kb countries are synced when the database is opened (syncCountries).
      this.countries.add(code);
      return;
    }
    await this.tx.country.upsert({
      where: { code },
      create: { code, nameEn: code, nameDe: code },
      update: {},
    });
    this.countries.add(code);
  }

  async region(name: string, countryCode: string | null): Promise<string> {
    const key = `${countryCode ?? '-'}:${foldName(name)}`;
    const memo = this.regions.get(key);
    if (memo) return memo;
    const r = await this.tx.region.upsert({
      where: { key },
      create: { id: randomUUID(), key, name, countryCode },
      update: {},
    });
    this.regions.set(key, r.id);
    return r.id;
  }
}
