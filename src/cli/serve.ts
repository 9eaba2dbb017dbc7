// `serve`: opens the database (PGlite in .data/ unless DATABASE_URL is set), applies
// migrations, ingests the seed policies on an empty database, and serves GraphQL + GraphiQL.
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseCommand, positiveInt, UsageError, withUsage } from './args.js';
import { engineFromEnv, openDbFromEnv } from '../db.js';
import { seedIfEmpty } from '../store/seed.js';
import { startServer } from '../server.js';
import { createExtractPool } from '../store/extract-pool.js';
import { followGraphChanges } from '../graphql/follow-changes.js';
import { startDeliveryWorker } from '../store/webhook-worker.js';
import { announceServer } from '../store/data-lock.js';
import { neo4jConfigFromEnv } from '../neo4j/connect.js';
import { startNeo4jWorker } from '../neo4j/worker.js';
import { neo4jTraversal } from '../neo4j/traversal-backend.js';
import { reportToParent } from '../http/parent-ipc.js';
import { applyServerV8Flags } from './v8-flags.js';
import { collectWhenIdle } from '../http/idle-collect.js';

const USAGE = `usage: policy-graph serve [--port N] [--host ADDRESS]
  the dashboard on http://HOST:PORT/, GraphQL API and GraphiQL on /graphql (default 127.0.0.1:4000, or HOST / PORT);
  an empty database is first loaded with seed/*. Settings: DATABASE_URL (else PGlite in
  PGLITE_DIR, default .data/pglite, with a PGLITE_SHARED_BUFFERS buffer pool, default 16MB), CORS_ORIGINS,
  NODE_ENV=production, EXECUTION_TIMEOUT_MS, MAX_CONCURRENT_EXECUTIONS (default 8),
  ALLOW_PRIVATE_URLS=1 (also lets webhooks target local hosts),
  WEBHOOK_POLL_MS (README, "Security", "Webhooks"); NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD:
  keep a Neo4j projection in sync (see policy-graph neo4j --help).`;

/** Whether `port` on `host` can be listened on: checked before the database is opened and seeded. */
function portFree(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use (another server running?); choose another with --port or PORT` : `cannot listen on ${host}:${port}: ${e.message}`));
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
}

/** An address a local client reaches the server on, for the host it listens on. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the server; resolves (to exit code 0) once it listens — the process stays up until SIGINT/SIGTERM. */
export function runServe(argv: string[] = []): Promise<number> {
  return withUsage(USAGE, () => serve(argv));
}

async function serve(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, { port: { type: 'string' }, host: { type: 'string' } }, USAGE);
  if (!parsed) return 0;
  const port = positiveInt('port', parsed.values.port ?? process.env.PORT ?? '4000', 65535)!;
  const host = parsed.values.host ?? process.env.HOST ?? '127.0.0.1';
  const busy = await portFree(port, host);
  if (busy) throw new UsageError(busy);
  const neo4j = neo4jConfigFromEnv(); // a bad NEO4J_* setting is refused before anything starts
  // a long-running process's memory settings, before the database's WebAssembly is compiled
  applyServerV8Flags(engineFromEnv());
  const t0 = Date.now();
  const db = await openDbFromEnv();
  console.log(`database: ${db.engine} (${db.location}), migrations applied in ${Date.now() - t0} ms`);
  const seeded = await seedIfEmpty(db.prisma, { log: (m) => console.log(m) });
  if (seeded.length) console.log(`seeded ${seeded.filter((s) => s.result).length}/${seeded.length} policies in ${Date.now() - t0} ms`);
  // ingestPolicy extracts on worker threads: a long policy must not stall every other request.
  const pool = createExtractPool();
  // ALLOW_PRIVATE_URLS=1 lets ingestPolicy fetch from local/private hosts (off by default: SSRF).
  // NEO4J_URI set: the traversal questions are answered in Neo4j (SQL while it is unreachable)
  const traversal = neo4j ? neo4jTraversal(neo4j, db.prisma) : undefined;
  const app = await startServer(db, port, {
    host,
    traversal,
    ingestOptions: { allowPrivateNetwork: process.env.ALLOW_PRIVATE_URLS === '1', extract: pool.extractInput },
  });
  // a heap grown under load is given back once the load is over (gc: --expose-gc in SERVER_NODE_FLAGS)
  const stopCollecting = typeof globalThis.gc === 'function' ? collectWhenIdle(app.server, globalThis.gc) : () => {};
  // On a PostgreSQL server other processes may ingest too (the CLI): their commits drop our cached answers
  const listener = await followGraphChanges(db, app.invalidateCache, console.error);
  // the webhook outbox is sent from each server (rows are claimed with SKIP LOCKED: several may share one PostgreSQL)
  const deliveries = startDeliveryWorker(db.prisma, { allowPrivateNetwork: process.env.ALLOW_PRIVATE_URLS === '1', log: console.error });
  // NEO4J_URI set: the projection catches up from the sync queue in the background
  const neo4jWorker = neo4j ? startNeo4jWorker(db, neo4j, { log: console.error }) : null;
  console.log(`Policy Graph dashboard: ${app.url.replace(/graphql$/, '')}\nGraphQL API and GraphiQL: ${app.url}`);
  // the embedded database has one writer, this process: `ingest` finds us here and sends its inputs to the API
  const unannounce = db.engine === 'pglite' && db.location !== ':memory:' ? announceServer(db.location, `http://${reachableHost(host)}:${app.port}/graphql`) : () => {};
  const shutdown = async () => {
    unannounce();
    stopCollecting();
    await neo4jWorker?.stop();
    await traversal?.close();
    await listener?.close();
    await app.close();
    await deliveries.stop();
    await pool.close();
    await db.close();
    process.exit(0);
  };
  // once, whichever comes first of SIGINT, SIGTERM and the parent's disconnect
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= shutdown());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // forked by bench:api (REPORT_TO_PARENT=1), which measures the server as `npm start` runs it:
  // port, memory and requests in flight for the parent, which stops us by disconnecting
  reportToParent(app.server, stop, app.cacheStats);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runServe(process.argv.slice(2)).then(
    (code) => code && process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
