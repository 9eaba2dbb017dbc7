// What the Neo4j projection holds, read from the primary database: the rows of current policy
// versions (all of them, or those of some policies) and exactly the nodes those rows support.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { UNNAMED_COUNTRY } from './cypher.js';

interface Evidenced {
  id: string;
  policyId: string;
  versionId: string;
  /** Parallel lists, sorted by evidence id (Neo4j properties cannot hold maps). */
  evidenceIds: string[];
  evidenceQuotes: string[];
}

export interface Projection {
  countries: { code: string; nameEn: string; nameDe: string; eu: boolean; eea: boolean; adequacy: boolean }[];
  organizations: { id: string; name: string; aliases: string[]; legalForm: string | null; countryCode: string | null; address: string | null; dpfId: string | null }[];
  services: { id: string; name: string; aliases: string[]; organizationId: string | null }[];
  regions: { id: string; key: string; name: string; countryCode: string | null }[];
  policies: { id: string; source: string; controllerId: string | null; versionId: string; contentHash: string; language: string; lastUpdated: string | null; doc: string; ingestedAt: string }[];
  engagements: (Evidenced & {
    controllerId: string;
    recipientId: string;
    role: string;
    serviceId: string | null;
    serviceIds: string[];
    purposes: string[];
    dataCategories: string[];
    legalBases: string[];
    retention: string[];
  })[];
  serviceUses: { engagementId: string; policyId: string; versionId: string; controllerId: string; recipientId: string; serviceId: string; role: string }[];
  transfers: (Evidenced & {
    engagementId: string;
    controllerId: string;
    recipientId: string;
    serviceId: string | null;
    countryCode: string;
    countryNamed: boolean;
    thirdCountry: boolean;
    mechanisms: string[];
    certainty: string;
    dpfId: string | null;
  })[];
  subprocessors: (Evidenced & { organizationId: string; subprocessorId: string })[];
  parents: (Evidenced & { childId: string; parentId: string })[];
  locations: (Evidenced & { organizationId: string; countryCode: string | null; regionId: string | null })[];
}

const EVIDENCE = { select: { id: true, quote: true }, orderBy: { id: 'asc' } } as const;

function evidence(version: { policyId: string }, id: string, versionId: string, ev: { id: string; quote: string }[]): Evidenced {
  return { id, policyId: version.policyId, versionId, evidenceIds: ev.map((e) => e.id), evidenceQuotes: ev.map((e) => e.quote) };
}

