// The transfers a filter selects, as SQL over Transfer's own columns: the hit set behind the
// transfers connection (src/store/transfer-page.ts), its count and its order. The rules are
// those of transferWhere (src/store/queries.ts), which the export and other Prisma readers use;
// a test runs both over the same graph and filters.
//
// Why SQL and this shape: the connection's count and first page are read from covering indexes
// (schema.prisma, Transfer) without visiting the table. A service filter is a union of one
// select per way a transfer goes through the service (each an index-only scan of its own index),
// not one select with an OR (a bitmap OR must visit every matching row on the heap: 2,600 pages
// for "US via Zoom" on 10,000 policies, most of the statement's time).
import type { ReadSql } from '../db.js';
import { countryCode, organizationKeys, organizationKeysSql, serviceFilterKeys, type TransferFilter } from './queries.js';
import { SqlParams } from './sql-params.js';

/** Columns every hit select returns: the id and the connection's sort key. */
export const HIT_COLUMNS = 't."id", t."controllerName"';

/**
 * The ids a filter's names designate. Resolved by a statement of their own before the hit set
 * is read: with the ids as values the planner estimates every branch from them and the hit
 * statement carries no sub-plans (the acceptance question: 4.6 → 3.2 ms of execution and
 * 2.3 → 0.4 ms of planning on 10,000 policies, for one look-up of ~0.5 ms).
 */
export interface FilterIds {
  /** Services named so (a service filter), in PostgreSQL's order of their ids. */
  services: string[];
  /** Organizations that are the service's vendor by name. */
  vendors: string[];
  /** The legal entities of a catalog brand of that name. */
  brands: string[];
  /** The vendor filter's organizations. */
  vendor: string[];
  /** The controller filter's organizations. */
  controller: string[];
}

/** One statement for every name of the filter; null when it names nothing (no statement sent). */
export async function resolveFilterIds(read: ReadSql, f: TransferFilter): Promise<FilterIds | null> {
  if (!f.service && !f.vendor && !f.controller) return null;
  const params = new SqlParams();
  const none = `ARRAY[]::text[]`;
  let services = none;
  let vendors = none;
  let brands = none;
  if (f.service) {
    const k = await serviceFilterKeys(f.service);
    // in the index's order: the vendor's way scans the gaps between them (vendorWays)
    services = `ARRAY(SELECT id FROM "Service" WHERE key = ANY(${params.add(k.serviceKeys)}::text[]) OR aliases @> ARRAY[${params.add(k.alias)}]::text[] ORDER BY id)`;
    vendors = `ARRAY(${organizationsByKeySql(k.vendorKeys, k.vendorKey, params)})`;
    brands = `ARRAY(SELECT id FROM "Organization" WHERE key = ANY(${params.add(k.brandKeys)}::text[]))`;
  }
  const vendor = f.vendor ? `ARRAY(${await organizationIdsSql(f.vendor, params)})` : none;
  const controller = f.controller ? `ARRAY(${await organizationIdsSql(f.controller, params)})` : none;
  const [ids] = await read<FilterIds>(
    `SELECT ${services} AS services, ${vendors} AS vendors, ${brands} AS brands, ${vendor} AS vendor, ${controller} AS controller`,
    params.values,
  );
  return ids;
}

/**
 * `SELECT id, "controllerName" FROM "Transfer" t …` for the filter (a UNION for a service
 * filter), with `params` holding its values; `ids` are the filter's names resolved
 * (resolveFilterIds). A name that designates nothing selects nothing.
 */
