// Rows named by id from the items of a list, loaded together: every item of the list resolves
// its row in the same tick, DataLoader collects the ids, and one statement (rows-by-id.ts, or
// Prisma for a selection that module does not translate) loads them. One loader per request,
// model and selection, so a request never sees another's rows.
import DataLoader from 'dataloader';
import type { Db } from '../db.js';
import type { Country, Organization, Prisma } from '../generated/prisma/client.js';
import { idFieldOf } from '../store/relation-json.js';
import { rowsById, type RowQuery } from '../store/rows-by-id.js';

type Row = Record<string, unknown>;
/** Loads rows by id the way Prisma would (`findMany` with the selection and `where: { id: { in: ids } }`). */
type PrismaRows = (query: RowQuery, ids: string[]) => Promise<Row[]>;
type RowDb = Pick<Db, 'prisma' | 'read'>;

const loaders = new WeakMap<object, Map<string, DataLoader<string, Row | null>>>();

/** The row of `model` with this id, in the shape `query` asks for; null when there is none. */
export function loadRow(ctx: Pick<Db, 'read'>, model: string, query: RowQuery, id: string, prismaRows: PrismaRows): Promise<Row | null> {
  let byKey = loaders.get(ctx);
  if (!byKey) loaders.set(ctx, (byKey = new Map()));
  const key = `${model} ${JSON.stringify(query)}`;
  let loader = byKey.get(key);
  if (!loader) {
    const idField = idFieldOf(model) ?? 'id';
    // the key selected too, so the rows Prisma loads together can be told apart
    const keyed = query.select ? { ...query, select: { ...query.select, [idField]: true } } : query;
    loader = new DataLoader(async (ids: readonly string[]) => {
      const found = (await rowsById(ctx.read, model, query, ids)) ?? new Map((await prismaRows(keyed, [...ids])).map((r) => [String(r[idField]), r]));
      return ids.map((i) => found.get(i) ?? null);
    });
    byKey.set(key, loader);
  }
  return loader.load(id);
}

/** An organization by id, batched with the others of its list (loadRow). */
export function organizationRow(ctx: RowDb, query: RowQuery, id: string): Promise<Organization | null> {
  return loadRow(ctx, 'Organization', query, id, (q, ids) => ctx.prisma.organization.findMany({ ...(q as Prisma.OrganizationFindManyArgs), where: { id: { in: ids } } })) as Promise<Organization | null>;
}

/** A country by code, batched with the others of its list (loadRow). */
export function countryRow(ctx: RowDb, query: RowQuery, code: string): Promise<Country | null> {
  return loadRow(ctx, 'Country', query, code, (q, codes) => ctx.prisma.country.findMany({ ...(q as Prisma.CountryFindManyArgs), where: { code: { in: codes } } })) as Promise<Country | null>;
}

/** For a non-null organization field whose row went between reading its id and loading it (a concurrent re-ingest). */
export function organizationGone(id: string): never {
  throw new Error(`organization ${id} is no longer in the graph`);
}
