// Query building blocks over the stored graph, shared by the GraphQL layer, the CLI export
// and tests. Everything answers from current policy versions unless told otherwise.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { COUNTRIES } from '../kb/countries.js';
import type { Mechanism } from '../extract/types.js';
import { getCatalog, loadCatalog } from './catalog.js';
import { coverageWhere, type Coverage } from './coverage.js';
import { foldName, orgKey, serviceKey } from './normalize.js';

export const CURRENT: Prisma.PolicyVersionWhereInput = { isCurrent: true };

export interface TransferFilter {
  /** ISO code ("US") or an English/German country name ("USA", "Vereinigte Staaten"). */
  country?: string | null;
  mechanism?: Mechanism | null;
  /** Only transfers for which no mechanism is stated (adequacy-covered ones included: see coveredBy). */
  noMechanism?: boolean | null;
  /** Only transfers resting on this (coverage.ts); NONE is the "without mechanism" risk. */
  coveredBy?: Coverage | null;
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

/**
 * Where-clause matching an organization by its own name or alias (legal form, case, punctuation
 * ignored). By normalized key only — `key` (unique index) and `aliasKeys` (GIN): every node
 * carries the key of its own name among them (planOrganization), so a case-insensitive name
 * match (an ILIKE no index serves, a sequential scan of Organization) finds nothing more.
 */
export async function organizationDirectWhere(name: string): Promise<Prisma.OrganizationWhereInput> {
  const key = orgKey(name);
  const entity = (await loadCatalog()).entityByName(name);
  return { OR: [{ key: { in: uniqKeys([key, entity?.key]) } }, { aliasKeys: { has: key } }] };
}

/** Also matches every legal entity of a catalog vendor named by brand or product ("Zoom", "Google"). */
export async function organizationNameWhere(name: string): Promise<Prisma.OrganizationWhereInput> {
  const direct = await organizationDirectWhere(name);
  const entityKeys = (await loadCatalog()).entitiesFor(name).map((e) => e.key);
  return entityKeys.length ? { OR: [direct, { key: { in: entityKeys } }] } : direct;
}

/**
 * A service by name or alias, case-insensitive; a catalog brand also matches its product names
 * ("Zoom" → "Zoom Meetings"). A service's key is its folded name, so the key covers a
 * case-insensitive name match (and uses the unique index).
 */
export function serviceNameWhere(name: string): Prisma.ServiceWhereInput {
  return { OR: [{ key: { in: serviceKeys(name) } }, { aliases: { has: name.trim() } }] };
}

function serviceKeys(name: string): string[] {
  return uniqKeys([serviceKey(name), ...getCatalog().serviceKeysFor(name)]);
}

function uniqKeys(keys: (string | undefined)[]): string[] {
  return [...new Set(keys.filter((k): k is string => !!k))];
}

/**
 * Where-clause for transfers. A service filter is first resolved to the ids it names (one
 * statement over Service, Organization and the engagement-services table), so the transfer
 * query filters on indexed columns of Transfer alone; as relation filters, PostgreSQL had to
 * join every transfer of the country to its service, engagement and recipient before it could
 * test the OR (174 ms instead of a few on 2,000 policies). A request that needs the clause
 * twice (totalCount and the page) resolves it once: see src/graphql/request-memo.ts.
 */
export async function transferWhere(prisma: PrismaClient, f: TransferFilter = {}): Promise<Prisma.TransferWhereInput> {
  const and: Prisma.TransferWhereInput[] = [];
  if (!f.includeHistory) and.push({ version: CURRENT });
  if (f.country) and.push({ countryCode: countryCode(f.country) });
  if (f.mechanism) and.push({ mechanisms: { hasSome: [f.mechanism] } });
  if (f.noMechanism === true) and.push({ mechanisms: { isEmpty: true } });
  if (f.noMechanism === false) and.push({ NOT: { mechanisms: { isEmpty: true } } });
  if (f.coveredBy) and.push(coverageWhere(f.coveredBy));
  if (f.certainty) and.push({ certainty: f.certainty });
  if (f.thirdCountry != null) and.push({ thirdCountry: f.thirdCountry });
  if (f.service) and.push(await serviceIdsWhere(prisma, f.service));
  if (f.vendor) and.push({ recipient: await organizationNameWhere(f.vendor) });
  if (f.controller) and.push({ controller: await organizationNameWhere(f.controller) });
  return and.length ? { AND: and } : {};
}

/** The ids a service filter names, as one statement returns them. */
interface ServiceIds {
  services: string[];
  vendors: string[];
  brands: string[];
  engagements: string[];
}

/**
 * A transfer through a service: its own service, a service its engagement names, the vendor
 * itself, or a brand's entity where no service is named. One statement resolves all four id
 * lists, each branch on an index: Service.key / aliases (GIN), Organization.key / aliasKeys
 * (GIN), _EngagementServices(B, A) and Engagement(recipientId, id) for the engagements naming
 * the service whose recipient is not the vendor itself (a transfer's recipient is its
 * engagement's, so those transfers already match by recipientId): few rows. `= ANY(ARRAY(…))`,
 * not `IN (SELECT …)`: with the latter PostgreSQL scanned all of _EngagementServices (166k rows
 * on 10,000 policies, 309 ms under load) instead of its index on B (65 ms, one heap page per link
 * of the service; an index on (B, A) would make it index-only, but Prisma's diff drops any
 * index it cannot declare, and it cannot declare one on an implicit many-to-many table).
 */
async function serviceIdsWhere(prisma: PrismaClient, service: string): Promise<Prisma.TransferWhereInput> {
  const catalog = await loadCatalog();
  const key = orgKey(service);
  const vendorKeys = uniqKeys([key, catalog.entityByName(service)?.key]);
  const brandKeys = catalog.entitiesFor(service).map((e) => e.key);
  const [ids] = await prisma.$queryRaw<ServiceIds[]>`
    WITH svc AS (SELECT id FROM "Service" WHERE key = ANY(${serviceKeys(service)}::text[]) OR aliases @> ARRAY[${service.trim()}]::text[]),
    org AS (SELECT id FROM "Organization" WHERE key = ANY(${vendorKeys}::text[]) OR "aliasKeys" @> ARRAY[${key}]::text[])
    SELECT ARRAY(SELECT id FROM svc) AS services, ARRAY(SELECT id FROM org) AS vendors,
      ARRAY(SELECT id FROM "Organization" WHERE key = ANY(${brandKeys}::text[])) AS brands,
      ARRAY(SELECT DISTINCT es."A" FROM "_EngagementServices" es WHERE es."B" = ANY(ARRAY(SELECT id FROM svc))
        AND es."A" NOT IN (SELECT e.id FROM "Engagement" e WHERE e."recipientId" IN (SELECT id FROM org))) AS engagements`;
  const or: Prisma.TransferWhereInput[] = [
    ...(ids.services.length ? [{ serviceId: { in: ids.services } }] : []),
    ...(ids.vendors.length ? [{ recipientId: { in: ids.vendors } }] : []),
    ...(ids.brands.length ? [{ serviceId: null, recipientId: { in: ids.brands } }] : []),
    ...(ids.engagements.length ? [{ engagementId: { in: ids.engagements } }] : []),
  ];
  return or.length ? { OR: or } : { id: { in: [] } };
}

export interface Dashboard {
  policies: number;
  currentVersions: number;
  organizations: number;
  services: number;
  transfers: number;
  thirdCountryTransfers: number;
  /** Third-country transfers with no mechanism stated and nothing covering them (coverage.ts: NONE). */
  transfersWithoutMechanism: number;
  /** Third-country transfers with no mechanism stated to a country with an adequacy decision. */
  transfersCoveredByAdequacy: number;
  byCountry: { countryCode: string | null; count: number }[];
  byMechanism: { mechanism: Mechanism | null; count: number }[];
  topVendors: { organizationId: string; controllers: number; engagements: number }[];
}

/**
 * The dashboard in one statement over the tallies the ingest transaction keeps
 * (src/store/tallies.ts): a few hundred rows, whatever the number of policies. (Aggregating
 * every current transfer per request took 330 ms on 10,000 policies; loading them into JS,
 * 300 ms on 2,000.)
 */
export async function dashboard(prisma: PrismaClient, topN = 10): Promise<Dashboard> {
  const [row] = await prisma.$queryRaw<Dashboard[]>`
    WITH cur AS (
      SELECT t."countryCode", t."thirdCountry", t.mechanisms, t.count AS n, coalesce(c.adequacy, false) AS adequacy
      FROM "TransferTally" t LEFT JOIN "Country" c ON c.code = t."countryCode" WHERE t.count > 0),
    vendors AS (
      -- ties in name order, so the same graph always shows the same top list
      SELECT v."recipientId" AS "organizationId", o.name, v.controllers, v.engagements
      FROM "VendorTally" v JOIN "Organization" o ON o.id = v."recipientId"
      WHERE v.engagements > 0 ORDER BY v.controllers DESC, v.engagements DESC, o.name, v."recipientId" LIMIT ${topN})
    SELECT
      (SELECT count(*) FROM "Policy" WHERE "currentVersionId" IS NOT NULL)::int AS policies,
      (SELECT count(*) FROM "PolicyVersion" WHERE "isCurrent")::int AS "currentVersions",
      (SELECT count(*) FROM "Organization")::int AS organizations,
      (SELECT count(*) FROM "Service")::int AS services,
      (SELECT coalesce(sum(n), 0) FROM cur)::int AS transfers,
      (SELECT coalesce(sum(n), 0) FROM cur WHERE "thirdCountry")::int AS "thirdCountryTransfers",
      -- coverage.ts's rule: an adequacy decision covers a transfer for which no mechanism is stated
      -- (adequacy read at request time, so a changed decision needs no re-tally)
      (SELECT coalesce(sum(n), 0) FROM cur WHERE "thirdCountry" AND cardinality(mechanisms) = 0 AND NOT adequacy)::int AS "transfersWithoutMechanism",
      (SELECT coalesce(sum(n), 0) FROM cur WHERE "thirdCountry" AND cardinality(mechanisms) = 0 AND adequacy)::int AS "transfersCoveredByAdequacy",
      (SELECT coalesce(json_agg(json_build_object('countryCode', code, 'count', n)), '[]')
       FROM (SELECT "countryCode" AS code, sum(n)::int AS n FROM cur GROUP BY 1) x) AS "byCountry",
      -- a transfer with no mechanism counts once under null
      (SELECT coalesce(json_agg(json_build_object('mechanism', m, 'count', n)), '[]')
       FROM (SELECT m::text AS m, sum(n)::int AS n FROM cur LEFT JOIN LATERAL unnest(mechanisms) m ON true GROUP BY 1) x) AS "byMechanism",
      (SELECT coalesce(json_agg(json_build_object('organizationId', "organizationId", 'controllers', controllers, 'engagements', engagements)
         ORDER BY controllers DESC, engagements DESC, name, "organizationId"), '[]') FROM vendors) AS "topVendors"`;
  return {
    ...row,
    byCountry: row.byCountry.sort((a, b) => b.count - a.count || String(a.countryCode).localeCompare(String(b.countryCode))),
    byMechanism: row.byMechanism.sort((a, b) => b.count - a.count),
  };
}
