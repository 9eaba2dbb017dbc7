// A Prisma `include`/`select` tree, as Pothos' prisma plugin hands it to a resolver, turned into
// one PostgreSQL json_build_object expression per row — so a page and everything its GraphQL
// selection reads come back in one statement, in the shape Prisma would have returned (Pothos
// then treats the relations as loaded). Only the shapes that tree takes for plain relation
// fields and connections are translated: to-one relations; to-many relations with an orderBy,
// a simple where (whereSql), a page (take/skip) and a `_count` of them; each with all or some of
// its scalar fields, nested. Anything else makes `toJsonSql` return null and the caller asks
// Prisma instead.
import { getDatamodel } from '../generated/pothos-types.js';
import type { SqlParams } from './sql-params.js';

interface Field {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  relationName?: string;
  relationFromFields?: string[];
  isId?: boolean;
}

const MODELS = getDatamodel().datamodel.models as unknown as Record<string, { fields: readonly Field[] }>;
/** Scalar types JSON carries as Prisma returns them, or turns back (DateTime). */
const PLAIN = new Set(['String', 'Boolean', 'Int', 'Float', 'Json']);

type Selection = true | { select?: Record<string, unknown>; include?: Record<string, unknown>; orderBy?: unknown; where?: unknown; take?: unknown; skip?: unknown };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Alias numbering within one statement, so the same selection always gives the same text. */
interface Aliases {
  n: number;
  /** Where a where-clause's strings go; without it a clause comparing strings is not translated. */
  params?: SqlParams;
}

/** A json column's value as the driver hands it over: PGlite as text, node-postgres parsed. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Whether a selection asks for `field` and nothing else (`country { code }` selects `{ code: true }`). */
export function selectsOnly(query: { select?: Record<string, unknown>; include?: Record<string, unknown> }, field: string): boolean {
  return !query.include && !!query.select && Object.keys(query.select).length > 0 && Object.entries(query.select).every(([k, v]) => k === field && v === true);
}

/** Whether a Pothos selection of `model` reads its own columns only (no relation, no count): a row of all its scalars answers it. */
export function selectsScalarsOnly(model: string, query: { select?: Record<string, unknown>; include?: Record<string, unknown> }): boolean {
  const fields = MODELS[model]?.fields;
  if (!fields || query.include) return false;
  const scalar = new Set(fields.filter((f) => f.kind !== 'object').map((f) => f.name));
  return Object.entries(query.select ?? {}).every(([k, v]) => !v || scalar.has(k));
}

/** The name of `model`'s id field (Country's is `code`), or null for a model the datamodel lacks. */
export function idFieldOf(model: string): string | null {
  return MODELS[model]?.fields.find((f) => f.isId)?.name ?? null;
}

/**
 * `json_build_object(…)` for a row of `model` aliased `alias`: its scalars (all, or those a
 * `select` names) and the relations the tree includes. null when the tree holds a shape this
 * module does not translate.
 */
export function toJsonSql(model: string, alias: string, sel: Selection, params?: SqlParams): string | null {
  return objectSql(model, alias, sel, { n: 0, params });
}

function objectSql(model: string, alias: string, sel: Selection, aliases: Aliases): string | null {
  const fields = MODELS[model]?.fields;
  if (!fields) return null;
  const byName = new Map(fields.map((f) => [f.name, f]));
  const spec = sel === true ? {} : sel;
  if (Object.keys(spec).some((k) => k !== 'select' && k !== 'include' && k !== 'orderBy')) return null;
  if (spec.select && spec.include) return null;
  const picked: [string, unknown][] = spec.select
    ? Object.entries(spec.select).filter(([, v]) => v)
    : [...fields.filter((f) => f.kind !== 'object').map((f): [string, unknown] => [f.name, true]), ...Object.entries(spec.include ?? {}).filter(([, v]) => v)];
  const parts: string[] = [];
  for (const [name, value] of picked) {
    if (name === '_count') {
      const counts = relationCountsSql(model, alias, value, aliases);
      if (counts == null) return null;
      parts.push(`'_count', ${counts}`);
      continue;
    }
    const f = byName.get(name);
    if (!f) return null;
    if (f.kind !== 'object') {
      if (value !== true || (f.kind === 'scalar' && !PLAIN.has(f.type) && f.type !== 'DateTime')) return null;
      parts.push(`'${name}', ${alias}.${q(name)}`);
      continue;
    }
    const sub = relationSql(model, alias, f, value as Selection, aliases);
    if (sub == null) return null;
    parts.push(`'${name}', ${sub}`);
  }
  // json_build_object takes at most 100 arguments
  if (parts.length > 50) return null;
  return `json_build_object(${parts.join(', ')})`;
}

