// Sends the webhook outbox (WebhookDelivery rows written by the ingest transaction), inside the
// server process. Each round claims due rows with one statement — `FOR UPDATE SKIP LOCKED`, so
// several servers on one PostgreSQL never claim the same row — and leases them: the claim moves
// `nextAttemptAt` past the attempt's time-out, so a row whose server died mid-attempt becomes due
// again (at-least-once; the webhook-id header lets a receiver drop repeats). A failed attempt is
// retried after an exponentially growing delay up to a cap; after `maxAttempts` the row is DEAD.
import type { PrismaClient } from '../generated/prisma/client.js';
import { sendWebhook, type SendOptions } from './webhook-send.js';

export interface DeliveryOptions {
  /** Time between rounds when the outbox has nothing due (default WEBHOOK_POLL_MS or 1,000 ms). */
  pollMs?: number;
  /** Rows claimed per round, sent concurrently (default 16). */
  batchSize?: number;
  /** Per-request time-out (default 10 s). */
  timeoutMs?: number;
  /** Bytes of a receiver's answer read at most (default 1,024). */
  maxResponseBytes?: number;
  /** Delay after the first failure; doubles after each further one (default 10 s). */
  backoffMs?: number;
  /** Longest delay between attempts (default 1 h). */
  maxBackoffMs?: number;
  /** Attempts before a delivery is given up as DEAD (default 10). */
  maxAttempts?: number;
  /** Deliver to loopback / private addresses (ALLOW_PRIVATE_URLS=1; tests). */
  allowPrivateNetwork?: boolean;
  log?: (msg: string) => void;
}

type Resolved = Required<Omit<DeliveryOptions, 'log' | 'allowPrivateNetwork'>> & Pick<DeliveryOptions, 'log' | 'allowPrivateNetwork'>;

function resolve(opts: DeliveryOptions): Resolved {
  return {
    pollMs: opts.pollMs ?? (Number(process.env.WEBHOOK_POLL_MS) || 1000),
    batchSize: opts.batchSize ?? 16,
    timeoutMs: opts.timeoutMs ?? 10_000,
    maxResponseBytes: opts.maxResponseBytes ?? 1024,
    backoffMs: opts.backoffMs ?? 10_000,
    maxBackoffMs: opts.maxBackoffMs ?? 3_600_000,
    maxAttempts: opts.maxAttempts ?? 10,
    allowPrivateNetwork: opts.allowPrivateNetwork,
    log: opts.log,
  };
}

/** The wait after failed attempt number `attempt` (1-based): base · 2^(attempt−1), at most `cap`. */
export function backoffDelay(attempt: number, base: number, cap: number): number {
  return Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
}

interface Claimed {
  id: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Claims up to `batchSize` due rows. Timestamps are passed from here (UTC, like every DateTime
 * Prisma writes) rather than taken from the server's now(), whose conversion to a column
 * without time zone depends on the session's TimeZone.
 */
async function claim(prisma: PrismaClient, o: Resolved, now: Date): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + o.timeoutMs * 2 + 5_000);
  return prisma.$queryRawUnsafe<Claimed[]>(
    `UPDATE "WebhookDelivery" d SET "attempts" = d."attempts" + 1, "lastAttemptAt" = $2::timestamp(3), "nextAttemptAt" = $3::timestamp(3)
     FROM "Webhook" w
     WHERE w."id" = d."webhookId" AND d."id" IN (
       SELECT "id" FROM "WebhookDelivery" WHERE "status" = 'PENDING' AND "nextAttemptAt" <= $2::timestamp(3)
       ORDER BY "nextAttemptAt", "id" LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING d."id", d."payload", d."attempts", w."url", w."secret"`,
    o.batchSize,
    now.toISOString(),
    leaseUntil.toISOString(),
  );
}

/** One round: claims the due rows, sends them, records each outcome. Resolves to how many were attempted. */
export async function deliverDue(prisma: PrismaClient, opts: DeliveryOptions = {}): Promise<number> {
  const o = resolve(opts);
  const rows = await claim(prisma, o, new Date());
  const send: SendOptions = { timeoutMs: o.timeoutMs, maxResponseBytes: o.maxResponseBytes, allowPrivateNetwork: o.allowPrivateNetwork };
  await Promise.all(
    rows.map(async (row) => {
      const r = await sendWebhook({ id: row.id, payload: row.payload, secret: row.secret, url: row.url }, send);
      const done = new Date();
      if (r.ok) {
        await prisma.webhookDelivery.updateMany({ where: { id: row.id }, data: { status: 'DELIVERED', deliveredAt: done, lastStatusCode: r.status, lastError: null } });
        return;
      }
      const dead = row.attempts >= o.maxAttempts;
      const next = new Date(done.getTime() + backoffDelay(row.attempts, o.backoffMs, o.maxBackoffMs));
      o.log?.(`webhook delivery ${row.id} to ${row.url}, attempt ${row.attempts}: ${r.error}${dead ? ' — giving up' : ''}`);
      await prisma.webhookDelivery.updateMany({
        where: { id: row.id },
        data: { status: dead ? 'DEAD' : 'PENDING', nextAttemptAt: next, lastStatusCode: r.status, lastError: r.error?.slice(0, 2000) ?? null },
      });
    }),
  );
  return rows.length;
}

export interface DeliveryWorker {
  /** Runs a round now (e.g. after an ingest queued deliveries) instead of at the next poll. */
  wake(): void;
  /** Stops polling and waits for the round in progress. */
  stop(): Promise<void>;
}

/** Polls the outbox every `pollMs`; a full round is followed at once by the next. */
export function startDeliveryWorker(prisma: PrismaClient, opts: DeliveryOptions = {}): DeliveryWorker {
  const o = resolve(opts);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const round = async () => {
    try {
      while (!stopped && (await deliverDue(prisma, o)) >= o.batchSize);
    } catch (e) {
      if (!stopped) o.log?.(`webhook delivery round failed: ${(e as Error).message}`);
    }
  };
  const run = () => {
    clearTimeout(timer);
    if (stopped || running) return;
    running = round().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(run, o.pollMs);
    });
  };
  timer = setTimeout(run, 0);
  return {
    wake: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
