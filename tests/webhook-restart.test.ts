// The outbox survives a restart: deliveries queued by an ingest while no worker runs are sent by
// the worker of the next process to open the database — nothing lost, nothing sent twice. On
// PGlite with a data folder, and (with TEST_DATABASE_URL) on PostgreSQL with two workers
// competing for the same rows (FOR UPDATE SKIP LOCKED).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { openDb, type Db, type OpenDbOptions } from '../src/db.js';
import { ingestGraph } from '../src/store/ingest.js';
import { registerWebhook } from '../src/store/webhooks.js';
import { startDeliveryWorker } from '../src/store/webhook-worker.js';
import { zoomPolicy } from './helpers/fixtures.js';
import { startReceiver } from './helpers/receiver.js';

interface Place {
  name: string;
  options: OpenDbOptions;
  cleanup(): Promise<void>;
}

const dir = mkdtempSync(path.join(tmpdir(), 'pg-webhook-restart-'));
const places: Place[] = [{ name: 'pglite (data folder)', options: { dataDir: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }];
const url = process.env.TEST_DATABASE_URL;
if (url) {
  const schema = `t_${randomBytes(5).toString('hex')}`;
  places.push({
    name: 'postgres',
    options: { databaseUrl: url, pgSchema: schema },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  });
} else {
  describe.skip('webhook outbox across a restart on postgres (TEST_DATABASE_URL unset)', () => it('skipped', () => {}));
}

describe.each(places)('webhook outbox across a restart on $name', (place) => {
  afterAll(() => place.cleanup());

  it('sends after reopening what was queued before closing, each change once', async () => {
    const receiver = await startReceiver();
    let db: Db = await openDb(place.options);
    const hook = await registerWebhook(db.prisma, { url: receiver.url, events: ['MECHANISM_DROPPED', 'MECHANISM_ADDED'] }, { allowPrivateNetwork: true });
    const version = (mechanisms: ('SCC' | 'DPF' | 'BCR')[]) => ({ ...zoomPolicy('restart.txt', 'Neustart GmbH', 'Zoom Video Communications, Inc.', mechanisms), text: `Datenschutz bei der Neustart GmbH: Zoom mit ${mechanisms.join(', ')}.` });
    await ingestGraph(db.prisma, version(['SCC', 'DPF']));
    await ingestGraph(db.prisma, version(['BCR']));
    const queued = (await db.prisma.webhookDelivery.findMany({ select: { id: true } })).map((d) => d.id).sort();
    expect(queued).toHaveLength(3); // SCC and DPF dropped, BCR added
    await db.close();

    db = await openDb(place.options);
    // two workers on one database (two servers on one PostgreSQL; on PGlite one process anyway)
    const workers = [startDeliveryWorker(db.prisma, { allowPrivateNetwork: true, pollMs: 20, batchSize: 1 }), startDeliveryWorker(db.prisma, { allowPrivateNetwork: true, pollMs: 20, batchSize: 1 })];
    try {
      await receiver.waitFor(3);
      await Promise.all(workers.map((w) => w.stop()));
      expect(receiver.received.map((r) => String(r.headers['webhook-id'])).sort()).toEqual(queued);
      const kinds = receiver.received.map((r) => (new Webhook(hook.secret).verify(r.body, r.headers as Record<string, string>) as { data: { kind: string; mechanism: string } }).data);
      expect(kinds.map((k) => `${k.kind} ${k.mechanism}`).sort()).toEqual(['MECHANISM_ADDED BCR', 'MECHANISM_DROPPED DPF', 'MECHANISM_DROPPED SCC']);
      expect(await db.prisma.webhookDelivery.count({ where: { status: 'DELIVERED', attempts: 1 } })).toBe(3);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await db.close();
      await receiver.close();
    }
  }, 180_000); // a fresh PGlite folder takes ~25 s to initialise and migrate on this machine
});
