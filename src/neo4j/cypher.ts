// Every Cypher statement the Neo4j projection sends, as constants or functions returning
// {text, params}: values travel only as parameters (never spliced into the text), rows are
// written in batches with UNWIND, and every write is an idempotent MERGE keyed on a store id.
// Tests read these without a server (tests/store-neo4j.test.ts parses each one).
//
// The projection (what a current policy version supports, nothing else):
//   (:Organization)-[:PUBLISHES]->(:Policy)-[:CURRENT_VERSION]->(:PolicyVersion)
//   (:Organization)-[:ENGAGES {role, serviceIds, …}]->(:Organization)          Engagement
//   (:Organization)-[:USES_SERVICE {engagementId, role}]->(:Service)            Engagement's services
//   (:Organization)-[:TRANSFERS_TO {mechanisms, certainty, controllerId, …}]->(:Country)  Transfer
//   (:Organization)-[:USES_SUBPROCESSOR]->(:Organization)                        SubprocessorLink
//   (:Organization)-[:PART_OF]->(:Organization)                                  ParentLink
//   (:Organization)-[:PROCESSES_IN]->(:Country|Region)                           ProcessingLocation
//   (:Organization)-[:OFFERS]->(:Service), (:Organization)-[:SEATED_IN]->(:Country),
//   (:Region)-[:IN_COUNTRY]->(:Country)                                          node attributes
// Relationships from policy rows carry `id` (the row's id), `policyId`, `versionId` and the
// evidence as parallel lists `evidenceIds` / `evidenceQuotes`. Every node and relationship a
// sync writes gets that sync's `syncStamp`; what a sync did not write is swept (see below).
import type { Projection } from './projection.js';

export interface Statement {
  text: string;
  params: Record<string, unknown>;
}

/** Rows per UNWIND statement: large enough to amortize a round trip, small enough for one transaction's memory. */
export const BATCH_SIZE = 1000;

/** A transfer whose text names no country goes to this node ("XX": ISO's user-assigned "unknown"). */
export const UNNAMED_COUNTRY = 'XX';

/** Uniqueness constraints (which also index the keys every MERGE looks up) and the relationship indexes the per-policy sweep uses. */
export const SCHEMA: readonly string[] = [
  'CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT service_id IF NOT EXISTS FOR (n:Service) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT country_code IF NOT EXISTS FOR (n:Country) REQUIRE n.code IS UNIQUE',
  'CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT policy_version_id IF NOT EXISTS FOR (n:PolicyVersion) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX engages_policy IF NOT EXISTS FOR ()-[r:ENGAGES]-() ON (r.policyId)',
  'CREATE INDEX uses_service_policy IF NOT EXISTS FOR ()-[r:USES_SERVICE]-() ON (r.policyId)',
  'CREATE INDEX transfers_to_policy IF NOT EXISTS FOR ()-[r:TRANSFERS_TO]-() ON (r.policyId)',
  'CREATE INDEX uses_subprocessor_policy IF NOT EXISTS FOR ()-[r:USES_SUBPROCESSOR]-() ON (r.policyId)',
  'CREATE INDEX part_of_policy IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.policyId)',
  'CREATE INDEX processes_in_policy IF NOT EXISTS FOR ()-[r:PROCESSES_IN]-() ON (r.policyId)',
  'CREATE INDEX publishes_policy IF NOT EXISTS FOR ()-[r:PUBLISHES]-() ON (r.policyId)',
  'CREATE INDEX current_version_policy IF NOT EXISTS FOR ()-[r:CURRENT_VERSION]-() ON (r.policyId)',
];

// ---- nodes -------------------------------------------------------------------------------

const UPSERT_COUNTRIES = `UNWIND $rows AS r
MERGE (c:Country {code: r.code})
SET c.nameEn = r.nameEn, c.nameDe = r.nameDe, c.eu = r.eu, c.eea = r.eea, c.adequacy = r.adequacy, c.syncStamp = $stamp`;

// a seat that moved leaves its old SEATED_IN behind otherwise
const UPSERT_ORGANIZATIONS = `UNWIND $rows AS r
MERGE (o:Organization {id: r.id})
SET o.name = r.name, o.aliases = r.aliases, o.legalForm = r.legalForm, o.countryCode = r.countryCode,
    o.address = r.address, o.dpfId = r.dpfId, o.syncStamp = $stamp
FOREACH (old IN [(o)-[s:SEATED_IN]->(c:Country) WHERE c.code <> coalesce(r.countryCode, '') | s] | DELETE old)
WITH o, r WHERE r.countryCode IS NOT NULL
MATCH (c:Country {code: r.countryCode})
MERGE (o)-[s:SEATED_IN]->(c)
SET s.syncStamp = $stamp`;

