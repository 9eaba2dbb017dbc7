// Rows named by id from the items of a list, loaded together: every item of the list resolves
// its row in the same tick, DataLoader collects the ids, and one statement (rows-by-id.ts, or
// the caller's Prisma fallback for a selection that module does not translate) loads them. One
// loader per request, model and selection, so a request never sees another's rows.
import DataLoader from 'dataloader';
import type { ReadSql } from '../db.js';
import { rowsById, type RowQuery } from '../store/rows-by-id.js';

type Row = Record<string, unknown>;
/** Loads the rows by id the way Prisma would (`findMany` with `where: { id: { in: ids } }`). */
export type PrismaRows = (ids: string[]) => Promise<Row[]>;

const loaders = new WeakMap<object, Map<string, DataLoader<string, Row | null>>>();

/** The row of `model` with this id, in the shape `query` asks for; null when there is none. */
export function loadRow(ctx: { read: ReadSql }, model: string, query: RowQuery, id: string, prismaRows: PrismaRows, idField = 'id'): Promise<Row | null> {
  let byKey = loaders.get(ctx);
  if (!byKey) loaders.set(ctx, (byKey = new Map()));
  const key = `${model} ${JSON.stringify(query)}`;
  let loader = byKey.get(key);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const found = (await rowsById(ctx.read, model, query, ids)) ?? new Map((await prismaRows([...ids])).map((r) => [String(r[idField]), r]));
      return ids.map((i) => found.get(i) ?? null);
    });
    byKey.set(key, loader);
  }
  return loader.load(id);
}
