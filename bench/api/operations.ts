// The five questions of the API benchmark, each asked three ways: as the GraphQL request a
// client sends; as the best hand-written SQL we found returning the same answer (count plus
// the first page, same names, order and page size as the API; one statement, or for the
// acceptance question the name look-up and then the statement it feeds) — the floor, each
// written with EXPLAIN (ANALYZE, BUFFERS) on the indexes the schema has; and, where its
// generated schema can ask it, as a PostGraphile 4 request (the peer) given the ids our name
// resolution finds. Names are resolved to keys in JS exactly as src/store/queries.ts does
// (catalog and normalization are in-memory work), so every side looks for the same rows.
import { EXAMPLE_QUERY } from '../../src/graphql/examples.js';
import { getCatalog, loadCatalog } from '../../src/store/catalog.js';
import { orgKey, serviceKey } from '../../src/store/normalize.js';
import type { FloorSql } from './sql-load.js';

export interface Operation {
  id: string;
  title: string;
  /** The JSON body POSTed to /graphql. */
  body: string;
  sql: FloorSql;
  /** The answer's size from a GraphQL response and from the SQL row; must agree. */
  apiCount(data: any): number;
  sqlCount(row: any): number;
  /** The same question to PostGraphile, where its schema can ask it; its answer's size must agree too. */
  postgraphile?: { body: string; count(data: any): number };
}

/** Ids the API's name resolution finds (src/store/transfer-hits.ts resolveFilterIds, organization(name:)), for the peer's requests. */
export interface ResolvedIds {
  zoom: { services: string[]; vendors: string[]; brands: string[] };
  vendor: string | null;
}

/** The API's page size (builder.ts defaultConnectionSize). */
const PAGE = 50;

const CURRENT_JOIN = (alias: string) => `JOIN "PolicyVersion" ${alias}v ON ${alias}v.id = ${alias}."versionId" AND ${alias}v."isCurrent"`;
/** A semi-join on the version: no join rows to carry, and the planner may start from either side. */
const IS_CURRENT = (alias: string) => `EXISTS (SELECT 1 FROM "PolicyVersion" v WHERE v.id = ${alias}."versionId" AND v."isCurrent")`;
/** PostGraphile's filter for "current policy version" (connection-filter across the relation). */
const PG_CURRENT = 'policyVersionByVersionId: { isCurrent: { equalTo: true } }';

/**
 * Organization by its own name (rank 0), an alias (1), a catalog brand's entities (2), then the
 * most current engagements — as organization(name:) (src/store/org-match.ts). Candidates by
 * normalized key only (the unique key index, the aliasKeys GIN), as the API finds them.
 */
async function organizationParams(name: string): Promise<unknown[]> {
  const catalog = await loadCatalog();
  const entity = catalog.entityByName(name);
  return [orgKey(name), entity ? [entity.key] : [], catalog.entitiesFor(name).map((e) => e.key), name.trim()];
}
const RESOLVE_ORGANIZATION = `
  SELECT id, name, "countryCode" FROM (
    SELECT o.id, o.key, o.name, o."countryCode",
      CASE WHEN o.key = $1 OR lower(o.name) = lower($4) OR o.key = ANY($2::text[]) THEN 0 WHEN o."aliasKeys" @> ARRAY[$1] THEN 1 ELSE 2 END AS rank
    FROM "Organization" o
    WHERE o.key = $1 OR o."aliasKeys" @> ARRAY[$1] OR o.key = ANY($2::text[]) OR o.key = ANY($3::text[])
  ) c ORDER BY rank,
    (SELECT count(*) FROM "Engagement" e WHERE (e."recipientId" = c.id OR e."controllerId" = c.id) AND ${IS_CURRENT('e')}) DESC,
    name, key LIMIT 1`;

const gql = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/** The ids a service filter names, by the same indexed look-ups as the API's (src/store/transfer-hits.ts). */
function serviceIdsSql(p: { services: number; name: number; vendors: number; key: number; brands: number }): string {
  return `
svc AS (SELECT id FROM "Service" WHERE key = ANY($${p.services}::text[]) OR aliases @> ARRAY[$${p.name}]::text[]),
org AS (SELECT id FROM "Organization" WHERE key = ANY($${p.vendors}::text[]) OR "aliasKeys" @> ARRAY[$${p.key}]::text[]),
brand AS (SELECT id FROM "Organization" WHERE key = ANY($${p.brands}::text[]))`;
}