const UPSERT_SERVICES = `UNWIND $rows AS r
MERGE (s:Service {id: r.id})
SET s.name = r.name, s.aliases = r.aliases, s.organizationId = r.organizationId, s.syncStamp = $stamp
FOREACH (old IN [(o:Organization)-[f:OFFERS]->(s) WHERE o.id <> coalesce(r.organizationId, '') | f] | DELETE old)
WITH s, r WHERE r.organizationId IS NOT NULL
MATCH (o:Organization {id: r.organizationId})
MERGE (o)-[f:OFFERS]->(s)
SET f.syncStamp = $stamp`;

const UPSERT_REGIONS = `UNWIND $rows AS r
MERGE (g:Region {id: r.id})
SET g.key = r.key, g.name = r.name, g.countryCode = r.countryCode, g.syncStamp = $stamp
FOREACH (old IN [(g)-[i:IN_COUNTRY]->(c:Country) WHERE c.code <> coalesce(r.countryCode, '') | i] | DELETE old)
WITH g, r WHERE r.countryCode IS NOT NULL
MATCH (c:Country {code: r.countryCode})
MERGE (g)-[i:IN_COUNTRY]->(c)
SET i.syncStamp = $stamp`;

const UPSERT_POLICIES = `UNWIND $rows AS r
MERGE (p:Policy {id: r.id})
SET p.source = r.source, p.controllerId = r.controllerId, p.currentVersionId = r.versionId, p.syncStamp = $stamp
MERGE (v:PolicyVersion {id: r.versionId})
SET v.policyId = r.id, v.contentHash = r.contentHash, v.language = r.language, v.lastUpdated = r.lastUpdated,
    v.doc = r.doc, v.ingestedAt = r.ingestedAt, v.syncStamp = $stamp
MERGE (p)-[cv:CURRENT_VERSION]->(v)
SET cv.policyId = r.id, cv.syncStamp = $stamp
WITH p, r WHERE r.controllerId IS NOT NULL
MATCH (o:Organization {id: r.controllerId})
MERGE (o)-[pub:PUBLISHES]->(p)
SET pub.policyId = r.id, pub.versionId = r.versionId, pub.syncStamp = $stamp`;

// ---- relationships from policy rows ------------------------------------------------------

const UPSERT_ENGAGEMENTS = `UNWIND $rows AS r
MATCH (a:Organization {id: r.controllerId})
MATCH (b:Organization {id: r.recipientId})
MERGE (a)-[e:ENGAGES {id: r.id}]->(b)
SET e.policyId = r.policyId, e.versionId = r.versionId, e.role = r.role, e.serviceId = r.serviceId, e.serviceIds = r.serviceIds,
    e.purposes = r.purposes, e.dataCategories = r.dataCategories, e.legalBases = r.legalBases, e.retention = r.retention,
    e.evidenceIds = r.evidenceIds, e.evidenceQuotes = r.evidenceQuotes, e.syncStamp = $stamp`;

const UPSERT_SERVICE_USES = `UNWIND $rows AS r
MATCH (a:Organization {id: r.controllerId})
MATCH (s:Service {id: r.serviceId})
MERGE (a)-[u:USES_SERVICE {engagementId: r.engagementId}]->(s)
SET u.policyId = r.policyId, u.versionId = r.versionId, u.role = r.role, u.recipientId = r.recipientId, u.syncStamp = $stamp`;

const UPSERT_TRANSFERS = `UNWIND $rows AS r
MATCH (b:Organization {id: r.recipientId})
MATCH (c:Country {code: r.countryCode})
MERGE (b)-[t:TRANSFERS_TO {id: r.id}]->(c)
SET t.policyId = r.policyId, t.versionId = r.versionId, t.engagementId = r.engagementId, t.controllerId = r.controllerId,
    t.serviceId = r.serviceId, t.countryNamed = r.countryNamed, t.thirdCountry = r.thirdCountry, t.mechanisms = r.mechanisms,
    t.certainty = r.certainty, t.dpfId = r.dpfId, t.evidenceIds = r.evidenceIds, t.evidenceQuotes = r.evidenceQuotes, t.syncStamp = $stamp`;

