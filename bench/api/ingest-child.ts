// The bulk load of `bench:api --during-ingest`, in a process of its own (as `policy-graph
// ingest DIR` would run beside the server): every file of a folder through the product's bulk
// path (src/store/ingest-files.ts: worker-pool extraction, batched transactions, each commit
// notifying listening servers) into DATABASE_URL, each policy named by its real path as the CLI
// names it. Opens the database, says "ready", starts on "go" — so the parent can start its
// load at the same moment — reports progress and ends with "done". Exits when the parent goes.
import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { openDbFromEnv } from '../../src/db.js';
import { ingestFiles } from '../../src/store/ingest-files.js';

export type IngestChildMessage =
  | { type: 'ready' }
  | { type: 'progress'; done: number; failed: number }
  | { type: 'done'; policies: number; created: number; failed: number; seconds: number; firstErrors: string[] };

const send = (m: IngestChildMessage) => new Promise<void>((resolve) => process.send!(m, () => resolve()));
const orphaned = () => process.exit(1);
process.on('disconnect', orphaned);

const dir = process.argv[2];
const files = readdirSync(dir).sort().map((f) => realpathSync(path.join(dir, f)));
const db = await openDbFromEnv();
await new Promise<void>((resolve) => {
  process.on('message', (m: { type?: string }) => m?.type === 'go' && resolve());
  void send({ type: 'ready' });
});
const errors: string[] = [];
let done = 0;
let failed = 0;
const t0 = performance.now();
const summary = await ingestFiles(
  db.prisma,
  files.map((f) => ({ path: f, source: f })),
  {
    onOutcome: (o) => {
      done++;
      if (o.error) {
        failed++;
        if (errors.length < 5) errors.push(`${o.item.path}: ${o.error.message}`);
      }
      void send({ type: 'progress', done, failed });
    },
  },
);
const seconds = (performance.now() - t0) / 1000;
await send({ type: 'done', policies: files.length, created: summary.created, failed: summary.failed, seconds, firstErrors: errors });
process.off('disconnect', orphaned);
await db.close();
process.exit(0);
