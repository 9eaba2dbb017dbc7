// The traversal questions in SQL: recursive CTEs over the current versions' links, the same on
// a PostgreSQL server and on PGlite. The walk finds the paths (organization ids and hop kinds,
// ordered and bounded in the database); ./sql-details.ts then fetches, for just those paths, the
// roles, mechanisms and evidence. Every value from the caller is a bound parameter.
//
// Cycles are cut with the path array (`dst <> ALL(orgs)`): no organization twice on a path.
// Ordering (see ./types.ts): hops, then the organization ids, then the kinds, all COLLATE "C".
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { hopDetails, transferDetails, vendorUses } from './sql-details.js';
import type { ChainLink, DataPath, Exposure, HopKind, SharedVendor, TraversalBackend } from './types.js';
import { sortedEvidence, sortedSet } from './order.js';

/** The links followed after the first hop, one row per (kind, src, dst) stated by a current version. */
const LINKS = Prisma.sql`
  SELECT 'SUBPROCESSOR'::text AS kind, l."organizationId" AS src, l."subprocessorId" AS dst
  FROM "SubprocessorLink" l JOIN "PolicyVersion" v ON v.id = l."versionId" AND v."isCurrent"
  UNION
  SELECT 'PARENT'::text, p."childId", p."parentId"
  FROM "ParentLink" p JOIN "PolicyVersion" v ON v.id = p."versionId" AND v."isCurrent"`;

/** Engagements a data path may start with: self-hosted software sends its vendor nothing. */
const FLOWING = Prisma.sql`e.role <> 'SELF_HOSTED' AND e."recipientId" <> e."controllerId"`;

const PATH_ORDER = Prisma.sql`cardinality(kinds), orgs COLLATE "C", kinds COLLATE "C"`;

interface PathRow {
  orgs: string[];
  kinds: HopKind[];
}

export class SqlTraversal implements TraversalBackend {
  constructor(private readonly prisma: PrismaClient) {}

  async dataPaths(a: { controller: string; country: string; maxDepth: number; first: number }): Promise<DataPath[]> {
    // a one-hop path arrives by the controller's own transfers, a longer one by any current version's
    const rows = await this.prisma.$queryRaw<(PathRow & { transfers: string[] })[]>`
      WITH RECURSIVE
      link AS (${LINKS}),
      walk(orgs, kinds) AS (
        SELECT DISTINCT ARRAY[e."controllerId", e."recipientId"], ARRAY['ENGAGEMENT'::text]
        FROM "Engagement" e JOIN "PolicyVersion" v ON v.id = e."versionId" AND v."isCurrent"
        WHERE e."controllerId" = ${a.controller} AND ${FLOWING}
        UNION ALL
        SELECT w.orgs || l.dst, w.kinds || l.kind
        FROM walk w JOIN link l ON l.src = w.orgs[cardinality(w.orgs)]
        WHERE cardinality(w.kinds) < ${a.maxDepth}::int AND l.dst <> ALL(w.orgs)
      ),
      arrived AS (
        SELECT w.orgs, w.kinds, array_agg(t.id) AS transfers
        FROM walk w
        JOIN "Transfer" t ON t."recipientId" = w.orgs[cardinality(w.orgs)] AND t."countryCode" = ${a.country}
        JOIN "PolicyVersion" v ON v.id = t."versionId" AND v."isCurrent"
        WHERE cardinality(w.kinds) > 1 OR t."controllerId" = ${a.controller}
        GROUP BY w.orgs, w.kinds
      )
      SELECT orgs, kinds, transfers FROM arrived ORDER BY ${PATH_ORDER} LIMIT ${a.first}::int`;
    const [hops, arrivals] = await Promise.all([hopDetails(this.prisma, rows), transferDetails(this.prisma, rows.flatMap((r) => r.transfers))]);
    return rows.map((r) => {
      const path = hops.path(r);
      const ts = r.transfers.map((id) => arrivals.get(id)!);
      return {
        controller: a.controller,
        organizations: r.orgs,
        hops: path,
        arrival: {
          from: r.orgs[r.orgs.length - 1]!,
          country: a.country,
          mechanisms: sortedSet(ts.flatMap((t) => t.mechanisms)),
          certainty: ts.some((t) => t.certainty === 'STATED') ? 'STATED' : 'POSSIBLE',
          evidence: sortedEvidence(ts.flatMap((t) => t.evidence)),
        },
      };
    });
  }