const UPSERT_SUBPROCESSORS = `UNWIND $rows AS r
MATCH (a:Organization {id: r.organizationId})
MATCH (b:Organization {id: r.subprocessorId})
MERGE (a)-[s:USES_SUBPROCESSOR {id: r.id}]->(b)
SET s.policyId = r.policyId, s.versionId = r.versionId, s.evidenceIds = r.evidenceIds, s.evidenceQuotes = r.evidenceQuotes, s.syncStamp = $stamp`;

const UPSERT_PARENTS = `UNWIND $rows AS r
MATCH (a:Organization {id: r.childId})
MATCH (b:Organization {id: r.parentId})
MERGE (a)-[p:PART_OF {id: r.id}]->(b)
SET p.policyId = r.policyId, p.versionId = r.versionId, p.evidenceIds = r.evidenceIds, p.evidenceQuotes = r.evidenceQuotes, p.syncStamp = $stamp`;

const UPSERT_LOCATIONS_IN_COUNTRY = `UNWIND $rows AS r
MATCH (a:Organization {id: r.organizationId})
MATCH (c:Country {code: r.countryCode})
MERGE (a)-[l:PROCESSES_IN {id: r.id}]->(c)
SET l.policyId = r.policyId, l.versionId = r.versionId, l.evidenceIds = r.evidenceIds, l.evidenceQuotes = r.evidenceQuotes, l.syncStamp = $stamp`;

const UPSERT_LOCATIONS_IN_REGION = `UNWIND $rows AS r
MATCH (a:Organization {id: r.organizationId})
MATCH (g:Region {id: r.regionId})
MERGE (a)-[l:PROCESSES_IN {id: r.id}]->(g)
SET l.policyId = r.policyId, l.versionId = r.versionId, l.evidenceIds = r.evidenceIds, l.evidenceQuotes = r.evidenceQuotes, l.syncStamp = $stamp`;

// ---- sweeps ------------------------------------------------------------------------------

/**
 * After a policy's rows were written with a new stamp, its relationships with any other stamp
 * belong to versions no longer current. One statement per type: each uses its policyId index.
 */
export const SWEEP_POLICY_RELATIONSHIPS: readonly string[] = [
  'MATCH ()-[r:ENGAGES]->() WHERE r.policyId IN $policyIds AND r.syncStamp <> $stamp DELETE r',
  'MATCH ()-[r:USES_SERVICE]->() WHERE r.policyId IN $policyIds AND r.syncStamp <> $stamp DELETE r',
  'MATCH ()-[r:TRANSFERS_TO]->() WHERE r.policyId IN $policyIds AND r.syncStamp <> $stamp DELETE r',
  'MATCH ()-[r:USES_SUBPROCESSOR]->() WHERE r.policyId IN $policyIds AND r.syncStamp <> $stamp DELETE r',
  'MATCH ()-[r:PART_OF]->() WHERE r.policyId IN $policyIds AND r.syncStamp <> $stamp DELETE r',
  'MATCH ()-[r:PROCESSES_IN]->() WHERE r.policyId IN $policyIds AND r.syncStamp <> $stamp DELETE r',
  'MATCH ()-[r:PUBLISHES]->() WHERE r.policyId IN $policyIds AND r.syncStamp <> $stamp DELETE r',
  'MATCH ()-[r:CURRENT_VERSION]->() WHERE r.policyId IN $policyIds AND r.syncStamp <> $stamp DELETE r',
  // versions that stopped being current, and policies that have none any more
  'MATCH (v:PolicyVersion) WHERE v.policyId IN $policyIds AND v.syncStamp <> $stamp DETACH DELETE v',
  'MATCH (p:Policy) WHERE p.id IN $policyIds AND p.syncStamp <> $stamp DETACH DELETE p',
];

/**
 * A full rebuild wrote everything the store supports with one stamp: whatever of ours has
 * another stamp (or none: written by an older version of this code) is stale. Only the
 * projection's own types and labels: other data in the same Neo4j database is left alone.
 */
