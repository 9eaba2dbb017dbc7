// The traversal questions in SQL: recursive CTEs over the current versions' links, the same on
// a PostgreSQL server and on PGlite. The walk finds the paths (organization ids and hop kinds,
// ordered and bounded in the database); ./sql-details.ts then fetches, for just those paths, the
// roles, mechanisms and evidence. Every value from the caller is a bound parameter.
//
// Cycles are cut with the path array (`dst <> ALL(orgs)`): no organization twice on a path.
// Ordering (see ./types.ts): hops, then the organization ids, then the kinds, all COLLATE "C".
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { arrivals, hopDetails, vendorUses } from './sql-details.js';
import type { ChainLink, DataPath, Exposure, HopKind, SharedVendor, TraversalBackend } from './types.js';
import { sortedSet } from './order.js';

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

/**
 * The walk of each question as one statement: the ordered, bounded paths (or vendors) alone.
 * bench/traversal.ts runs these through `pg` as the floor of what the API can cost.
 */
export const WALKS = {
  // a one-hop path arrives by the controller's own transfers, a longer one by any current version's
  dataPaths: (a: { controller: string; country: string; maxDepth: number; first: number }) => Prisma.sql`
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
        SELECT orgs, kinds FROM walk w
        WHERE EXISTS (
          SELECT 1 FROM "Transfer" t JOIN "PolicyVersion" v ON v.id = t."versionId" AND v."isCurrent"
          WHERE t."recipientId" = w.orgs[cardinality(w.orgs)] AND t."countryCode" = ${a.country}
            AND (cardinality(w.kinds) > 1 OR t."controllerId" = ${a.controller})
        )
      )
      SELECT orgs, kinds FROM arrived ORDER BY ${PATH_ORDER} LIMIT ${a.first}::int`,
  subprocessorChain: (a: { organization: string; maxDepth: number; first: number }) => Prisma.sql`
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
      SELECT orgs, kinds FROM walk WHERE cardinality(kinds) > 0 ORDER BY ${PATH_ORDER} LIMIT ${a.first}::int`,
  sharedVendors: (a: { controllers: string[]; first: number }) => Prisma.sql`
      SELECT e."recipientId" AS vendor
      FROM "Engagement" e JOIN "PolicyVersion" v ON v.id = e."versionId" AND v."isCurrent"
      WHERE e."controllerId" = ANY(${a.controllers}::text[]) AND e."recipientId" <> e."controllerId"
      GROUP BY e."recipientId"
      HAVING count(DISTINCT e."controllerId") >= 2
      ORDER BY count(DISTINCT e."controllerId") DESC, e."recipientId" COLLATE "C"
      LIMIT ${a.first}::int`,
  exposure: (a: { vendor: string; maxDepth: number; first: number }) => Prisma.sql`
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
      SELECT orgs, kinds FROM paths ORDER BY ${PATH_ORDER} LIMIT ${a.first}::int`,
};

interface PathRow {
  orgs: string[];
  kinds: HopKind[];
}

/**
 * Runs a walk with JIT compilation off: a recursive CTE's row estimates are large enough that
 * PostgreSQL compiles the plan, which cost seconds for a walk that runs in milliseconds.
 */
async function walk<R>(prisma: PrismaClient, statement: Prisma.Sql): Promise<R[]> {
  const [, rows] = await prisma.$transaction([prisma.$executeRaw`SET LOCAL jit = off`, prisma.$queryRaw<R[]>(statement)]);
  return rows;
}

/**
 * The first `first` paths up to maxDepth, walking one depth deeper at a time: answers are ordered
 * by length first, so once the walk to depth d finds `first` paths, no longer path can be among
 * them and the deeper walk — whose path count grows exponentially around hub vendors — is skipped.
 */
export async function shortestFirst<R>(maxDepth: number, first: number, run: (depth: number) => Promise<R[]>): Promise<R[]> {
  for (let depth = 1; ; depth++) {
    const rows = await run(depth);
    if (rows.length >= first || depth >= maxDepth) return rows;
  }
}

export class SqlTraversal implements TraversalBackend {
  constructor(private readonly prisma: PrismaClient) {}

  async dataPaths(a: { controller: string; country: string; maxDepth: number; first: number }): Promise<DataPath[]> {
    const rows = await shortestFirst(a.maxDepth, a.first, (maxDepth) => walk<PathRow>(this.prisma, WALKS.dataPaths({ ...a, maxDepth })));
    const last = (r: PathRow) => r.orgs[r.orgs.length - 1]!;
    const [hops, direct, deep] = await Promise.all([
      hopDetails(this.prisma, rows),
      arrivals(this.prisma, { orgs: rows.filter((r) => r.kinds.length === 1).map(last), country: a.country, controller: a.controller }),
      arrivals(this.prisma, { orgs: rows.filter((r) => r.kinds.length > 1).map(last), country: a.country, controller: null }),
    ]);
    return rows.map((r) => ({
      controller: a.controller,
      organizations: r.orgs,
      hops: hops.path(r),
      arrival: { from: last(r), country: a.country, ...(r.kinds.length === 1 ? direct : deep).get(last(r))! },
    }));
  }

  async subprocessorChain(a: { organization: string; maxDepth: number; first: number }): Promise<ChainLink[]> {
    const rows = await shortestFirst(a.maxDepth, a.first, (maxDepth) => walk<PathRow>(this.prisma, WALKS.subprocessorChain({ ...a, maxDepth })));
    const hops = await hopDetails(this.prisma, rows);
    return rows.map((r) => ({ organizations: r.orgs, hops: hops.path(r) }));
  }

  async sharedVendors(a: { controllers: string[]; first: number }): Promise<SharedVendor[]> {
    const rows = await walk<{ vendor: string }>(this.prisma, WALKS.sharedVendors(a));
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
    const rows = await shortestFirst(a.maxDepth, a.first, (maxDepth) => walk<PathRow>(this.prisma, WALKS.exposure({ ...a, maxDepth })));
    const hops = await hopDetails(this.prisma, rows);
    return rows.map((r) => ({ controller: r.orgs[0]!, organizations: r.orgs, hops: hops.path(r) }));
  }
}