function relationSql(model: string, alias: string, f: Field, sel: Selection, aliases: Aliases): string | null {
  const target = MODELS[f.type]?.fields;
  if (!target) return null;
  // a cursor, distinct, a relation count beneath: Prisma's to answer
  if (sel !== true && Object.keys(sel).some((k) => !RELATION_KEYS.has(k))) return null;
  const a = `r${++aliases.n}`;
  const targetId = idFieldOf(f.type);
  if (!f.isList) {
    // to-one: this row holds the foreign key to the target's id
    if (f.relationFromFields?.length !== 1 || !targetId || (sel !== true && (sel.orderBy || sel.where || sel.take != null || sel.skip != null))) return null;
    const fk = `${alias}.${q(f.relationFromFields[0])}`;
    // only the target's id asked for (`country { code }`): the foreign key holds it, and its
    // constraint that the row exists — no look-up per row
    if (sel !== true && selectsOnly(sel, targetId)) {
      return `CASE WHEN ${fk} IS NULL THEN NULL ELSE json_build_object('${targetId}', ${fk}) END`;
    }
    const obj = objectSql(f.type, a, sel, aliases);
    return obj && `(SELECT ${obj} FROM ${q(f.type)} ${a} WHERE ${a}.${q(targetId)} = ${fk})`;
  }
  // to-many: the target holds the foreign key to this row's id
  const link = listLinkSql(model, alias, f, a);
  if (!link) return null;
  const spec = sel === true ? {} : sel;
  const order = orderSql(a, f.type, spec.orderBy);
  const where = whereSql(f.type, a, spec.where, aliases);
  const page = pageSql(spec.take, spec.skip);
  if (order == null || where == null || page == null) return null;
  const obj = objectSql(f.type, a, sel === true ? true : { ...(sel.select ? { select: sel.select } : {}), ...(sel.include ? { include: sel.include } : {}) }, aliases);
  if (!obj) return null;
  const orderBy = order.length ? ` ORDER BY ${order.join(', ')}` : '';
  const rows = `${q(f.type)} ${a} WHERE ${[link, ...where].join(' AND ')}`;
  // a page is cut before aggregating: the rows in order, LIMIT/OFFSET, then json_agg in that order
  if (page) return `(SELECT coalesce(json_agg(${obj}${orderBy}), '[]'::json) FROM (SELECT * FROM ${rows}${orderBy}${page}) ${a})`;
  return `(SELECT coalesce(json_agg(${obj}${orderBy}), '[]'::json) FROM ${rows})`;
}

const RELATION_KEYS = new Set(['select', 'include', 'orderBy', 'where', 'take', 'skip']);

/** ` LIMIT n OFFSET m` for a forward page, '' for none, null for anything else (a backward page). */
function pageSql(take: unknown, skip: unknown): string | null {
  if (take == null && skip == null) return '';
  if ((take != null && !(Number.isInteger(take) && (take as number) >= 0)) || (skip != null && !(Number.isInteger(skip) && (skip as number) >= 0))) return null;
  return `${take != null ? ` LIMIT ${take}` : ''}${skip ? ` OFFSET ${skip}` : ''}`;
}

/**
 * The condition joining the rows `a` of list relation `f` to their `model` row `alias` (the
 * target's foreign key equals this row's id), or null for a relation not linked so.
 */
function listLinkSql(model: string, alias: string, f: Field, a: string): string | null {
  const back = MODELS[f.type]?.fields.find((x) => x.kind === 'object' && x.relationName === f.relationName && x.type === model && x.relationFromFields?.length === 1);
  const ownId = idFieldOf(model);
  return back && ownId ? `${a}.${q(back.relationFromFields![0])} = ${alias}.${q(ownId)}` : null;
}

