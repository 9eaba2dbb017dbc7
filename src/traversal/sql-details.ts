// What the SQL walks leave out: for the hops, transfers and engagements of the paths they
// returned (at most `first` paths), the roles, mechanisms, services and evidence — in a few
// set-at-a-time statements, never one per path.
import type { PrismaClient } from '../generated/prisma/client.js';
import { cmp, sortedEvidence, sortedSet } from './order.js';
import { ARRIVAL_EVIDENCE, type Certainty, type EvidenceRef, type Hop, type HopKind, type Mechanism, type Role, type VendorUse } from './types.js';

interface PathRow {
  orgs: string[];
  kinds: HopKind[];
}

const hopKey = (kind: string, from: string, to: string) => `${kind}\u0000${from}\u0000${to}`;

/** Evidence rows of the given engagements, transfers, sub-processor and parent links, by owner id. */
async function evidenceOf(prisma: PrismaClient, ids: string[]): Promise<Map<string, EvidenceRef[]>> {
  const byOwner = new Map<string, EvidenceRef[]>();
  if (!ids.length) return byOwner;
  const rows = await prisma.$queryRaw<{ id: string; quote: string; owner: string }[]>`
    SELECT x.id, x.quote, coalesce(x."engagementId", x."transferId", x."subprocessorLinkId", x."parentLinkId") AS owner
    FROM "Evidence" x
    WHERE x."engagementId" = ANY(${ids}::text[]) OR x."transferId" = ANY(${ids}::text[])
       OR x."subprocessorLinkId" = ANY(${ids}::text[]) OR x."parentLinkId" = ANY(${ids}::text[])`;
  for (const r of rows) {
    const list = byOwner.get(r.owner) ?? [];
    list.push({ id: r.id, quote: r.quote });
    byOwner.set(r.owner, list);
  }
  return byOwner;
}

export interface PathHops {
  /** The hops of one walked path, in order. */
  path(r: PathRow): Hop[];
}

/** Roles and evidence of every distinct hop on the given paths, aggregated over the current rows that state it. */
export async function hopDetails(prisma: PrismaClient, paths: PathRow[]): Promise<PathHops> {
  const wanted = new Map<string, { kind: HopKind; from: string; to: string }>();
  for (const p of paths) p.kinds.forEach((kind, i) => wanted.set(hopKey(kind, p.orgs[i]!, p.orgs[i + 1]!), { kind, from: p.orgs[i]!, to: p.orgs[i + 1]! }));
  const w = [...wanted.values()];
  const rows = w.length
    ? await prisma.$queryRaw<{ kind: HopKind; src: string; dst: string; role: Role | null; id: string }[]>`
        WITH wanted(kind, src, dst) AS (
          SELECT * FROM unnest(${w.map((h) => h.kind)}::text[], ${w.map((h) => h.from)}::text[], ${w.map((h) => h.to)}::text[])
        )
        SELECT 'ENGAGEMENT' AS kind, e."controllerId" AS src, e."recipientId" AS dst, e.role::text AS role, e.id
        FROM wanted JOIN "Engagement" e ON wanted.kind = 'ENGAGEMENT' AND e."controllerId" = wanted.src AND e."recipientId" = wanted.dst
        JOIN "PolicyVersion" v ON v.id = e."versionId" AND v."isCurrent"
        WHERE e.role <> 'SELF_HOSTED'
        UNION ALL
        SELECT 'SUBPROCESSOR', l."organizationId", l."subprocessorId", NULL, l.id
        FROM wanted JOIN "SubprocessorLink" l ON wanted.kind = 'SUBPROCESSOR' AND l."organizationId" = wanted.src AND l."subprocessorId" = wanted.dst
        JOIN "PolicyVersion" v ON v.id = l."versionId" AND v."isCurrent"
        UNION ALL
        SELECT 'PARENT', p."childId", p."parentId", NULL, p.id
        FROM wanted JOIN "ParentLink" p ON wanted.kind = 'PARENT' AND p."childId" = wanted.src AND p."parentId" = wanted.dst
        JOIN "PolicyVersion" v ON v.id = p."versionId" AND v."isCurrent"`
    : [];
  const evidence = await evidenceOf(
    prisma,
    rows.map((r) => r.id),
  );
  const hops = new Map<string, Hop>();
  const grouped = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = hopKey(r.kind, r.src, r.dst);
    grouped.set(k, [...(grouped.get(k) ?? []), r]);
  }
  for (const [k, h] of wanted) {
    const rs = grouped.get(k) ?? [];
    hops.set(k, {
      kind: h.kind,
      from: h.from,
      to: h.to,
      roles: sortedSet(rs.flatMap((r) => (r.role ? [r.role] : []))),
      evidence: sortedEvidence(rs.flatMap((r) => evidence.get(r.id) ?? [])),
    });
  }
  return { path: (p) => p.kinds.map((kind, i) => hops.get(hopKey(kind, p.orgs[i]!, p.orgs[i + 1]!))!) };
}