async function zoomParams() {
  const catalog = await loadCatalog();
  const services = [...new Set([serviceKey('Zoom'), ...getCatalog().serviceKeysFor('Zoom')])];
  const key = orgKey('Zoom');
  const vendors = [...new Set([key, catalog.entityByName('Zoom')?.key].filter((k): k is string => !!k))];
  return { services, name: 'Zoom', vendors, key, brands: catalog.entitiesFor('Zoom').map((e) => e.key) };
}

/** The ids "Zoom" names as services, their vendors and the brand's entities (the floor's look-up and the peer's ids). */
const RESOLVE_ZOOM = `WITH ${serviceIdsSql({ services: 1, name: 2, vendors: 3, key: 4, brands: 5 })}
  SELECT ARRAY(SELECT id FROM svc) AS services, ARRAY(SELECT id FROM org) AS vendors, ARRAY(SELECT id FROM brand) AS brands`;

/** What the API's name resolution finds for the benchmark's names, for the peer, which has no such resolution. */
export async function resolveIds(pool: { query(q: { text: string; values: unknown[] }): Promise<{ rows: any[] }> }, vendor: string): Promise<ResolvedIds> {
  const z = await zoomParams();
  const { rows } = await pool.query({ text: RESOLVE_ZOOM, values: [z.services, z.name, z.vendors, z.key, z.brands] });
  const v = await pool.query({ text: RESOLVE_ORGANIZATION, values: await organizationParams(vendor) });
  return { zoom: rows[0], vendor: v.rows[0]?.id ?? null };
}

const list = (ids: string[]) => JSON.stringify(ids);

/** A hit of "US via Zoom" by one of its four ways, from that way's covering index (no table visit). */
const zoomBranch = (cond: string) => `SELECT t.id, t."controllerName" FROM "Transfer" t WHERE t."current" AND t."countryCode" = $1 AND ${cond}`;

/** The acceptance question (EXAMPLE_QUERY, "US via Zoom"). */
export async function zoomToUs(ids: ResolvedIds): Promise<Operation> {
  const z = await zoomParams();
  const or = [
    ids.zoom.services.length && `{ serviceId: { in: ${list(ids.zoom.services)} } }`,
    ids.zoom.services.length && `{ viaServiceIds: { overlaps: ${list(ids.zoom.services)} } }`,
    ids.zoom.vendors.length && `{ recipientId: { in: ${list(ids.zoom.vendors)} } }`,
    ids.zoom.brands.length && `{ and: [{ serviceId: { isNull: true } }, { recipientId: { in: ${list(ids.zoom.brands)} } }] }`,
  ].filter(Boolean);
  return {
    id: 'zoom-us',
    title: 'transfers to the US via Zoom',
    body: gql(EXAMPLE_QUERY),
    // The names looked up first (as the API does), the statement then given the ids: with them as
    // values the planner sizes every branch from them. The hit set as a UNION ALL of index-only scans, one
    // per way a transfer goes through the service, made disjoint so nothing is de-duplicated
    // (an OR would be one bitmap heap scan visiting every hit's page); the page's rows and
    // relations only for its 50.
    sql: {
      text: `
WITH hit AS (
  ${zoomBranch('t."serviceId" = ANY($2::text[])')}
  UNION ALL ${zoomBranch('t."recipientId" = ANY($3::text[]) AND NOT coalesce(t."serviceId" = ANY($2::text[]), false)')}
  UNION ALL ${zoomBranch('t."serviceId" IS NULL AND t."recipientId" = ANY($4::text[]) AND t."recipientId" <> ALL($3::text[])')}
  UNION ALL ${zoomBranch('t."viaServiceIds" && $2::text[] AND NOT coalesce(t."serviceId" = ANY($2::text[]), false) AND t."recipientId" <> ALL($3::text[]) AND NOT (t."serviceId" IS NULL AND t."recipientId" = ANY($4::text[]))')}),
page AS (SELECT t.* FROM (SELECT * FROM hit ORDER BY "controllerName", id LIMIT ${PAGE}) h JOIN "Transfer" t ON t.id = h.id)
SELECT (SELECT count(*) FROM hit)::int AS total,
  (SELECT coalesce(json_agg(json_build_object(
     'controller', p."controllerName", 'recipient', r.name, 'service', s.name, 'country', p."countryCode",
     'mechanisms', p.mechanisms, 'certainty', p.certainty,
     'evidence', (SELECT coalesce(json_agg(json_build_object('quote', e.quote, 'section', e.section) ORDER BY e.start, e.id), '[]')
                  FROM "Evidence" e WHERE e."transferId" = p.id)) ORDER BY p."controllerName", p.id), '[]')
   FROM page p JOIN "Organization" r ON r.id = p."recipientId" LEFT JOIN "Service" s ON s.id = p."serviceId") AS edges`,
      values: ['US'],
      lookup: { text: RESOLVE_ZOOM, values: [z.services, z.name, z.vendors, z.key, z.brands] },
    },
    apiCount: (d) => d.transfers.totalCount,
    sqlCount: (r) => r.total,
    // the same order as ours (the controller's name is a column of Transfer)
    postgraphile: or.length
      ? {
          body: gql(`{
  allTransfers(first: ${PAGE}, orderBy: [CONTROLLER_NAME_ASC, PRIMARY_KEY_ASC], filter: { countryCode: { equalTo: "US" }, current: { equalTo: true }, or: [${or.join(', ')}] }) {
    totalCount
    nodes {
      organizationByControllerId { name } organizationByRecipientId { name } serviceByServiceId { name } countryByCountryCode { code }
      mechanisms certainty
      evidencesByTransferId(orderBy: [START_ASC, PRIMARY_KEY_ASC]) { nodes { quote section } }
    }
  }
}`),
          count: (d) => d.allTransfers.totalCount,
        }
      : undefined,
  };
}