/**
 * `_count: { select: { relation: true | { where } } }` as a json_build_object of correlated
 * counts (each an index range on the relation's foreign key), or null for another shape.
 */
function relationCountsSql(model: string, alias: string, value: unknown, aliases: Aliases): string | null {
  const select = (value as { select?: Record<string, unknown> } | null)?.select;
  if (!select || Object.keys(value as object).length !== 1) return null;
  const parts: string[] = [];
  for (const [name, spec] of Object.entries(select)) {
    if (!spec) continue;
    const f = MODELS[model].fields.find((x) => x.name === name && x.kind === 'object' && x.isList);
    if (!f || (spec !== true && Object.keys(spec as object).some((k) => k !== 'where'))) return null;
    const a = `r${++aliases.n}`;
    const link = listLinkSql(model, alias, f, a);
    const where = whereSql(f.type, a, spec === true ? undefined : (spec as { where?: unknown }).where, aliases);
    if (!link || where == null) return null;
    parts.push(`'${name}', (SELECT count(*) FROM ${q(f.type)} ${a} WHERE ${[link, ...where].join(' AND ')})::int`);
  }
  return `json_build_object(${parts.join(', ')})`;
}

/**
 * A Prisma where of equalities as SQL conditions on `alias`: a scalar field equal to a value
 * (booleans and null written out, strings and numbers as parameters when there are params) and
 * a to-one relation whose row matches such a where (`version: { isCurrent: true }`). [] for no
 * where; null for anything else (operators, AND/OR/NOT, a list relation), which Prisma answers.
 */
function whereSql(model: string, alias: string, where: unknown, aliases: Aliases): string[] | null {
  if (where == null) return [];
  if (typeof where !== 'object' || Array.isArray(where)) return null;
  const out: string[] = [];
  for (const [name, value] of Object.entries(where as Record<string, unknown>)) {
    if (value === undefined) continue;
    const f = MODELS[model]?.fields.find((x) => x.name === name);
    if (!f) return null;
    if (f.kind === 'object') {
      const targetId = idFieldOf(f.type);
      if (f.isList || f.relationFromFields?.length !== 1 || !targetId || value === null || typeof value !== 'object') return null;
      const a = `r${++aliases.n}`;
      const inner = whereSql(f.type, a, value, aliases);
      if (inner == null) return null;
      out.push(`EXISTS (SELECT 1 FROM ${q(f.type)} ${a} WHERE ${[`${a}.${q(targetId)} = ${alias}.${q(f.relationFromFields[0])}`, ...inner].join(' AND ')})`);
    } else if (f.isList) {
      return null;
    } else if (value === null) {
      out.push(`${alias}.${q(name)} IS NULL`);
    } else if (typeof value === 'boolean') {
      out.push(`${alias}.${q(name)} = ${value}`);
    } else if ((typeof value === 'string' || typeof value === 'number') && aliases.params) {
      // an enum column compares with its text: the parameter is cast to the column's type
      const cast = f.kind === 'enum' ? `::${q(f.type)}` : typeof value === 'number' ? '' : '::text';
      out.push(`${alias}.${q(name)} = ${aliases.params.add(value)}${cast}`);
    } else {
      return null;
    }
  }
  return out;
}

/** Prisma's findMany arguments, as a Pothos connection resolver passes them on with its where and order. */
export interface FindManyArgs {
  where?: unknown;
  select?: Record<string, unknown>;
  include?: Record<string, unknown>;
  orderBy?: unknown;
  take?: number;
  skip?: number;
  cursor?: Record<string, unknown>;
}

/**
 * One statement for `findMany(args)` on `model`, its rows aggregated into the json column
 * `rows` in the order asked (values in `params`); null for arguments this module does not
 * translate. A cursor is translated for an order by the id alone (a connection's): the page
 * starts at that row, and an unknown cursor gives no rows, as in Prisma.
 */