  async subprocessorChain(a: { organization: string; maxDepth: number; first: number }): Promise<ChainLink[]> {
    const rows = await this.prisma.$queryRaw<PathRow[]>`
      WITH RECURSIVE
      sub AS (
        SELECT DISTINCT l."organizationId" AS src, l."subprocessorId" AS dst
        FROM "SubprocessorLink" l JOIN "PolicyVersion" v ON v.id = l."versionId" AND v."isCurrent"
      ),
      walk(orgs, kinds) AS (
        SELECT ARRAY[${a.organization}::text], ARRAY[]::text[]
        UNION ALL
        SELECT w.orgs || s.dst, w.kinds || 'SUBPROCESSOR'::text
        FROM walk w JOIN sub s ON s.src = w.orgs[cardinality(w.orgs)]
        WHERE cardinality(w.kinds) < ${a.maxDepth}::int AND s.dst <> ALL(w.orgs)
      )
      SELECT orgs, kinds FROM walk WHERE cardinality(kinds) > 0 ORDER BY ${PATH_ORDER} LIMIT ${a.first}::int`;
    const hops = await hopDetails(this.prisma, rows);
    return rows.map((r) => ({ organizations: r.orgs, hops: hops.path(r) }));
  }

  async sharedVendors(a: { controllers: string[]; first: number }): Promise<SharedVendor[]> {
    const rows = await this.prisma.$queryRaw<{ vendor: string }[]>`
      SELECT e."recipientId" AS vendor
      FROM "Engagement" e JOIN "PolicyVersion" v ON v.id = e."versionId" AND v."isCurrent"
      WHERE e."controllerId" = ANY(${a.controllers}::text[]) AND e."recipientId" <> e."controllerId"
      GROUP BY e."recipientId"
      HAVING count(DISTINCT e."controllerId") >= 2
      ORDER BY count(DISTINCT e."controllerId") DESC, e."recipientId" COLLATE "C"
      LIMIT ${a.first}::int`;
    const uses = await vendorUses(
      this.prisma,
      rows.map((r) => r.vendor),
      a.controllers,
    );
    return rows.map(({ vendor }) => {
      const controllers = uses.get(vendor) ?? [];
      const count = new Map<string, number>();
      for (const u of controllers) for (const s of u.services) count.set(s, (count.get(s) ?? 0) + 1);
      return { vendor, controllers, sharedServices: sortedSet([...count].filter(([, n]) => n >= 2).map(([s]) => s)) };
    });
  }

  async exposure(a: { vendor: string; maxDepth: number; first: number }): Promise<Exposure[]> {
    // walks backwards from the vendor along links, then adds the engagement that starts the path
    const rows = await this.prisma.$queryRaw<PathRow[]>`
      WITH RECURSIVE
      link AS (${LINKS}),
      back(orgs, kinds) AS (
        SELECT ARRAY[${a.vendor}::text], ARRAY[]::text[]
        UNION ALL
        SELECT array_prepend(l.src, b.orgs), array_prepend(l.kind, b.kinds)
        FROM back b JOIN link l ON l.dst = b.orgs[1]
        WHERE cardinality(b.kinds) < ${a.maxDepth}::int - 1 AND l.src <> ALL(b.orgs)
      ),
      paths AS (
        SELECT DISTINCT array_prepend(e."controllerId", b.orgs) AS orgs, array_prepend('ENGAGEMENT'::text, b.kinds) AS kinds
        FROM back b
        JOIN "Engagement" e ON e."recipientId" = b.orgs[1]
        JOIN "PolicyVersion" v ON v.id = e."versionId" AND v."isCurrent"
        WHERE ${FLOWING} AND e."controllerId" <> ALL(b.orgs)
      )
      SELECT orgs, kinds FROM paths ORDER BY ${PATH_ORDER} LIMIT ${a.first}::int`;
    const hops = await hopDetails(this.prisma, rows);
    return rows.map((r) => ({ controller: r.orgs[0]!, organizations: r.orgs, hops: hops.path(r) }));
  }
}