async function vendorFootprint(vendor: string, ids: ResolvedIds): Promise<Operation> {
  return {
    id: 'footprint',
    title: `vendor footprint: ${vendor}`,
    body: gql(
      `query Footprint($name: String!) {
  organization(name: $name) {
    name country { code }
    engagements { totalCount edges { node { role controller { name } service { name } } } }
    transfers { totalCount edges { node { country { code } mechanisms certainty } } }
  }
}`,
      { name: vendor },
    ),
    sql: {
      text: `
WITH o AS (${RESOLVE_ORGANIZATION}),
eng AS (SELECT e.id, e.role, e."controllerId", e."serviceId" FROM "Engagement" e ${CURRENT_JOIN('e')} WHERE e."recipientId" = (SELECT id FROM o)),
tr AS (SELECT t.id, t."countryCode", t.mechanisms, t.certainty FROM "Transfer" t ${CURRENT_JOIN('t')} WHERE t."recipientId" = (SELECT id FROM o))
SELECT o.name, o."countryCode",
  (SELECT count(*) FROM eng)::int AS engagements_total,
  (SELECT coalesce(json_agg(json_build_object('role', p.role, 'controller', c.name, 'service', s.name) ORDER BY p.id), '[]')
   FROM (SELECT * FROM eng ORDER BY id LIMIT ${PAGE}) p JOIN "Organization" c ON c.id = p."controllerId" LEFT JOIN "Service" s ON s.id = p."serviceId") AS engagements,
  (SELECT count(*) FROM tr)::int AS transfers_total,
  (SELECT coalesce(json_agg(json_build_object('country', p."countryCode", 'mechanisms', p.mechanisms, 'certainty', p.certainty) ORDER BY p.id), '[]')
   FROM (SELECT * FROM tr ORDER BY id LIMIT ${PAGE}) p) AS transfers
FROM o`,
      values: await organizationParams(vendor),
    },
    apiCount: (d) => d.organization.engagements.totalCount + d.organization.transfers.totalCount,
    sqlCount: (r) => r.engagements_total + r.transfers_total,
    postgraphile: ids.vendor
      ? {
          body: gql(`{
  organizationById(id: ${JSON.stringify(ids.vendor)}) {
    name countryByCountryCode { code }
    engagementsByRecipientId(first: ${PAGE}, orderBy: PRIMARY_KEY_ASC, filter: { ${PG_CURRENT} }) {
      totalCount nodes { role organizationByControllerId { name } serviceByServiceId { name } } }
    transfersByRecipientId(first: ${PAGE}, orderBy: PRIMARY_KEY_ASC, filter: { ${PG_CURRENT} }) {
      totalCount nodes { countryByCountryCode { code } mechanisms certainty } }
  }
}`),
          count: (d) => d.organizationById.engagementsByRecipientId.totalCount + d.organizationById.transfersByRecipientId.totalCount,
        }
      : undefined,
  };
}

