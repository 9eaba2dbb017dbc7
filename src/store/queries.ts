// Query building blocks over the stored graph, shared by the GraphQL layer, the CLI export
// and tests. Everything answers from current policy versions unless told otherwise.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { ReadSql } from '../db.js';
import { COUNTRIES } from '../kb/countries.js';
import type { Mechanism } from '../extract/types.js';
import { getCatalog, loadCatalog } from './catalog.js';
import { coverageWhere, type Coverage } from './coverage.js';
import { foldName, orgKey, serviceKey } from './normalize.js';
import { reviveDates, toJsonSql } from './relation-json.js';
import type { SqlParams } from './sql-params.js';

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
 * The normalized keys an organization name is looked up by (legal form, case, punctuation
 * ignored): a node whose `key` is one of `keys` (unique index) or whose `aliasKeys` hold `key`
 * (GIN). Every node carries the key of its own name among them (planOrganization), so a
 * case-insensitive name match (an ILIKE no index serves, a sequential scan of Organization)
 * finds nothing more. `brand` adds every legal entity of a catalog vendor named by brand or
 * product ("Zoom", "Google").
 */
export async function organizationKeys(name: string, opts: { brand: boolean }): Promise<{ key: string; keys: string[] }> {
  const catalog = await loadCatalog();
  const key = orgKey(name);
  const brandKeys = opts.brand ? catalog.entitiesFor(name).map((e) => e.key) : [];
  return { key, keys: uniqKeys([key, catalog.entityByName(name)?.key, ...brandKeys]) };
}

/** Where-clause matching an organization by its own name or alias (organizationKeys). */
export async function organizationDirectWhere(name: string): Promise<Prisma.OrganizationWhereInput> {
  const { key, keys } = await organizationKeys(name, { brand: false });
  return { OR: [{ key: { in: keys } }, { aliasKeys: { has: key } }] };
}

/**
 * organizationNameWhere's rule as SQL on the Organization row `alias`: a key among `keys` or
 * `aliasKey` among its alias keys (both indexed), values in `params`.
 */
export function organizationKeysSql(alias: string, keys: string[], aliasKey: string, params: SqlParams): string {
  return `(${alias}.key = ANY(${params.add(keys)}::text[]) OR ${alias}."aliasKeys" @> ARRAY[${params.add(aliasKey)}]::text[])`;
}

/** Also matches every legal entity of a catalog vendor named by brand or product ("Zoom", "Google"). */
export async function organizationNameWhere(name: string): Promise<Prisma.OrganizationWhereInput> {
  const { key, keys } = await organizationKeys(name, { brand: true });
  return { OR: [{ key: { in: keys } }, { aliasKeys: { has: key } }] };
}

/**
 * A service by name or alias, case-insensitive; a catalog brand also matches its product names
 * ("Zoom" → "Zoom Meetings"). A service's key is its folded name, so the key covers a
 * case-insensitive name match (and uses the unique index).
 */
export function serviceNameWhere(name: string): Prisma.ServiceWhereInput {
  return { OR: [{ key: { in: serviceKeys(name) } }, { aliases: { has: name.trim() } }] };
}

export function serviceKeys(name: string): string[] {
  return uniqKeys([serviceKey(name), ...getCatalog().serviceKeysFor(name)]);
}

function uniqKeys(keys: (string | undefined)[]): string[] {
  return [...new Set(keys.filter((k): k is string => !!k))];
}

/**
 * What a service filter names, as keys: the services themselves (by key or alias), the vendor
 * (an organization of that name), and a brand's legal entities (which count where a transfer
 * names no service). A transfer goes through the service when its own service or one its
 * engagement names is among the services (Transfer.viaServiceIds), its recipient is the vendor,
 * or it names no service and its recipient is one of the brand's entities.
 */
export async function serviceFilterKeys(service: string) {
  const catalog = await loadCatalog();
  const key = orgKey(service);
  return {
    serviceKeys: serviceKeys(service),
    alias: service.trim(),
    vendorKey: key,
    vendorKeys: uniqKeys([key, catalog.entityByName(service)?.key]),
    brandKeys: catalog.entitiesFor(service).map((e) => e.key),
  };
}

