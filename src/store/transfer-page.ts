// One page of the transfers connection — its count, its rows in the connection's order
// (controller name, then id) and every relation the GraphQL selection reads — in one statement.
// The hit set (transfer-hits.ts) is read from covering indexes; only the page's own rows and
// relations are fetched. A selection relation-json.ts cannot translate still takes one
// statement for the ids, then Prisma loads those rows.
import type { Db, ReadSql } from '../db.js';
import type { TransferFilter } from './queries.js';
import { jsonValue, adoptPlannedRow, toJsonSql } from './relation-json.js';
import { SqlParams } from './sql-params.js';
import { resolveFilterIds, transferHitsSql, type FilterIds } from './transfer-hits.js';

/** What Pothos' prisma plugin passes a connection resolver: the selection and the page. */
export interface PageQuery {
  include?: Record<string, unknown>;
  select?: Record<string, unknown>;
  take?: number;
  skip?: number;
  cursor?: { id?: string };
}

/** The database a page is read from: the statement goes through `read`, a fallback load through Prisma. */
type PageDb = Pick<Db, 'prisma' | 'read'>;

export interface PageOptions {
  /** Read the hit count too. */
  count: boolean;
  /** The filter's names resolved already (resolveFilterIds), e.g. once per request for the page and its count. */
  ids?: Promise<FilterIds | null>;
}

export interface TransferPage {
  rows: Record<string, unknown>[];
  /** The hit count, when asked for. */
  total: number | null;
}

/** The connection's order, for Prisma readers of the same list (the backward-page path). */
export const TRANSFER_ORDER = [{ controllerName: 'asc' as const }, { id: 'asc' as const }];

/**
 * A forward page (`take` ≥ 0) of the transfers `filter` selects. `cursor` is Prisma's: the page
 * starts at that row of the order (skip 1 steps past it); an unknown cursor gives no rows.
 */
export async function transferPage({ prisma, read }: PageDb, filter: TransferFilter, query: PageQuery, opts: PageOptions): Promise<TransferPage> {
  const take = query.take ?? 50;
  if (take < 0) throw new RangeError('transferPage reads forward pages only');
  const params = new SqlParams();
  const hits = transferHitsSql(filter, await (opts.ids ?? resolveFilterIds(read, filter)), params);
  const from = query.cursor?.id
    ? `WHERE (h."controllerName", h."id") >= (SELECT "controllerName", "id" FROM "Transfer" WHERE "id" = ${params.add(query.cursor.id)})`
    : '';
  const selection = query.select ? { select: query.select } : query.include ? { include: query.include } : true;
  const row = toJsonSql('Transfer', 'p', selection);
  const rows = row
    ? `(SELECT coalesce(json_agg(${row} ORDER BY pg."controllerName", pg."id"), '[]'::json) FROM page pg JOIN "Transfer" p ON p."id" = pg."id")`
    : `(SELECT coalesce(json_agg(pg."id" ORDER BY pg."controllerName", pg."id"), '[]'::json) FROM page pg)`;
  const sql = `WITH hit AS (${hits}),
page AS (SELECT h."id", h."controllerName" FROM hit h ${from} ORDER BY h."controllerName", h."id" LIMIT ${params.add(take)} OFFSET ${params.add(query.skip ?? 0)})
SELECT ${opts.count ? '(SELECT count(*) FROM hit)::int' : 'NULL::int'} AS total, ${rows} AS rows`;
  const [result] = await read<{ total: number | null; rows: unknown }>(sql, params.values);
  const list = jsonValue<unknown[]>(result.rows);
  if (row) {
    for (const r of list as Record<string, unknown>[]) adoptPlannedRow('Transfer', r);
    return { rows: list as Record<string, unknown>[], total: result.total };
  }
  // a selection relation-json.ts does not translate: Prisma loads the page's rows by id
  const ids = list as string[];
  const { take: _t, skip: _s, cursor: _c, ...shape } = query;
  const loaded = await prisma.transfer.findMany({ ...(shape as object), where: { id: { in: ids } } });
  const byId = new Map(loaded.map((t) => [t.id, t as unknown as Record<string, unknown>]));
  return { rows: ids.map((id) => byId.get(id)!).filter(Boolean), total: result.total };
}

/** The number of transfers `filter` selects, from the same hit set. */
export async function countTransfers(read: ReadSql, filter: TransferFilter, ids?: Promise<FilterIds | null>): Promise<number> {
  const params = new SqlParams();
  const hits = transferHitsSql(filter, await (ids ?? resolveFilterIds(read, filter)), params);
  const [r] = await read<{ n: number }>(`SELECT count(*)::int AS n FROM (${hits}) hit`, params.values);
  return r.n;
}
