// Many rows in one INSERT, outside Prisma's query compiler (raw SQL through the same client). Prisma's createMany costs about a
// tenth of a millisecond of client CPU per row (every value is planned and bound one by one),
// and a corpus policy writes ~150 evidence rows: that made the Node process, not PostgreSQL,
// the bottleneck of ingestion. Here the rows travel as one JSON parameter that PostgreSQL
// expands with json_populate_recordset into the table's own row type (arrays and enums
// included), the same on a PostgreSQL server and on PGlite.
import type { Prisma } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

/**
 * Inserts `rows` into `table` (a model's table name, never user input), setting `columns`; the
 * others take their defaults. `skipDuplicates` skips rows that clash with a unique key (a
 * shared node another policy created first).
 */
export async function insertRows<T extends object>(
  tx: Tx,
  table: string,
  columns: readonly (keyof T & string)[],
  rows: T[],
  opts: { skipDuplicates?: boolean } = {},
): Promise<void> {
  if (!rows.length) return;
  const cols = columns.map((c) => `"${c}"`).join(', ');
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::"${table}", $1::json)${opts.skipDuplicates ? ' ON CONFLICT DO NOTHING' : ''}`,
    JSON.stringify(rows),
  );
}
