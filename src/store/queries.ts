// Query building blocks over the stored graph, shared by the GraphQL layer, the CLI export
// and tests. Everything answers from current policy versions unless told otherwise.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { COUNTRIES } from '../kb/countries.js';
import type { Mechanism } from '../extract/types.js';
import { getCatalog, loadCatalog } from './catalog.js';
import { foldName, orgKey, serviceKey } from './normalize.js';

export const CURRENT: Prisma.PolicyVersionWhereInput = { isCurrent: true };

export interface TransferFilter {
  /** ISO code ("US") or an English/German country name ("USA", "Vereinigte Staaten"). */
  country?: string | null;
  mechanism?: Mechanism | null;
  /** Only transfers for which no mechanism is stated. */
  noMechanism?: boolean | null;
  /** A service or its vendor, by name or alias, case-insensitive ("Zoom"). */
  service?: string | null;
  /** The recipient organization by name or alias. */
  vendor?: string | null;
  /** The controller by name or alias. */
  controller?: string | null;
  certainty?: 'STATED' | 'POSSIBLE' | null;
  /** Only transfers outside the EU/EEA (unnamed third countries included). */
  thirdCountry?: boolean | null;
  /** Also answer from superseded policy versions. */
  includeHistory?: boolean | null;
}

/** Resolves a country given as code or name to its ISO code (unknown input → itself, upper-cased). */
export function countryCode(input: string): string {
  const t = input.trim();
  if (/^[a-z]{2}$/i.test(t)) return t.toUpperCase();
  const f = foldName(t);
  const hit = COUNTRIES.find((c) => [c.nameEn, c.nameDe, ...c.names].some((n) => foldName(n) === f));
  if (hit) return hit.code;
  if (['usa', 'us', 'u s a', 'united states of america'].includes(f)) return 'US';
  return t.toUpperCase();
}

/** Where-clause matching an organization by its own name or alias (legal form, case, punctuation ignored). */
export async function organizationDirectWhere(name: string): Promise<Prisma.OrganizationWhereInput> {
  const key = orgKey(name);
  const entity = (await loadCatalog()).entityByName(name);
  return {
    OR: [{ key }, { aliasKeys: { has: key } }, { name: { equals: name.trim(), mode: 'insensitive' } }, ...(entity ? [{ key: entity.key }] : [])],
  };
}

/** Also matches every legal entity of a catalog vendor named by brand or product ("Zoom", "Google"). */
export async function organizationNameWhere(name: string): Promise<Prisma.OrganizationWhereInput> {
  const direct = await organizationDirectWhere(name);
  const entityKeys = (await loadCatalog()).entitiesFor(name).map((e) => e.key);
  return entityKeys.length ? { OR: [direct, { key: { in: entityKeys } }] } : direct;
}

/** A service by name or alias, case-insensitive; a catalog brand also matches its product names ("Zoom" → "Zoom Meetings"). */
export function serviceNameWhere(name: string): Prisma.ServiceWhereInput {
  const keys = [serviceKey(name), ...getCatalog().serviceKeysFor(name)];
  return { OR: [{ key: { in: [...new Set(keys)] } }, { name: { equals: name.trim(), mode: 'insensitive' } }, { aliases: { has: name.trim() } }] };
}

export async function transferWhere(f: TransferFilter = {}): Promise<Prisma.TransferWhereInput> {
  const and: Prisma.TransferWhereInput[] = [];
  if (!f.includeHistory) and.push({ version: CURRENT });
  if (f.country) and.push({ countryCode: countryCode(f.country) });
  if (f.mechanism) and.push({ mechanisms: { hasSome: [f.mechanism] } });
  if (f.noMechanism === true) and.push({ mechanisms: { isEmpty: true } });
  if (f.noMechanism === false) and.push({ NOT: { mechanisms: { isEmpty: true } } });
  if (f.certainty) and.push({ certainty: f.certainty });
  if (f.thirdCountry != null) and.push({ thirdCountry: f.thirdCountry });
  if (f.service) {
    const sw = serviceNameWhere(f.service);
    const entityKeys = (await loadCatalog()).entitiesFor(f.service).map((e) => e.key);
    and.push({
      OR: [
        { service: sw },
        { engagement: { services: { some: sw } } },
        { recipient: await organizationDirectWhere(f.service) },
        // a vendor named by brand: its transfers where the policy names no service
        ...(entityKeys.length ? [{ serviceId: null, recipient: { key: { in: entityKeys } } }] : []),
      ],
    });
  }
  if (f.vendor) and.push({ recipient: await organizationNameWhere(f.vendor) });
  if (f.controller) and.push({ controller: await organizationNameWhere(f.controller) });
  return and.length ? { AND: and } : {};
}

export interface Dashboard {
  policies: number;
  currentVersions: number;
  organizations: number;
  services: number;
  transfers: number;
  thirdCountryTransfers: number;
  transfersWithoutMechanism: number;
  byCountry: { countryCode: string | null; count: number }[];
  byMechanism: { mechanism: Mechanism | null; count: number }[];
  topVendors: { organizationId: string; controllers: number; engagements: number }[];
}

export async function dashboard(prisma: PrismaClient, topN = 10): Promise<Dashboard> {
  const current = { version: CURRENT };
  const [policies, currentVersions, organizations, services, transfers, thirdCountryTransfers, transfersWithoutMechanism, byCountry, mechRows, vendorRows] =
    await Promise.all([
      prisma.policy.count({ where: { currentVersionId: { not: null } } }),
      prisma.policyVersion.count({ where: CURRENT }),
      prisma.organization.count(),
      prisma.service.count(),
      prisma.transfer.count({ where: current }),
      prisma.transfer.count({ where: { ...current, thirdCountry: true } }),
      prisma.transfer.count({ where: { ...current, thirdCountry: true, mechanisms: { isEmpty: true } } }),
      prisma.transfer.groupBy({ by: ['countryCode'], where: current, _count: { _all: true } }),
      prisma.transfer.findMany({ where: current, select: { mechanisms: true } }),
      prisma.engagement.groupBy({ by: ['recipientId', 'controllerId'], where: current, _count: { _all: true } }),
    ]);
  const mech = new Map<Mechanism | null, number>();
  for (const r of mechRows) {
    if (r.mechanisms.length === 0) mech.set(null, (mech.get(null) ?? 0) + 1);
    for (const m of r.mechanisms) mech.set(m as Mechanism, (mech.get(m as Mechanism) ?? 0) + 1);
  }
  const vendors = new Map<string, { controllers: number; engagements: number }>();
  for (const r of vendorRows) {
    const v = vendors.get(r.recipientId) ?? { controllers: 0, engagements: 0 };
    v.controllers += 1;
    v.engagements += r._count._all;
    vendors.set(r.recipientId, v);
  }
  return {
    policies,
    currentVersions,
    organizations,
    services,
    transfers,
    thirdCountryTransfers,
    transfersWithoutMechanism,
    byCountry: byCountry
      .map((r) => ({ countryCode: r.countryCode, count: r._count._all }))
      .sort((a, b) => b.count - a.count || String(a.countryCode).localeCompare(String(b.countryCode))),
    byMechanism: [...mech].map(([mechanism, count]) => ({ mechanism, count })).sort((a, b) => b.count - a.count),
    topVendors: [...vendors]
      .map(([organizationId, v]) => ({ organizationId, ...v }))
      .sort((a, b) => b.controllers - a.controllers || b.engagements - a.engagements)
      .slice(0, topN),
  };
}