/** The projection of every current version, or only of the current versions of `policyIds`. */
export async function readProjection(prisma: PrismaClient, policyIds?: string[]): Promise<Projection> {
  const version: Prisma.PolicyVersionWhereInput = policyIds ? { isCurrent: true, policyId: { in: policyIds } } : { isCurrent: true };
  const where = { version };
  const v = { select: { policyId: true } } as const;
  const [versions, engagements, transfers, subs, parents, locations] = await Promise.all([
    prisma.policyVersion.findMany({
      where: version,
      select: { id: true, policyId: true, contentHash: true, language: true, lastUpdated: true, doc: true, ingestedAt: true, policy: { select: { source: true, controllerId: true } } },
      orderBy: { id: 'asc' },
    }),
    prisma.engagement.findMany({
      where,
      select: {
        id: true, versionId: true, controllerId: true, recipientId: true, role: true, serviceId: true, purposes: true, dataCategories: true, legalBases: true, retention: true,
        services: { select: { id: true } }, evidence: EVIDENCE, version: v,
      },
      orderBy: { id: 'asc' },
    }),
    prisma.transfer.findMany({
      where,
      select: {
        id: true, versionId: true, engagementId: true, controllerId: true, recipientId: true, serviceId: true, countryCode: true, thirdCountry: true, mechanisms: true, certainty: true, dpfId: true,
        evidence: EVIDENCE, version: v,
      },
      orderBy: { id: 'asc' },
    }),
    prisma.subprocessorLink.findMany({ where, select: { id: true, versionId: true, organizationId: true, subprocessorId: true, evidence: EVIDENCE, version: v }, orderBy: { id: 'asc' } }),
    prisma.parentLink.findMany({ where, select: { id: true, versionId: true, childId: true, parentId: true, evidence: EVIDENCE, version: v }, orderBy: { id: 'asc' } }),
    prisma.processingLocation.findMany({ where, select: { id: true, versionId: true, organizationId: true, countryCode: true, regionId: true, evidence: EVIDENCE, version: v }, orderBy: { id: 'asc' } }),
  ]);

  const p: Projection = {
    countries: [],
    organizations: [],
    services: [],
    regions: [],
    policies: versions.map((x) => ({
      id: x.policyId, source: x.policy.source, controllerId: x.policy.controllerId, versionId: x.id, contentHash: x.contentHash,
      language: x.language, lastUpdated: x.lastUpdated, doc: x.doc, ingestedAt: x.ingestedAt.toISOString(),
    })),
    engagements: engagements.map((e) => ({
      ...evidence(e.version, e.id, e.versionId, e.evidence),
      controllerId: e.controllerId, recipientId: e.recipientId, role: e.role, serviceId: e.serviceId,
      serviceIds: [...new Set([...(e.serviceId ? [e.serviceId] : []), ...e.services.map((s) => s.id)])].sort(),
      purposes: e.purposes, dataCategories: e.dataCategories, legalBases: e.legalBases, retention: e.retention,
    })),
    serviceUses: [],
    transfers: transfers.map((t) => ({
      ...evidence(t.version, t.id, t.versionId, t.evidence),
      engagementId: t.engagementId, controllerId: t.controllerId, recipientId: t.recipientId, serviceId: t.serviceId,
      countryCode: t.countryCode ?? UNNAMED_COUNTRY, countryNamed: t.countryCode != null, thirdCountry: t.thirdCountry,
      mechanisms: [...t.mechanisms].sort(), certainty: t.certainty, dpfId: t.dpfId,
    })),
    subprocessors: subs.map((s) => ({ ...evidence(s.version, s.id, s.versionId, s.evidence), organizationId: s.organizationId, subprocessorId: s.subprocessorId })),
    parents: parents.map((s) => ({ ...evidence(s.version, s.id, s.versionId, s.evidence), childId: s.childId, parentId: s.parentId })),
    locations: locations.map((l) => ({ ...evidence(l.version, l.id, l.versionId, l.evidence), organizationId: l.organizationId, countryCode: l.countryCode, regionId: l.regionId })),
  };
  p.serviceUses = p.engagements.flatMap((e) =>
    e.serviceIds.map((serviceId) => ({ engagementId: e.id, policyId: e.policyId, versionId: e.versionId, controllerId: e.controllerId, recipientId: e.recipientId, serviceId, role: e.role })),
  );

  // the nodes these rows support (and, for a service, its vendor; for an organization, its seat)
  // a full rebuild reads whole tables (an IN list of every id would pass PostgreSQL's bind-parameter limit)
  const among = <T extends { id: string }>(ids: Set<string>, rows: T[]) => rows.filter((r) => ids.has(r.id));
  const inIds = (ids: Set<string>) => (policyIds ? { id: { in: [...ids] } } : {});
  const serviceIds = new Set(p.serviceUses.map((u) => u.serviceId));
  const services = among(serviceIds, await prisma.service.findMany({ where: inIds(serviceIds), select: { id: true, name: true, aliases: true, organizationId: true }, orderBy: { id: 'asc' } }));
  p.services = services;
  const orgIds = new Set<string>();
  for (const x of p.policies) if (x.controllerId) orgIds.add(x.controllerId);
  for (const e of p.engagements) orgIds.add(e.controllerId).add(e.recipientId);
  for (const t of p.transfers) orgIds.add(t.recipientId);
  for (const s of p.subprocessors) orgIds.add(s.organizationId).add(s.subprocessorId);
  for (const s of p.parents) orgIds.add(s.childId).add(s.parentId);
  for (const l of p.locations) orgIds.add(l.organizationId);
  for (const s of services) if (s.organizationId) orgIds.add(s.organizationId);
  p.organizations = among(
    orgIds,
    await prisma.organization.findMany({
      where: inIds(orgIds),
      select: { id: true, name: true, aliases: true, legalForm: true, countryCode: true, address: true, dpfId: true },
      orderBy: { id: 'asc' },
    }),
  );
  const regionIds = new Set(p.locations.map((l) => l.regionId).filter((r): r is string => r != null));
  p.regions = among(regionIds, await prisma.region.findMany({ where: inIds(regionIds), select: { id: true, key: true, name: true, countryCode: true }, orderBy: { id: 'asc' } }));
  const codes = new Set<string>();
  for (const o of p.organizations) if (o.countryCode) codes.add(o.countryCode);
  for (const t of p.transfers) if (t.countryNamed) codes.add(t.countryCode);
  for (const l of p.locations) if (l.countryCode) codes.add(l.countryCode);
  for (const g of p.regions) if (g.countryCode) codes.add(g.countryCode);
  p.countries = await prisma.country.findMany({ where: { code: { in: [...codes] } }, orderBy: { code: 'asc' } });
  if (p.transfers.some((t) => !t.countryNamed)) {
    p.countries.push({ code: UNNAMED_COUNTRY, nameEn: 'Third country not named', nameDe: 'Nicht genanntes Drittland', eu: false, eea: false, adequacy: false });
  }
  return p;
}
