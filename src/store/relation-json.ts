// A Prisma `include`/`select` tree, as Pothos' prisma plugin hands it to a resolver, turned into
// one PostgreSQL json_build_object expression per row — so a page and everything its GraphQL
// selection reads come back in one statement, in the shape Prisma would have returned (Pothos
// then treats the relations as loaded). Only the shapes that tree takes for plain relation
// fields are translated: to-one relations and to-many relations with an orderBy, each with all
// or some of its scalar fields, nested; anything else (a relation filter, a page of a
// relation, a count) makes `toJsonSql` return null and the caller asks Prisma instead.
import { getDatamodel } from '../generated/pothos-types.js';

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

type Selection = true | { select?: Record<string, unknown>; include?: Record<string, unknown>; orderBy?: unknown };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Alias numbering within one statement, so the same selection always gives the same text. */
interface Aliases {
  n: number;
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
export function toJsonSql(model: string, alias: string, sel: Selection): string | null {
  return objectSql(model, alias, sel, { n: 0 });
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
  // a relation filter, a page of the relation, a count, distinct: Prisma's to answer
  if (sel !== true && Object.keys(sel).some((k) => k !== 'select' && k !== 'include' && k !== 'orderBy')) return null;
  const a = `r${++aliases.n}`;
  const targetId = target.find((x) => x.isId)?.name;
  if (!f.isList) {
    // to-one: this row holds the foreign key to the target's id
    if (f.relationFromFields?.length !== 1 || !targetId || (sel !== true && sel.orderBy)) return null;
    const obj = objectSql(f.type, a, sel, aliases);
    return obj && `(SELECT ${obj} FROM ${q(f.type)} ${a} WHERE ${a}.${q(targetId)} = ${alias}.${q(f.relationFromFields[0])})`;
  }
  // to-many: the target holds the foreign key to this row's id
  const back = target.find((x) => x.kind === 'object' && x.relationName === f.relationName && x.type === model && x.relationFromFields?.length === 1);
  const ownId = MODELS[model].fields.find((x) => x.isId)?.name;
  if (!back || !ownId) return null;
  const order = sel === true ? [] : orderSql(a, f.type, sel.orderBy);
  if (order == null) return null;
  const obj = objectSql(f.type, a, sel === true ? true : { ...(sel.select ? { select: sel.select } : {}), ...(sel.include ? { include: sel.include } : {}) }, aliases);
  if (!obj) return null;
  const orderBy = order.length ? ` ORDER BY ${order.join(', ')}` : '';
  return `(SELECT coalesce(json_agg(${obj}${orderBy}), '[]'::json) FROM ${q(f.type)} ${a} WHERE ${a}.${q(back.relationFromFields![0])} = ${alias}.${q(ownId)})`;
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

/** DateTime fields of `model` (and of included relations) turned back from JSON strings into Dates, in place. */
export function reviveDates(model: string, row: Record<string, unknown> | null): void {
  if (!row) return;
  for (const f of MODELS[model].fields) {
    const v = row[f.name];
    if (v == null) continue;
    if (f.kind === 'object') {
      for (const r of f.isList ? (v as Record<string, unknown>[]) : [v as Record<string, unknown>]) reviveDates(f.type, r);
    } else if (f.type === 'DateTime' && typeof v === 'string') {
      // timestamp(3) without time zone holds UTC (Prisma's convention)
      row[f.name] = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
    }
  }
}
