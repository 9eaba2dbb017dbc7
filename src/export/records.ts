// What an export contains, read page by page from the database: transfers, engagements,
// sub-processor links, and the whole current graph (all three). Rows are fetched in keyset
// pages of PAGE_SIZE (ordered by id), so an export of any size holds one page in memory.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { Mechanism } from '../extract/types.js';
import { coverageOf, type Coverage } from '../store/coverage.js';
import { CURRENT, countryCode, organizationNameWhere, serviceNameWhere, transferWhere, type TransferFilter } from '../store/queries.js';

export const EXPORT_KINDS = ['transfers', 'engagements', 'subprocessors', 'graph'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The API's transfer filter; engagements and sub-processor links take the parts that apply to them (see `filterProblem`). */
export type ExportFilter = TransferFilter;

const PAGE_SIZE = 500;

export interface PagingOptions {
  /** Rows per database round trip (default 500). */
  pageSize?: number;
}

export interface Evidence {
  quote: string;
  section: string | null;
}

export interface Organization {
  key: string;
  name: string;
  country: string | null;
}

export interface TransferRecord {
  kind: 'transfer';
  id: string;
  controller: Organization;
  recipient: Organization;
  service: string | null;
  /** Destination (ISO code); null: a third country the policy does not name. */
  country: string | null;
  thirdCountry: boolean;
  mechanisms: Mechanism[];
  /** What the transfer rests on (coverage.ts): an adequacy decision covers one with no mechanism stated. */
  coveredBy: Coverage;
  certainty: 'STATED' | 'POSSIBLE';
  dpfId: string | null;
  source: string;
  lastUpdated: string | null;
  contentHash: string;
  evidence: Evidence[];
}

export interface EngagementRecord {
  kind: 'engagement';
  id: string;
  controller: Organization;
  recipient: Organization;
  role: 'PROCESSOR' | 'CONTROLLER' | 'JOINT_CONTROLLER' | 'SELF_HOSTED' | 'UNSPECIFIED';
  services: string[];
  purposes: string[];
  dataCategories: string[];
  legalBases: string[];
  source: string;
  lastUpdated: string | null;
  contentHash: string;
  evidence: Evidence[];
}

export interface SubprocessorRecord {
  kind: 'subprocessor';
  id: string;
  /** The controller whose policy names the link. */
  controller: Organization | null;
  /** The processor that uses the sub-processor. */
  processor: Organization;
  subprocessor: Organization;
  source: string;
  lastUpdated: string | null;
  contentHash: string;
  evidence: Evidence[];
}

export type ExportRecord = TransferRecord | EngagementRecord | SubprocessorRecord;

/** Filters that do not apply to a kind are refused, not silently ignored. */
const APPLIES: Record<Exclude<ExportKind, 'graph'>, (keyof ExportFilter)[]> = {
  transfers: ['country', 'mechanism', 'noMechanism', 'coveredBy', 'service', 'vendor', 'controller', 'certainty', 'thirdCountry', 'includeHistory'],
  // an engagement matches the transfer-shaped filters through its transfers
  engagements: ['country', 'mechanism', 'noMechanism', 'coveredBy', 'service', 'vendor', 'controller', 'certainty', 'thirdCountry', 'includeHistory'],
  // country: the sub-processor's seat
  subprocessors: ['country', 'service', 'vendor', 'controller', 'includeHistory'],
};

/** Why `filter` cannot be applied to `kind`, or null. */
export function filterProblem(kind: ExportKind, filter: ExportFilter): string | null {
  const kinds = kind === 'graph' ? (['subprocessors'] as const) : ([kind] as const);
  for (const k of kinds) {
    const bad = (Object.keys(filter) as (keyof ExportFilter)[]).filter((f) => filter[f] != null && !APPLIES[k].includes(f));
    if (bad.length) return `${bad.join(', ')} cannot filter ${kind}${kind === 'graph' ? ' (its sub-processor links)' : ''}; filters for ${k}: ${APPLIES[k].join(', ')}`;
  }
  return null;
}

const ORG = { select: { key: true, name: true, countryCode: true } } as const;
const VERSION = { select: { contentHash: true, lastUpdated: true, policy: { select: { source: true } } } } as const;
const EVIDENCE = { orderBy: { start: 'asc' as const }, select: { quote: true, section: true } };

const org = (o: { key: string; name: string; countryCode: string | null }): Organization => ({ key: o.key, name: o.name, country: o.countryCode });

/** Transfer-shaped conditions of an engagement filter, applied to its transfers. */
function transferPart(f: ExportFilter): TransferFilter | null {
  const part: TransferFilter = { country: f.country, mechanism: f.mechanism, noMechanism: f.noMechanism, coveredBy: f.coveredBy, certainty: f.certainty, thirdCountry: f.thirdCountry, includeHistory: true };
  return [part.country, part.mechanism, part.noMechanism, part.coveredBy, part.certainty, part.thirdCountry].some((v) => v != null) ? part : null;
}

export async function engagementWhere(prisma: PrismaClient, f: ExportFilter): Promise<Prisma.EngagementWhereInput> {
  const and: Prisma.EngagementWhereInput[] = [];
  if (!f.includeHistory) and.push({ version: CURRENT });
  if (f.controller) and.push({ controller: await organizationNameWhere(f.controller) });
  if (f.vendor) and.push({ recipient: await organizationNameWhere(f.vendor) });
  if (f.service) and.push({ OR: [{ services: { some: serviceNameWhere(f.service) } }, { recipient: await organizationNameWhere(f.service) }] });
  const part = transferPart(f);
  if (part) and.push({ transfers: { some: await transferWhere(prisma, part) } });
  return and.length ? { AND: and } : {};
}

export async function subprocessorWhere(f: ExportFilter): Promise<Prisma.SubprocessorLinkWhereInput> {
  const and: Prisma.SubprocessorLinkWhereInput[] = [];
  if (!f.includeHistory) and.push({ version: CURRENT });
  if (f.controller) and.push({ version: { policy: { controller: await organizationNameWhere(f.controller) } } });
  if (f.vendor) and.push({ organization: await organizationNameWhere(f.vendor) });
  if (f.service) and.push({ organization: { OR: [await organizationNameWhere(f.service), { services: { some: serviceNameWhere(f.service) } }] } });
  if (f.country) and.push({ subprocessor: { countryCode: countryCode(f.country) } });
  return and.length ? { AND: and } : {};
}

/** Keyset pages: each page starts after the last id of the one before. */
async function* pages<T extends { id: string }>(size: number, page: (after: string | null) => Promise<T[]>): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const rows = await page(after);
    yield* rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1].id;
  }
}