async function vendorTree(controller: string): Promise<Operation> {
  return {
    id: 'vendor-tree',
    title: `vendor tree: ${controller}`,
    body: gql(
      `query VendorTree($name: String!) {
  organization(name: $name) {
    name
    vendors { totalCount edges { node { role service { name } recipient { name country { code }
      subprocessors { totalCount edges { node { subprocessor { name country { code } } } } } } } } }
  }
}`,
      { name: controller },
    ),
    sql: {
      text: `
WITH o AS (${RESOLVE_ORGANIZATION}),
eng AS (SELECT e.id, e.role, e."recipientId", e."serviceId" FROM "Engagement" e ${CURRENT_JOIN('e')} WHERE e."controllerId" = (SELECT id FROM o))
SELECT o.name,
  (SELECT count(*) FROM eng)::int AS total,
  (SELECT coalesce(json_agg(json_build_object('role', p.role, 'service', s.name, 'recipient', r.name, 'country', r."countryCode",
      'subprocessors', json_build_object('total', sc.total, 'edges', coalesce(se.edges, '[]'))) ORDER BY p.id), '[]')
   FROM (SELECT * FROM eng ORDER BY id LIMIT ${PAGE}) p
   JOIN "Organization" r ON r.id = p."recipientId"
   LEFT JOIN "Service" s ON s.id = p."serviceId"
   CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM "SubprocessorLink" l ${CURRENT_JOIN('l')} WHERE l."organizationId" = r.id) sc
   CROSS JOIN LATERAL (
     SELECT json_agg(json_build_object('name', so.name, 'country', so."countryCode") ORDER BY l.id) AS edges
     FROM (SELECT l.id, l."subprocessorId" FROM "SubprocessorLink" l ${CURRENT_JOIN('l')} WHERE l."organizationId" = r.id ORDER BY l.id LIMIT ${PAGE}) l
     JOIN "Organization" so ON so.id = l."subprocessorId") se) AS vendors
FROM o`,
      values: await organizationParams(controller),
    },
    apiCount: (d) => d.organization.vendors.totalCount,
    sqlCount: (r) => r.total,
  };
}

function dashboard(): Operation {
  return {
    id: 'dashboard',
    title: 'dashboard aggregates',
    body: gql(`{
  dashboard {
    policies currentVersions organizations services transfers thirdCountryTransfers transfersWithoutMechanism
    byCountry { countryCode count }
    byMechanism { mechanism count }
    topVendors { organization { name } controllers engagements }
  }
}`),
    // the best statement over this schema reads the tallies the ingest keeps (src/store/tallies.ts)
    sql: {
      text: `
WITH cur AS (
  SELECT t."countryCode", t."thirdCountry", t.mechanisms, t.count AS n, coalesce(k.adequacy, false) AS adequacy
  FROM "TransferTally" t LEFT JOIN "Country" k ON k.code = t."countryCode" WHERE t.count > 0),
vendors AS (
  SELECT o.name, v.controllers, v.engagements, v."recipientId" FROM "VendorTally" v JOIN "Organization" o ON o.id = v."recipientId"
  WHERE v.engagements > 0 ORDER BY v.controllers DESC, v.engagements DESC, o.name, v."recipientId" LIMIT 10)
SELECT
  (SELECT count(*) FROM "Policy" WHERE "currentVersionId" IS NOT NULL)::int AS policies,
  (SELECT count(*) FROM "PolicyVersion" WHERE "isCurrent")::int AS current_versions,
  (SELECT count(*) FROM "Organization")::int AS organizations,
  (SELECT count(*) FROM "Service")::int AS services,
  (SELECT coalesce(sum(n), 0) FROM cur)::int AS transfers,
  (SELECT coalesce(sum(n), 0) FROM cur WHERE "thirdCountry")::int AS third_country,
  (SELECT coalesce(sum(n), 0) FROM cur WHERE "thirdCountry" AND cardinality(mechanisms) = 0 AND NOT adequacy)::int AS without_mechanism,
  (SELECT json_agg(x ORDER BY x.count DESC, x.code) FROM (SELECT "countryCode" AS code, sum(n)::int AS count FROM cur GROUP BY 1) x) AS by_country,
  (SELECT json_agg(x ORDER BY x.count DESC) FROM (SELECT m AS mechanism, sum(n)::int AS count FROM cur LEFT JOIN LATERAL unnest(mechanisms) m ON true GROUP BY 1) x) AS by_mechanism,
  (SELECT json_agg(json_build_object('name', name, 'controllers', controllers, 'engagements', engagements)
     ORDER BY controllers DESC, engagements DESC, name, "recipientId") FROM vendors) AS top_vendors`,
      values: [],
    },
    apiCount: (d) => d.dashboard.transfers,
    sqlCount: (r) => r.transfers,
  };
}