/**
 * Where-clause for transfers (the export's and other Prisma readers'; the transfers connection
 * answers from the same rules in SQL, src/store/transfer-hits.ts, and a test holds the two
 * together). A service filter is first resolved to the ids it names (one statement), so the
 * transfer query filters on indexed columns of Transfer alone.
 */
export async function transferWhere(prisma: PrismaClient, f: TransferFilter = {}): Promise<Prisma.TransferWhereInput> {
  const and: Prisma.TransferWhereInput[] = [];
  if (!f.includeHistory) and.push({ current: true });
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

/** A transfer through a service (serviceFilterKeys), its ids resolved in one statement. */
async function serviceIdsWhere(prisma: PrismaClient, service: string): Promise<Prisma.TransferWhereInput> {
  const k = await serviceFilterKeys(service);
  const [ids] = await prisma.$queryRaw<{ services: string[]; vendors: string[]; brands: string[] }[]>`
    SELECT ARRAY(SELECT id FROM "Service" WHERE key = ANY(${k.serviceKeys}::text[]) OR aliases @> ARRAY[${k.alias}]::text[]) AS services,
      ARRAY(SELECT id FROM "Organization" WHERE key = ANY(${k.vendorKeys}::text[]) OR "aliasKeys" @> ARRAY[${k.vendorKey}]::text[]) AS vendors,
      ARRAY(SELECT id FROM "Organization" WHERE key = ANY(${k.brandKeys}::text[])) AS brands`;
  const or: Prisma.TransferWhereInput[] = [
    ...(ids.services.length ? [{ serviceId: { in: ids.services } }, { viaServiceIds: { hasSome: ids.services } }] : []),
    ...(ids.vendors.length ? [{ recipientId: { in: ids.vendors } }] : []),
    ...(ids.brands.length ? [{ serviceId: null, recipientId: { in: ids.brands } }] : []),
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
  /** Each with the organization's own columns (Prisma's shape), so a selection of scalars needs no further statement. */
  topVendors: { organizationId: string; organization: Record<string, unknown>; controllers: number; engagements: number }[];
}

/**
 * The dashboard in one statement over the tallies the ingest transaction keeps
 * (src/store/tallies.ts): a few hundred rows, whatever the number of policies. (Aggregating
 * every current transfer per request took 330 ms on 10,000 policies; loading them into JS,
 * 300 ms on 2,000.)
 */
/** An organization's scalar columns as json, in Prisma's shape (relation-json.ts). */
const ORGANIZATION_ROW = toJsonSql('Organization', 'o', true)!;

export async function dashboard(read: ReadSql, topN = 10): Promise<Dashboard> {
  const [row] = await read<Dashboard>(`
    WITH cur AS (
      SELECT t."countryCode", t."thirdCountry", t.mechanisms, t.count AS n, coalesce(c.adequacy, false) AS adequacy
      FROM "TransferTally" t LEFT JOIN "Country" c ON c.code = t."countryCode" WHERE t.count > 0),
    vendors AS (
      -- ties in name order, so the same graph always shows the same top list
      SELECT v."recipientId" AS "organizationId", o.name, ${ORGANIZATION_ROW} AS organization, v.controllers, v.engagements
      FROM "VendorTally" v JOIN "Organization" o ON o.id = v."recipientId"
      WHERE v.engagements > 0 ORDER BY v.controllers DESC, v.engagements DESC, o.name, v."recipientId" LIMIT $1)
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
      (SELECT coalesce(json_agg(json_build_object('organizationId', "organizationId", 'organization', organization, 'controllers', controllers, 'engagements', engagements)
         ORDER BY controllers DESC, engagements DESC, name, "organizationId"), '[]') FROM vendors) AS "topVendors"`,
    [topN],
  );
  for (const v of row.topVendors) reviveDates('Organization', v.organization);
  return {
    ...row,
    byCountry: row.byCountry.sort((a, b) => b.count - a.count || String(a.countryCode).localeCompare(String(b.countryCode))),
    byMechanism: row.byMechanism.sort((a, b) => b.count - a.count),
  };
}