const afterId = (after: string | null) => (after ? { id: { gt: after } } : {});

export async function* transferRecords(prisma: PrismaClient, f: ExportFilter, { pageSize = PAGE_SIZE }: PagingOptions = {}): AsyncGenerator<TransferRecord> {
  const where = await transferWhere(prisma, f);
  for await (const t of pages(pageSize, (after) =>
    prisma.transfer.findMany({
      where: { AND: [where, afterId(after)] },
      orderBy: { id: 'asc' },
      take: pageSize,
      include: { controller: ORG, recipient: ORG, service: { select: { name: true } }, country: { select: { adequacy: true } }, version: VERSION, evidence: EVIDENCE },
    }),
  )) {
    yield {
      kind: 'transfer',
      id: t.id,
      controller: org(t.controller),
      recipient: org(t.recipient),
      service: t.service?.name ?? null,
      country: t.countryCode,
      thirdCountry: t.thirdCountry,
      mechanisms: t.mechanisms,
      coveredBy: coverageOf(t),
      certainty: t.certainty,
      dpfId: t.dpfId,
      source: t.version.policy.source,
      lastUpdated: t.version.lastUpdated,
      contentHash: t.version.contentHash,
      evidence: t.evidence,
    };
  }
}

export async function* engagementRecords(prisma: PrismaClient, f: ExportFilter, { pageSize = PAGE_SIZE }: PagingOptions = {}): AsyncGenerator<EngagementRecord> {
  const where = await engagementWhere(prisma, f);
  for await (const e of pages(pageSize, (after) =>
    prisma.engagement.findMany({
      where: { AND: [where, afterId(after)] },
      orderBy: { id: 'asc' },
      take: pageSize,
      include: { controller: ORG, recipient: ORG, services: { select: { name: true }, orderBy: { name: 'asc' } }, version: VERSION, evidence: EVIDENCE },
    }),
  )) {
    yield {
      kind: 'engagement',
      id: e.id,
      controller: org(e.controller),
      recipient: org(e.recipient),
      role: e.role,
      services: e.services.map((s) => s.name),
      purposes: e.purposes,
      dataCategories: e.dataCategories,
      legalBases: e.legalBases,
      source: e.version.policy.source,
      lastUpdated: e.version.lastUpdated,
      contentHash: e.version.contentHash,
      evidence: e.evidence,
    };
  }
}

export async function* subprocessorRecords(prisma: PrismaClient, f: ExportFilter, { pageSize = PAGE_SIZE }: PagingOptions = {}): AsyncGenerator<SubprocessorRecord> {
  const where = await subprocessorWhere(f);
  for await (const s of pages(pageSize, (after) =>
    prisma.subprocessorLink.findMany({
      where: { AND: [where, afterId(after)] },
      orderBy: { id: 'asc' },
      take: pageSize,
      include: {
        organization: ORG,
        subprocessor: ORG,
        version: { select: { ...VERSION.select, policy: { select: { source: true, controller: ORG } } } },
        evidence: EVIDENCE,
      },
    }),
  )) {
    yield {
      kind: 'subprocessor',
      id: s.id,
      controller: s.version.policy.controller ? org(s.version.policy.controller) : null,
      processor: org(s.organization),
      subprocessor: org(s.subprocessor),
      source: s.version.policy.source,
      lastUpdated: s.version.lastUpdated,
      contentHash: s.version.contentHash,
      evidence: s.evidence,
    };
  }
}

/** The records of `kind`; the graph is its engagements, then transfers, then sub-processor links. */
export async function* exportRecords(prisma: PrismaClient, kind: ExportKind, f: ExportFilter, paging: PagingOptions = {}): AsyncGenerator<ExportRecord> {
  if (kind === 'engagements' || kind === 'graph') yield* engagementRecords(prisma, f, paging);
  if (kind === 'transfers' || kind === 'graph') yield* transferRecords(prisma, f, paging);
  if (kind === 'subprocessors' || kind === 'graph') yield* subprocessorRecords(prisma, f, paging);
}

/** How many records `kind` holds under `f` (checked against the export limit before anything is sent). */
export async function countRecords(prisma: PrismaClient, kind: ExportKind, f: ExportFilter): Promise<number> {
  const [t, e, s] = await Promise.all([
    kind === 'transfers' || kind === 'graph' ? prisma.transfer.count({ where: await transferWhere(prisma, f) }) : 0,
    kind === 'engagements' || kind === 'graph' ? prisma.engagement.count({ where: await engagementWhere(prisma, f) }) : 0,
    kind === 'subprocessors' || kind === 'graph' ? prisma.subprocessorLink.count({ where: await subprocessorWhere(f) }) : 0,
  ]);
  return t + e + s;
}
