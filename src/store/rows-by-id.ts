// Rows of one model by id, each in the shape a Pothos selection asks for (relation-json.ts), in
// one statement through Db.read — for a list whose items each name a row by id (the dashboard's
// top vendors, its countries), which Prisma would load with a statement of its own per list.
import type { ReadSql } from '../db.js';
import { idFieldOf, jsonValue, adoptPlannedRow, toJsonSql } from './relation-json.js';

/** A Prisma `select`/`include` tree as Pothos hands it to a prismaField resolver. */
export type RowQuery = { select?: Record<string, unknown>; include?: Record<string, unknown> };

/**
 * The rows of `model` whose id is among `ids`, keyed by id (ids with no row are absent), or null
 * when the selection holds a shape relation-json.ts does not translate (the caller asks Prisma).
 */
export async function rowsById(read: ReadSql, model: string, query: RowQuery, ids: readonly string[]): Promise<Map<string, Record<string, unknown>> | null> {
  const id = idFieldOf(model);
  const selection = query.select ? { select: { ...query.select, ...(id ? { [id]: true } : {}) } } : query.include ? { include: query.include } : true;
  const row = id && toJsonSql(model, 'o', selection);
  if (!row) return null;
  const found = await read<{ row: unknown }>(`SELECT ${row} AS row FROM "${model}" o WHERE o."${id}" = ANY($1::text[])`, [ids]);
  const byId = new Map<string, Record<string, unknown>>();
  for (const { row: value } of found) {
    const r = jsonValue<Record<string, unknown>>(value);
    adoptPlannedRow(model, r);
    byId.set(String(r[id]), r);
  }
  return byId;
}
