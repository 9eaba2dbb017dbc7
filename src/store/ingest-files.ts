// Bulk ingestion of many files: extraction in a worker pool, writes on the main thread, a
// bounded number of policies in flight so memory stays flat however many files there are.
// Each policy is still one transaction through ingestGraph, so a failure touches only its file.
import type { PrismaClient } from '../generated/prisma/client.js';
import { createExtractPool, type ExtractPool } from './extract-pool.js';
import { ingestGraph, type IngestResult } from './ingest.js';
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
  /** Policies extracted or written at once (default: three per extraction thread). */
  inFlight?: number;
  /** Extraction threads when no pool is given (default: one per core). */
  threads?: number;
  pool?: ExtractPool;
  /** Called once per file as it finishes, in completion order. */
  onOutcome?: (o: FileOutcome) => void;
}

export interface IngestFilesSummary {
  created: number;
  unchanged: number;
  failed: number;
}

export async function ingestFiles(prisma: PrismaClient, items: FileItem[], opts: IngestFilesOptions = {}): Promise<IngestFilesSummary> {
  const pool = opts.pool ?? createExtractPool(opts.threads);
  const summary: IngestFilesSummary = { created: 0, unchanged: 0, failed: 0 };
  let next = 0;
  const runner = async () => {
    while (next < items.length) {
      const item = items[next++];
      const outcome = await ingestOne(prisma, pool, item);
      if (outcome.error) summary.failed++;
      else if (outcome.result!.created) summary.created++;
      else summary.unchanged++;
      opts.onOutcome?.(outcome);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(items.length, opts.inFlight ?? pool.threads * 3) }, runner));
  } finally {
    if (!opts.pool) await pool.close();
  }
  return summary;
}

async function ingestOne(prisma: PrismaClient, pool: ExtractPool, item: FileItem): Promise<FileOutcome> {
  try {
    const extracted = await pool.extract({ path: item.path, doc: item.source });
    if (extracted.error) throw mapExtractError(Object.assign(new Error(extracted.error.message), extracted.error), null);
    return { item, result: await ingestGraph(prisma, extracted.graph, { source: item.source, contentType: /\.html?$/i.test(item.path) ? 'text/html' : 'text/plain' }) };
  } catch (e) {
    return { item, error: e instanceof Error ? e : new Error(String(e)) };
  }
}
