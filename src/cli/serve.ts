// `serve`: opens the database (PGlite in .data/ unless DATABASE_URL is set), applies
// migrations, ingests the seed policies on an empty database, and serves GraphQL + GraphiQL.
import { pathToFileURL } from 'node:url';
import { openDbFromEnv } from '../db.js';
import { seedIfEmpty } from '../store/seed.js';
import { startServer } from '../server.js';
import { createExtractPool } from '../store/extract-pool.js';
import { listenForGraphChanges } from '../store/changes.js';

/** Starts the server; resolves (to exit code 0) once it listens — the process stays up until SIGINT/SIGTERM. */
export async function runServe(argv: string[] = []): Promise<number> {
  const portArg = argv.find((a) => a.startsWith('--port='))?.slice(7) ?? (argv.includes('--port') ? argv[argv.indexOf('--port') + 1] : undefined);
  const port = Number(portArg ?? process.env.PORT ?? 4000);
  const t0 = Date.now();
  const db = await openDbFromEnv();
  console.log(`database: ${db.engine} (${db.location}), migrations applied in ${Date.now() - t0} ms`);
  const seeded = await seedIfEmpty(db.prisma, { log: (m) => console.log(m) });
  if (seeded.length) console.log(`seeded ${seeded.filter((s) => s.result).length}/${seeded.length} policies in ${Date.now() - t0} ms`);
  // ingestPolicy extracts on worker threads: a long policy must not stall every other request.
  const pool = createExtractPool();
  // ALLOW_PRIVATE_URLS=1 lets ingestPolicy fetch from local/private hosts (off by default: SSRF).
  const app = await startServer(db, port, {
    ingestOptions: { allowPrivateNetwork: process.env.ALLOW_PRIVATE_URLS === '1', extract: pool.extractInput },
  });
  // On a PostgreSQL server other processes may ingest too (the CLI): their commits drop our cached answers.
  const listener = db.server ? await listenForGraphChanges(db.server.url, db.server.schema, app.invalidateCache, { log: console.error }) : null;
  console.log(`Policy Graph GraphQL API and GraphiQL: ${app.url}`);
  const stop = async () => {
    await listener?.close();
    await app.close();
    await pool.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runServe(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