function withoutMechanism(): Operation {
  return {
    id: 'no-mechanism',
    title: 'third-country transfers without mechanism',
    body: gql(`{
  transfersWithoutMechanism {
    totalCount
    edges { node { controller { name } recipient { name } country { code } certainty evidence { quote section } } }
  }
}`),
    sql: {
      text: `
WITH hit AS (
  SELECT t.id, t."controllerName" AS controller, t."recipientId", t."countryCode", t.certainty
  FROM "Transfer" t LEFT JOIN "Country" k ON k.code = t."countryCode"
  -- mechanisms = '{}': a range of Transfer_no_mechanism_idx (cardinality() = 0 reads every transfer)
  WHERE t."current" AND t."thirdCountry" AND t.mechanisms = '{}' AND NOT coalesce(k.adequacy, false)),
page AS (SELECT * FROM hit ORDER BY controller, id LIMIT ${PAGE})
SELECT (SELECT count(*) FROM hit)::int AS total,
  (SELECT coalesce(json_agg(json_build_object(
     'controller', p.controller, 'recipient', r.name, 'country', p."countryCode", 'certainty', p.certainty,
     'evidence', (SELECT coalesce(json_agg(json_build_object('quote', e.quote, 'section', e.section) ORDER BY e.start, e.id), '[]')
                  FROM "Evidence" e WHERE e."transferId" = p.id)) ORDER BY p.controller, p.id), '[]')
   FROM page p JOIN "Organization" r ON r.id = p."recipientId") AS edges`,
      values: [],
    },
    apiCount: (d) => d.transfersWithoutMechanism.totalCount,
    sqlCount: (r) => r.total,
    postgraphile: {
      body: gql(`{
  allTransfers(first: ${PAGE}, orderBy: [CONTROLLER_NAME_ASC, PRIMARY_KEY_ASC], filter: { thirdCountry: { equalTo: true }, mechanisms: { equalTo: [] }, current: { equalTo: true },
    or: [{ countryCode: { isNull: true } }, { countryByCountryCode: { adequacy: { equalTo: false } } }] }) {
    totalCount
    nodes { organizationByControllerId { name } organizationByRecipientId { name } countryByCountryCode { code } certainty
      evidencesByTransferId(orderBy: [START_ASC, PRIMARY_KEY_ASC]) { nodes { quote section } } }
  }
}`),
      count: (d) => d.allTransfers.totalCount,
    },
  };
}

/** The controller whose vendor tree is asked for: the first by name whose vendors state sub-processors (deterministic for a given database). */
export const PICK_CONTROLLER_SQL = `
SELECT c.name FROM "Policy" p
JOIN "Organization" c ON c.id = p."controllerId"
WHERE p."currentVersionId" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "Engagement" e JOIN "SubprocessorLink" l ON l."organizationId" = e."recipientId" AND l."versionId" = e."versionId"
  WHERE e."versionId" = p."currentVersionId")
ORDER BY c.name LIMIT 1`;

export async function operations(ids: ResolvedIds, controller: string, vendor = 'Google'): Promise<Operation[]> {
  return [await zoomToUs(ids), await vendorFootprint(vendor, ids), await vendorTree(controller), dashboard(), withoutMechanism()];
}