export function transferHitsSql(f: TransferFilter, ids: FilterIds | null, params: SqlParams): string {
  const where: string[] = [];
  if (!f.includeHistory) where.push('t."current"');
  if (f.country) where.push(`t."countryCode" = ${params.add(countryCode(f.country))}`);
  if (f.mechanism) where.push(`t."mechanisms" @> ARRAY[${params.add(f.mechanism)}]::"Mechanism"[]`);
  if (f.noMechanism === true) where.push(NO_MECHANISM);
  if (f.noMechanism === false) where.push(`NOT ${NO_MECHANISM}`);
  if (f.coveredBy) where.push(coverageSql(f.coveredBy));
  if (f.certainty) where.push(`t."certainty" = ${params.add(f.certainty)}::"Certainty"`);
  if (f.thirdCountry != null) where.push(`t."thirdCountry" = ${params.add(f.thirdCountry)}`);
  if (f.vendor) where.push(`t."recipientId" = ANY(${params.add(ids?.vendor ?? [])}::text[])`);
  if (f.controller) where.push(`t."controllerId" = ANY(${params.add(ids?.controller ?? [])}::text[])`);
  const select = (extra: string[]) => `SELECT ${HIT_COLUMNS} FROM "Transfer" t WHERE ${[...where, ...extra].join(' AND ') || 'true'}`;
  if (!f.service) return select([]);

  const { services: s, vendors: v, brands: allBrands } = ids ?? { services: [], vendors: [], brands: [] };
  // a brand entity that is also a vendor of the name is the vendor's ways' (the brand's way
  // excludes vendors): only the others make a way of their own, often none
  const vendorIds = new Set(v);
  const b = allBrands.filter((id) => !vendorIds.has(id));
  const services = s.length ? params.add(s) + '::text[]' : '';
  const vendors = v.length ? params.add(v) + '::text[]' : '';
  const brands = b.length ? params.add(b) + '::text[]' : '';
  // The four ways made disjoint, so UNION ALL needs no de-duplication of the hits (which took
  // as long as the scans: a vendor's transfers through its own service are reached twice). Each
  // way excludes the ones before it; the first three test indexed columns only. A way whose
  // ids came back empty is left out, and so is its exclusion from the later ones.
  // (the first as a plain index condition: wrapped in coalesce it would scan the whole index)
  const notOwnService = services ? [`NOT coalesce(t."serviceId" = ANY(${services}), false)`] : [];
  const notVendor = vendors ? [`t."recipientId" <> ALL(${vendors})`] : [];
  const byBrand = brands && `t."serviceId" IS NULL AND t."recipientId" = ANY(${brands})`;
  const ways = [
    services && select([`t."serviceId" = ANY(${services})`]),
    ...(vendors ? vendorWays(s, params).map((way) => select([`t."recipientId" = ANY(${vendors})`, way])) : []),
    byBrand && select([byBrand, ...notVendor]),
    services && select([`t."viaServiceIds" && ${services}`, ...notOwnService, ...notVendor, ...(byBrand ? [`NOT (${byBrand})`] : [])]),
  ].filter(Boolean);
  return ways.length ? ways.join('\nUNION ALL\n') : select(['false']);
}

/** Above this many services the vendor's way is one scan with a filter rather than a scan per gap. */
const MAX_SERVICE_GAPS = 8;

/**
 * The vendor's transfers through none of the named services, as conditions on the recipient
 * index's serviceId column that each make one range of it: no service, then the gaps between
 * the services in index order (`ids`, sorted by PostgreSQL: resolveFilterIds). One scan that
 * filtered the named services out would walk every transfer through them (3,247 index entries
 * to keep 99 for "US via Zoom").
 */
function vendorWays(ids: string[], params: SqlParams): string[] {
  if (!ids.length) return ['true'];
  if (ids.length > MAX_SERVICE_GAPS) return [`NOT coalesce(t."serviceId" = ANY(${params.add(ids)}::text[]), false)`];
  const bounds = ids.map((id) => params.add(id));
  return [
    't."serviceId" IS NULL',
    `t."serviceId" < ${bounds[0]}`,
    ...bounds.slice(1).map((hi, i) => `t."serviceId" > ${bounds[i]} AND t."serviceId" < ${hi}`),
    `t."serviceId" > ${bounds.at(-1)}`,
  ];
}

/** Ids of the organizations a name designates (organizationNameWhere's rule). */
async function organizationIdsSql(name: string, params: SqlParams): Promise<string> {
  const { key, keys } = await organizationKeys(name, { brand: true });
  return organizationsByKeySql(keys, key, params);
}

/** Organizations whose key is one of `keys` or whose alias keys hold `aliasKey`. */
function organizationsByKeySql(keys: string[], aliasKey: string, params: SqlParams): string {
  return `SELECT id FROM "Organization" o WHERE ${organizationKeysSql('o', keys, aliasKey, params)}`;
}

/**
 * No mechanism stated, as an equality rather than `cardinality(…) = 0`: a range of
 * Transfer_no_mechanism_idx (schema.prisma) instead of a filter over every transfer.
 */
const NO_MECHANISM = `t."mechanisms" = '{}'`;

/** coverageWhere (src/store/coverage.ts) on the row: adequacy read from the stored Country. */
function coverageSql(c: NonNullable<TransferFilter['coveredBy']>): string {
  const adequacy = (value: boolean) => `EXISTS (SELECT 1 FROM "Country" c WHERE c."code" = t."countryCode" AND c."adequacy" = ${value})`;
  const none = `t."thirdCountry" AND ${NO_MECHANISM}`;
  switch (c) {
    case 'WITHIN_EEA':
      return 'NOT t."thirdCountry"';
    case 'STATED_MECHANISM':
      return `t."thirdCountry" AND NOT ${NO_MECHANISM}`;
    case 'ADEQUACY_DECISION':
      return `${none} AND ${adequacy(true)}`;
    case 'NONE':
      return `${none} AND (t."countryCode" IS NULL OR ${adequacy(false)})`;
  }
}
