// Bulk ingestion of many files: extraction in a worker pool, writes on the main thread in
// batches (one transaction per batch of policies, see ingestGraphs), with a bounded number of
// policies in flight so memory stays flat however many files there are. A file that fails
// fails alone; the others land.
import type { PrismaClient } from '../generated/prisma/client.js';
import { createExtractPool, type ExtractPool } from './extract-pool.js';
import { ingestGraphs, type GraphToIngest, type IngestResult } from './ingest.js';
import { mapExtractError } from './ingest-input.js';

export interface FileItem {
  path: string;
  /** Where the policy is published (recorded as its source). */
  source: string;
}

export interface FileOutcome {
  item: FileItem;
  result?: IngestResult;
  error?: Error;
}

export interface IngestFilesOptions {
  /** Extraction threads when no pool is given (default: one per core). */
  threads?: number;
  pool?: ExtractPool;
  /** Policies written per transaction (default 16). */
  batchSize?: number;
  /** Transactions written at once (default 2). */
  writers?: number;
  /** Called once per file as it finishes, in completion order. */
  onOutcome?: (o: FileOutcome) => void;
}

export interface IngestFilesSummary {
  created: number;
  unchanged: number;
  failed: number;
}

interface Extracted {
  item: FileItem;
  toIngest: GraphToIngest;
}

export async function ingestFiles(prisma: PrismaClient, items: FileItem[], opts: IngestFilesOptions = {}): Promise<IngestFilesSummary> {
  const pool = opts.pool ?? createExtractPool(opts.threads);
  const batchSize = opts.batchSize ?? 16;
  const writers = opts.writers ?? 2;
  const summary: IngestFilesSummary = { created: 0, unchanged: 0, failed: 0 };
  const report = (o: FileOutcome) => {
    if (o.error) summary.failed++;
    else if (o.result!.created) summary.created++;
    else summary.unchanged++;
    opts.onOutcome?.(o);
  };

  // Extracted graphs waiting to be written; extraction pauses while enough are waiting.
  const ready: Extracted[] = [];
  const maxReady = batchSize * writers * 2;
  let extracting = true;
  const queued = new Signal(); // something was queued, or extraction ended
  const room = new Signal(); // the queue shrank

  const extractAll = async () => {
    let next = 0;
    const extractor = async () => {
      while (next < items.length) {
        while (ready.length >= maxReady) await room.wait();
        const item = items[next++];
        const extracted = await extractOne(pool, item);
        if ('error' in extracted) report({ item, error: extracted.error });
        else {
          ready.push({ item, toIngest: extracted });
          queued.notify();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(items.length, pool.threads * 2) }, extractor));
    extracting = false;
    queued.notify();
  };

  const writeAll = async () => {
    const writer = async () => {
      for (;;) {
        if (!ready.length) {
          if (!extracting) return;
          await queued.wait();
          continue;
        }
        const batch = takeBatch(ready, batchSize);
        room.notify();
        const outcomes = await ingestGraphs(prisma, batch.map((b) => b.toIngest));
        outcomes.forEach((o, i) => report({ item: batch[i].item, ...o }));
      }
    };
    await Promise.all(Array.from({ length: writers }, writer));
  };

  try {
    await Promise.all([extractAll(), writeAll()]);
  } finally {
    if (!opts.pool) await pool.close();
  }
  return summary;
}

/** Wakes everyone waiting at the time of notify(). */
class Signal {
  private waiters: (() => void)[] = [];
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** Up to `size` queued policies with distinct sources (a source's versions keep their order). */
function takeBatch(ready: Extracted[], size: number): Extracted[] {
  const batch: Extracted[] = [];
  const sources = new Set<string>();
  for (let i = 0; i < ready.length && batch.length < size; ) {
    const source = ready[i].item.source;
    if (sources.has(source)) break;
    sources.add(source);
    batch.push(...ready.splice(i, 1));
  }
  return batch;
}

async function extractOne(pool: ExtractPool, item: FileItem): Promise<GraphToIngest | { error: Error }> {
  try {
    const extracted = await pool.extract({ path: item.path, doc: item.source });
    if (extracted.error) return { error: mapExtractError(Object.assign(new Error(extracted.error.message), extracted.error), null) };
    return { graph: extracted.graph, source: item.source, contentType: /\.html?$/i.test(item.path) ? 'text/html' : 'text/plain' };
  } catch (e) {
    return { error: e instanceof Error ? e : new Error(String(e)) };
  }
}