export interface ArrivalFacts {
  mechanisms: Mechanism[];
  certainty: Certainty;
  transfers: number;
  evidence: EvidenceRef[];
}

/**
 * How each of the organizations reaches the country: its current transfers there (only the
 * controller's, when one is given) aggregated, with the evidence of ARRIVAL_EVIDENCE of them.
 */
export async function arrivals(prisma: PrismaClient, a: { orgs: string[]; country: string; controller: string | null }): Promise<Map<string, ArrivalFacts>> {
  const orgs = sortedSet(a.orgs);
  const out = new Map<string, ArrivalFacts>();
  if (!orgs.length) return out;
  const [facts, evidence] = await Promise.all([
    prisma.$queryRaw<{ org: string; mechanisms: Mechanism[]; stated: boolean; transfers: number }[]>`
      SELECT t."recipientId" AS org, array_remove(array_agg(DISTINCT m.mechanism), NULL) AS mechanisms,
        bool_or(t.certainty = 'STATED') AS stated, count(DISTINCT t.id)::int AS transfers
      FROM "Transfer" t JOIN "PolicyVersion" v ON v.id = t."versionId" AND v."isCurrent"
      LEFT JOIN LATERAL unnest(t.mechanisms::text[]) AS m(mechanism) ON true
      WHERE t."recipientId" = ANY(${orgs}::text[]) AND t."countryCode" = ${a.country} AND (${a.controller}::text IS NULL OR t."controllerId" = ${a.controller}::text)
      GROUP BY t."recipientId"`,
    prisma.$queryRaw<{ org: string; id: string; quote: string }[]>`
      SELECT o.org, x.id, x.quote FROM unnest(${orgs}::text[]) AS o(org)
      CROSS JOIN LATERAL (
        SELECT x.id, x.quote FROM "Transfer" t
        JOIN "PolicyVersion" v ON v.id = t."versionId" AND v."isCurrent"
        JOIN "Evidence" x ON x."transferId" = t.id
        WHERE t."recipientId" = o.org AND t."countryCode" = ${a.country} AND (${a.controller}::text IS NULL OR t."controllerId" = ${a.controller}::text)
        ORDER BY x.id COLLATE "C" LIMIT ${ARRIVAL_EVIDENCE}::int
      ) x`,
  ]);
  for (const f of facts) {
    out.set(f.org, {
      mechanisms: sortedSet(f.mechanisms),
      certainty: f.stated ? 'STATED' : 'POSSIBLE',
      transfers: f.transfers,
      evidence: sortedEvidence(evidence.filter((e) => e.org === f.org)),
    });
  }
  return out;
}

/** How each of the controllers engages each of the vendors (current versions, every role), by vendor id. */
export async function vendorUses(prisma: PrismaClient, vendors: string[], controllers: string[]): Promise<Map<string, VendorUse[]>> {
  const out = new Map<string, VendorUse[]>();
  if (!vendors.length) return out;
  const rows = await prisma.$queryRaw<{ id: string; controller: string; vendor: string; role: Role; services: string[] }[]>`
    SELECT e.id, e."controllerId" AS controller, e."recipientId" AS vendor, e.role::text AS role,
      array_remove(array_prepend(e."serviceId", ARRAY(SELECT es."B" FROM "_EngagementServices" es WHERE es."A" = e.id)), NULL) AS services
    FROM "Engagement" e JOIN "PolicyVersion" v ON v.id = e."versionId" AND v."isCurrent"
    WHERE e."recipientId" = ANY(${vendors}::text[]) AND e."controllerId" = ANY(${controllers}::text[]) AND e."recipientId" <> e."controllerId"`;
  const evidence = await evidenceOf(
    prisma,
    rows.map((r) => r.id),
  );
  const byPair = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${r.vendor}\u0000${r.controller}`;
    byPair.set(k, [...(byPair.get(k) ?? []), r]);
  }
  for (const rs of byPair.values()) {
    const list = out.get(rs[0]!.vendor) ?? [];
    list.push({
      controller: rs[0]!.controller,
      roles: sortedSet(rs.map((r) => r.role)),
      services: sortedSet(rs.flatMap((r) => r.services)),
      evidence: sortedEvidence(rs.flatMap((r) => evidence.get(r.id) ?? [])),
    });
    out.set(rs[0]!.vendor, list);
  }
  for (const list of out.values()) list.sort((a, b) => cmp(a.controller, b.controller));
  return out;
}
