// "The graph changed" across processes, through PostgreSQL's LISTEN/NOTIFY: every ingest
// transaction notifies (PostgreSQL delivers it when, and only if, the transaction commits), and
// a server listening on the same database drops its cached answers — so what the CLI or
// another server ingests is visible at once, not only when cached answers expire. The payload
// is the schema written to, so servers on other schemas of the same database ignore it.
import type pg from 'pg';
import type { Prisma } from '../generated/prisma/client.js';

const CHANNEL = 'policy_graph_changed';

/** Inside an ingest transaction (on PGlite a no-op for want of listeners). */
export async function notifyGraphChanged(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', current_schema())`);
}

export interface ChangeListener {
  close(): Promise<void>;
}

/**
 * Calls `onChange` for every committed ingest into `schema` of the database at `databaseUrl`.
 * A lost connection is re-established after `retryMs`, and `onChange` is called then too, as
 * notifications may have been missed meanwhile.
 */
export async function listenForGraphChanges(
  databaseUrl: string,
  schema: string,
  onChange: () => void,
  opts: { retryMs?: number; log?: (msg: string) => void } = {},
): Promise<ChangeListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const reconnect = () => {
    if (!closed) timer = setTimeout(() => void connect().then(onChange, reconnect), opts.retryMs ?? 1000);
  };
  const { default: pg } = await import('pg'); // PostgreSQL only: a PGlite process never loads the driver
  const connect = async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload === schema) onChange();
    });
    c.on('error', (e) => {
      opts.log?.(`graph-change listener: ${e.message}; reconnecting`);
      client = null;
      void c.end().catch(() => {});
      reconnect();
    });
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    client = c;
  };
  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await client?.end();
    },
  };
}
