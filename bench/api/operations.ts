// The five questions of the API benchmark, each asked two ways: as the GraphQL request a client
// sends, and as one hand-written SQL statement returning the same answer (count plus the first
// page, with the same names, order and page size the API uses) — the floor the API is measured
// against. Names are resolved to keys in JS exactly as src/store/queries.ts does (catalog and
// normalization are in-memory work), so both sides look for the same rows.
import { EXAMPLE_QUERY } from '../../src/server.js';
import { getCatalog, loadCatalog } from '../../src/store/catalog.js';
import { orgKey, serviceKey } from '../../src/store/normalize.js';

export interface Operation {
  id: string;
  title: string;
  /** The JSON body POSTed to /graphql. */
  body: string;
  sql: { text: string; values: unknown[] };
  /** The answer's size from a GraphQL response and from the SQL row; must agree. */
  apiCount(data: any): number;
  sqlCount(row: any): number;
}

/** The API's page size (builder.ts defaultConnectionSize). */
const PAGE = 50;

const CURRENT_JOIN = (alias: string) => `JOIN "PolicyVersion" ${alias}v ON ${alias}v.id = ${alias}."versionId" AND ${alias}v."isCurrent"`;

/** Organization by its own name (rank 0), an alias (1), a catalog brand's entities (2), then the most current engagements — as organization(name:) (src/store/org-match.ts). */
async function organizationParams(name: string): Promise<unknown[]> {
  const catalog = await loadCatalog();
  const entity = catalog.entityByName(name);
  return [orgKey(name), name.trim(), entity ? [entity.key] : [], catalog.entitiesFor(name).map((e) => e.key)];
}
const RESOLVE_ORGANIZATION = `
  SELECT id, name, "countryCode" FROM (
    SELECT o.id, o.key, o.name, o."countryCode",
      CASE WHEN o.key = $1 OR lower(o.name) = lower($2) OR o.key = ANY($3::text[]) THEN 0 WHEN $1 = ANY(o."aliasKeys") THEN 1 ELSE 2 END AS rank
    FROM "Organization" o
    WHERE o.key = $1 OR $1 = ANY(o."aliasKeys") OR lower(o.name) = lower($2) OR o.key = ANY($3::text[]) OR o.key = ANY($4::text[])
  ) c ORDER BY rank,
    (SELECT count(*) FROM "Engagement" e ${CURRENT_JOIN('e')} WHERE e."recipientId" = c.id OR e."controllerId" = c.id) DESC,
    name, key LIMIT 1`;

const gql = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

async function zoomToUs(): Promise<Operation> {
  const catalog = await loadCatalog();
  const serviceKeys = [...new Set([serviceKey('Zoom'), ...getCatalog().serviceKeysFor('Zoom')])];
  const [key, name, directEntity] = await organizationParams('Zoom');
  const brandEntities = catalog.entitiesFor('Zoom').map((e) => e.key);
  return {
    id: 'zoom-us',
    title: 'transfers to the US via Zoom',
    body: gql(EXAMPLE_QUERY),
    sql: {
      text: `
WITH svc AS (SELECT id FROM "Service" WHERE key = ANY($2::text[]) OR lower(name) = lower($3) OR $3 = ANY(aliases)),
org AS (SELECT id FROM "Organization" WHERE key = $4 OR $4 = ANY("aliasKeys") OR lower(name) = lower($3) OR key = ANY($5::text[])),
brand AS (SELECT id FROM "Organization" WHERE key = ANY($6::text[])),
hit AS (
  SELECT t.id, t."controllerId", t."recipientId", t."serviceId", t."countryCode", t.mechanisms, t.certainty
  FROM "Transfer" t ${CURRENT_JOIN('t')}
  WHERE t."countryCode" = $1 AND (
    t."serviceId" IN (SELECT id FROM svc)
    OR t."recipientId" IN (SELECT id FROM org)
    OR (t."serviceId" IS NULL AND t."recipientId" IN (SELECT id FROM brand))
    OR t."engagementId" IN (SELECT es."A" FROM "_EngagementServices" es WHERE es."B" IN (SELECT id FROM svc)))),
page AS (SELECT h.*, c.name AS controller FROM hit h JOIN "Organization" c ON c.id = h."controllerId" ORDER BY c.name, h.id LIMIT ${PAGE})
SELECT (SELECT count(*) FROM hit)::int AS total,
  (SELECT coalesce(json_agg(json_build_object(
     'controller', p.controller, 'recipient', r.name, 'service', s.name, 'country', p."countryCode",
     'mechanisms', p.mechanisms, 'certainty', p.certainty,
     'evidence', (SELECT coalesce(json_agg(json_build_object('quote', e.quote, 'section', e.section) ORDER BY e.start, e.id), '[]')
                  FROM "Evidence" e WHERE e."transferId" = p.id)) ORDER BY p.controller, p.id), '[]')
   FROM page p JOIN "Organization" r ON r.id = p."recipientId" LEFT JOIN "Service" s ON s.id = p."serviceId") AS edges`,
      values: ['US', serviceKeys, name, key, directEntity, brandEntities],
    },
    apiCount: (d) => d.transfers.totalCount,
    sqlCount: (r) => r.total,
  };
}