export function findManySql(model: string, args: FindManyArgs, params: SqlParams): string | null {
  const { where, orderBy, take, skip, cursor, ...shape } = args;
  if (Object.keys(shape).some((k) => k !== 'select' && k !== 'include') || (shape.select && shape.include)) return null;
  const aliases: Aliases = { n: 0, params };
  const conditions = whereSql(model, 'p', where, aliases);
  const order = orderSql('p', model, orderBy);
  const page = pageSql(take, skip);
  const id = idFieldOf(model);
  if (!conditions || !order || page == null || !id) return null;
  if (cursor) {
    if (Object.keys(cursor).join() !== id || order.join() !== `p.${q(id)} ASC`) return null;
    const at = params.add(cursor[id]);
    conditions.push(`p.${q(id)} >= ${at}`, `EXISTS (SELECT 1 FROM ${q(model)} c WHERE c.${q(id)} = ${at})`);
  }
  const obj = objectSql(model, 'p', shape.select ? { select: shape.select } : shape.include ? { include: shape.include } : true, aliases);
  if (!obj) return null;
  const ordered = order.length ? ` ORDER BY ${order.join(', ')}` : '';
  return `SELECT coalesce(json_agg(${obj}${ordered}), '[]'::json) AS rows FROM (SELECT * FROM ${q(model)} p WHERE ${conditions.join(' AND ') || 'true'}${ordered}${page}) p`;
}

/** `SELECT count(*) AS n` of the rows a where selects (findManySql's rules), or null. */
export function countSql(model: string, where: unknown, params: SqlParams): string | null {
  const conditions = whereSql(model, 'p', where, { n: 0, params });
  return conditions && `SELECT count(*)::int AS n FROM ${q(model)} p WHERE ${conditions.join(' AND ') || 'true'}`;
}

/** An orderBy of scalar fields (`[{ start: 'asc' }, { id: 'asc' }]`), or null for anything else. */
function orderSql(alias: string, model: string, orderBy: unknown): string[] | null {
  if (orderBy == null) return [];
  const scalars = new Set(MODELS[model].fields.filter((f) => f.kind !== 'object').map((f) => f.name));
  const out: string[] = [];
  for (const item of Array.isArray(orderBy) ? orderBy : [orderBy]) {
    for (const [name, dir] of Object.entries(item as Record<string, unknown>)) {
      if (!scalars.has(name) || (dir !== 'asc' && dir !== 'desc')) return null;
      out.push(`${alias}.${q(name)} ${dir === 'asc' ? 'ASC' : 'DESC'}`);
    }
  }
  return out;
}

/** Per model, the fields a row walk visits: relations (to recurse into) and DateTime scalars. */
const WALKED = new Map(Object.entries(MODELS).map(([model, { fields }]) => [model, fields.filter((f) => f.kind === 'object' || f.type === 'DateTime')]));

/**
 * Set on rows (and the objects nested in them) built by this module from a Pothos selection tree.
 * A symbol key stays out of JSON and Object.keys; a WeakSet cost three times the whole walk.
 */
const PLANNED = Symbol('planned row');

/**
 * Whether `row` came from a statement built from the Pothos selection of the field resolving it
 * (adoptPlannedRow): every relation and column that selection reads is on it, so a relation field
 * can answer from it without asking Pothos which plan loaded it.
 */
export function isPlannedRow(row: unknown): boolean {
  return typeof row === 'object' && row !== null && (row as { [PLANNED]?: true })[PLANNED] === true;
}

/** DateTime fields of `model` (and of included relations) turned back from JSON strings into Dates, in place. */
export function reviveDates(model: string, row: Record<string, unknown> | null): void {
  walkRow(model, row, false);
}

/** reviveDates for a row built from a Pothos selection, recording it and its nested rows as planned (isPlannedRow). */
export function adoptPlannedRow(model: string, row: Record<string, unknown> | null): void {
  walkRow(model, row, true);
}

function walkRow(model: string, row: Record<string, unknown> | null, planned: boolean): void {
  if (!row) return;
  // a plain assignment: Object.defineProperty (to hide it from a spread) made the walk 5× dearer
  if (planned) (row as { [PLANNED]?: true })[PLANNED] = true;
  for (const f of WALKED.get(model)!) {
    const v = row[f.name];
    if (v == null) continue;
    if (f.kind === 'object') {
      if (f.isList) for (const r of v as Record<string, unknown>[]) walkRow(f.type, r, planned);
      else walkRow(f.type, v as Record<string, unknown>, planned);
    } else if (typeof v === 'string') {
      // timestamp(3) without time zone holds UTC (Prisma's convention)
      row[f.name] = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
    }
  }
}