export const SWEEP_ALL: readonly string[] = [
  `MATCH ()-[r:PUBLISHES|CURRENT_VERSION|ENGAGES|USES_SERVICE|TRANSFERS_TO|USES_SUBPROCESSOR|PART_OF|PROCESSES_IN|OFFERS|SEATED_IN|IN_COUNTRY]->()
WHERE r.syncStamp IS NULL OR r.syncStamp <> $stamp
DELETE r`,
  'MATCH (n) WHERE (n:Organization OR n:Service OR n:Country OR n:Region OR n:Policy OR n:PolicyVersion) AND (n.syncStamp IS NULL OR n.syncStamp <> $stamp) DETACH DELETE n',
];

/**
 * Nodes no current version supports any more (after a per-policy sweep), in dependency order:
 * a service nobody uses, then an organization left with no policy relationship and offering
 * no service, then regions and countries nothing points at.
 */
export const COLLECT_ORPHANS: readonly string[] = [
  'MATCH (s:Service) WHERE NOT EXISTS { (:Organization)-[:USES_SERVICE]->(s) } DETACH DELETE s',
  `MATCH (o:Organization)
WHERE NOT EXISTS { (o)-[:PUBLISHES|ENGAGES|USES_SERVICE|TRANSFERS_TO|USES_SUBPROCESSOR|PART_OF|PROCESSES_IN]-() }
  AND NOT EXISTS { (o)-[:OFFERS]->(:Service) }
DETACH DELETE o`,
  'MATCH (g:Region) WHERE NOT EXISTS { (:Organization)-[:PROCESSES_IN]->(g) } DETACH DELETE g',
  'MATCH (c:Country) WHERE NOT EXISTS { (c)<--() } DELETE c',
];

// ---- assembling one sync -----------------------------------------------------------------

function batches(text: string, rows: readonly object[], stamp: string, size: number): Statement[] {
  const out: Statement[] = [];
  for (let i = 0; i < rows.length; i += size) out.push({ text, params: { rows: rows.slice(i, i + size), stamp } });
  return out;
}

/** The writes that project `p`, in dependency order (endpoints before the relationships between them). */
export function upsertStatements(p: Projection, stamp: string, size = BATCH_SIZE): Statement[] {
  return [
    ...batches(UPSERT_COUNTRIES, p.countries, stamp, size),
    ...batches(UPSERT_ORGANIZATIONS, p.organizations, stamp, size),
    ...batches(UPSERT_SERVICES, p.services, stamp, size),
    ...batches(UPSERT_REGIONS, p.regions, stamp, size),
    ...batches(UPSERT_POLICIES, p.policies, stamp, size),
    ...batches(UPSERT_ENGAGEMENTS, p.engagements, stamp, size),
    ...batches(UPSERT_SERVICE_USES, p.serviceUses, stamp, size),
    ...batches(UPSERT_TRANSFERS, p.transfers, stamp, size),
    ...batches(UPSERT_SUBPROCESSORS, p.subprocessors, stamp, size),
    ...batches(UPSERT_PARENTS, p.parents, stamp, size),
    ...batches(UPSERT_LOCATIONS_IN_COUNTRY, p.locations.filter((l) => l.countryCode != null), stamp, size),
    ...batches(UPSERT_LOCATIONS_IN_REGION, p.locations.filter((l) => l.regionId != null), stamp, size),
  ];
}

/** A full rebuild: everything, then the sweep of whatever the store no longer supports. */
export function fullSyncStatements(p: Projection, stamp: string, size = BATCH_SIZE): Statement[] {
  return [...upsertStatements(p, stamp, size), ...SWEEP_ALL.map((text) => ({ text, params: { stamp } }))];
}

/** Catching up on some policies: their current rows, the sweep of their older rows, then orphaned nodes. */
export function policySyncStatements(p: Projection, policyIds: string[], stamp: string, size = BATCH_SIZE): Statement[] {
  return [
    ...upsertStatements(p, stamp, size),
    ...SWEEP_POLICY_RELATIONSHIPS.map((text) => ({ text, params: { policyIds, stamp } })),
    ...COLLECT_ORPHANS.map((text) => ({ text, params: {} })),
  ];
}

export const LABELS = ['Organization', 'Service', 'Country', 'Region', 'Policy', 'PolicyVersion'] as const;
export const RELATIONSHIP_TYPES = [
  'PUBLISHES',
  'CURRENT_VERSION',
  'ENGAGES',
  'USES_SERVICE',
  'TRANSFERS_TO',
  'USES_SUBPROCESSOR',
  'PART_OF',
  'PROCESSES_IN',
  'OFFERS',
  'SEATED_IN',
  'IN_COUNTRY',
] as const;