async function vendorFootprint(vendor: string): Promise<Operation> {
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
    sql: {
      text: `
WITH cur AS (
  SELECT t."countryCode", t."thirdCountry", t.mechanisms, coalesce(k.adequacy, false) AS adequacy
  FROM "Transfer" t ${CURRENT_JOIN('t')} LEFT JOIN "Country" k ON k.code = t."countryCode"),
vendors AS (
  SELECT e."recipientId", count(DISTINCT e."controllerId")::int AS controllers, count(*)::int AS engagements
  FROM "Engagement" e ${CURRENT_JOIN('e')} GROUP BY e."recipientId"
  ORDER BY controllers DESC, engagements DESC, e."recipientId" LIMIT 10)
SELECT
  (SELECT count(*) FROM "Policy" WHERE "currentVersionId" IS NOT NULL)::int AS policies,
  (SELECT count(*) FROM "PolicyVersion" WHERE "isCurrent")::int AS current_versions,
  (SELECT count(*) FROM "Organization")::int AS organizations,
  (SELECT count(*) FROM "Service")::int AS services,
  (SELECT count(*) FROM cur)::int AS transfers,
  (SELECT count(*) FROM cur WHERE "thirdCountry")::int AS third_country,
  (SELECT count(*) FROM cur WHERE "thirdCountry" AND cardinality(mechanisms) = 0 AND NOT adequacy)::int AS without_mechanism,
  (SELECT json_agg(x ORDER BY x.count DESC, x.code) FROM (SELECT "countryCode" AS code, count(*) FROM cur GROUP BY 1) x) AS by_country,
  (SELECT json_agg(x ORDER BY x.count DESC) FROM (SELECT m AS mechanism, count(*) FROM cur LEFT JOIN LATERAL unnest(mechanisms) m ON true GROUP BY 1) x) AS by_mechanism,
  (SELECT json_agg(json_build_object('name', o.name, 'controllers', v.controllers, 'engagements', v.engagements)
     ORDER BY v.controllers DESC, v.engagements DESC, v."recipientId")
   FROM vendors v JOIN "Organization" o ON o.id = v."recipientId") AS top_vendors`,
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
  SELECT t.id, t."controllerId", t."recipientId", t."countryCode", t.certainty
  FROM "Transfer" t ${CURRENT_JOIN('t')} LEFT JOIN "Country" k ON k.code = t."countryCode"
  WHERE t."thirdCountry" AND cardinality(t.mechanisms) = 0 AND NOT coalesce(k.adequacy, false)),
page AS (SELECT h.*, c.name AS controller FROM hit h JOIN "Organization" c ON c.id = h."controllerId" ORDER BY c.name, h.id LIMIT ${PAGE})
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

export async function operations(controller: string, vendor = 'Google'): Promise<Operation[]> {
  return [await zoomToUs(), await vendorFootprint(vendor), await vendorTree(controller), dashboard(), withoutMechanism()];
}
