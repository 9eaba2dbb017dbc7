// Many rows in few statements, outside Prisma's query compiler (raw SQL through the same
// client). Prisma's createMany costs about a tenth of a millisecond of client CPU per row
// (every value is planned and bound one by one) and each statement ~0.5–1 ms more; a corpus
// policy writes ~150 evidence rows over ten tables, which made the Node process, not
// PostgreSQL, the bottleneck of ingestion. Here each table's rows travel as one JSON
// parameter that PostgreSQL expands with json_populate_recordset into the table's own row type
// (arrays and enums included), the same on a PostgreSQL server and on PGlite. Table and column
// names come from the code, never from input.
import type { Prisma } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

export interface RowSet<T extends object = object> {
  table: string;
  /** The columns to set; the others take their defaults. */
  columns: readonly string[];
  rows: T[];
}

/** A row set whose columns are checked against its row type. */
export function rowSet<T extends object>(table: string, columns: readonly (keyof T & string)[], rows: T[]): RowSet<T> {
  return { table, columns, rows };
}

const colList = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

function insertSql(set: RowSet, param: number, conflict: string): string {
  const cols = colList(set.columns);
  return `INSERT INTO "${set.table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::"${set.table}", $${param}::json)${conflict}`;
}

/**
 * Inserts several tables' rows in one statement, in the order given, each table a
 * data-modifying WITH clause (foreign keys are checked at the end of the statement, so rows
 * may reference rows of an earlier set).
 */
export async function insertRowSets(tx: Tx, sets: RowSet[]): Promise<void> {
  const nonEmpty = sets.filter((s) => s.rows.length);
  if (!nonEmpty.length) return;
  const clauses = nonEmpty.map((s, i) => `i${i} AS (${insertSql(s, i + 1, '')})`);
  await tx.$executeRawUnsafe(`WITH ${clauses.join(', ')} SELECT 1`, ...nonEmpty.map((s) => JSON.stringify(s.rows)));
}

/**
 * Inserts rows of a table with a unique `key` column unless a row with that key exists, and
 * returns the `returning` columns of the stored row for every key, inserted or not (so a
 * shared node another policy created first is reused, never duplicated).
 */
export async function insertKeyed<T extends { key: string }, R extends { key: string }>(
  tx: Tx,
  set: RowSet<T>,
  returning: readonly (keyof R & string)[],
): Promise<R[]> {
  if (!set.rows.length) return [];
  const ret = colList(returning);
  const keys = set.rows.map((r) => r.key);
  const rows = await tx.$queryRawUnsafe<R[]>(
    `WITH ins AS (${insertSql(set, 1, ' ON CONFLICT DO NOTHING')} RETURNING ${ret})
     SELECT ${ret} FROM ins
     UNION ALL
     SELECT ${ret} FROM "${set.table}" WHERE "key" = ANY($2::text[]) AND "key" NOT IN (SELECT "key" FROM ins)`,
    JSON.stringify(set.rows),
    keys,
  );
  if (rows.length === new Set(keys).size) return rows;
  // A concurrent transaction committed one of these keys after this statement's snapshot was
  // taken: the insert skipped it and the select could not see it yet. A new statement can.
  const seen = new Set(rows.map((r) => r.key));
  const late = await tx.$queryRawUnsafe<R[]>(
    `SELECT ${ret} FROM "${set.table}" WHERE "key" = ANY($1::text[])`,
    keys.filter((k) => !seen.has(k)),
  );
  return [...rows, ...late];
}
