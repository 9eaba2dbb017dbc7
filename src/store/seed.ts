// Loads the seed policies (seed/*.txt, *.html) into an empty database through the same
// ingestion path as the API and the CLI (ingestInput → extract → ingestGraph).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '../generated/prisma/client.js';
import { ingestInput, type IngestInputOptions, type IngestResult } from './ingest-input.js';

export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seed');

export function seedFiles(dir = SEED_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(txt|html?)$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Source recorded for a seed file: "seed/<name>", stable across machines. */
export function seedSource(file: string): string {
  return `seed/${path.basename(file)}`;
}

export async function ingestFile(prisma: PrismaClient, file: string, source: string, opts?: IngestInputOptions): Promise<IngestResult> {
  const content = readFileSync(file, 'utf8');
  return ingestInput(prisma, /\.html?$/i.test(file) ? { html: content, source } : { text: content, source }, opts);
}

/** Ingests the seeds when no policy is stored yet. Returns what was ingested (empty when not empty). */
export async function seedIfEmpty(
  prisma: PrismaClient,
  opts: { dir?: string; log?: (msg: string) => void } = {},
): Promise<{ file: string; result?: IngestResult; error?: string }[]> {
  if ((await prisma.policy.count()) > 0) return [];
  const out: { file: string; result?: IngestResult; error?: string }[] = [];
  for (const file of seedFiles(opts.dir)) {
    try {
      const result = await ingestFile(prisma, file, seedSource(file));
      out.push({ file, result });
      opts.log?.(`seeded ${seedSource(file)}: ${result.summary.recipients} recipients, ${result.summary.transfers} transfers`);
    } catch (e) {
      out.push({ file, error: (e as Error).message });
      opts.log?.(`seed ${seedSource(file)} failed: ${(e as Error).message}`);
    }
  }
  return out;
}
