// Bulk ingestion (worker-pool extraction, batched transactions): good files land, bad ones
// fail alone with the same typed errors as a single ingest; the pool also serves single inputs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db.js';
import { ingestFiles, type FileOutcome } from '../src/store/ingest-files.js';
import { seedFiles } from '../src/store/seed.js';
import { createExtractPool } from '../src/store/extract-pool.js';
import { ingestInput } from '../src/store/ingest-input.js';
import { extractPolicy } from '../src/extract/index.js';

describe('ingestFiles', () => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    db = await openDb();
    dir = mkdtempSync(path.join(tmpdir(), 'pg-bulk-'));
    writeFileSync(path.join(dir, 'recipe.txt'), 'Man nehme drei Eier, Mehl und Zucker und verrühre alles zu einem glatten Teig. '.repeat(20));
    writeFileSync(path.join(dir, 'empty.txt'), '');
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every good file, reports each bad one with its typed error, and is idempotent', async () => {
    const [a, b] = seedFiles();
    const items = [a, path.join(dir, 'recipe.txt'), b, path.join(dir, 'empty.txt')].map((p) => ({ path: p, source: path.basename(p) }));
    const outcomes: FileOutcome[] = [];
    const summary = await ingestFiles(db.prisma, items, { threads: 2, onOutcome: (o) => outcomes.push(o) });
    expect(summary).toEqual({ created: 2, unchanged: 0, failed: 2 });
    const errorOf = (name: string) => outcomes.find((o) => o.item.source === name)?.error?.name;
    expect(errorOf('recipe.txt')).toBe('NotAPolicyError');
    expect(errorOf('empty.txt')).toBe('InvalidInputError');
    expect((await db.prisma.policy.findMany({ orderBy: { source: 'asc' } })).map((p) => p.source)).toEqual([path.basename(a), path.basename(b)].sort());
    expect(await ingestFiles(db.prisma, items.filter((i) => !i.source.startsWith('recipe') && !i.source.startsWith('empty')))).toEqual({ created: 0, unchanged: 2, failed: 0 });
  });

  it('extracts handed-over input on a worker thread: the same graph, the same typed errors', async () => {
    const pool = createExtractPool(1);
    try {
      const text = readFileSync(seedFiles()[2], 'utf8');
      expect(await pool.extractInput(text, { doc: 'x' })).toEqual(extractPolicy(text, { doc: 'x' }));
      const recipe = readFileSync(path.join(dir, 'recipe.txt'), 'utf8');
      await expect(ingestInput(db.prisma, { text: recipe }, { extract: pool.extractInput })).rejects.toMatchObject({ name: 'NotAPolicyError' });
    } finally {
      await pool.close();
    }
  });

  it('stops a document that runs past its time budget with a typed error, and the pool goes on', async () => {
    const pool = createExtractPool(1, 1); // 1 ms: no extraction (with a worker's start) fits
    const text = readFileSync(seedFiles()[2], 'utf8');
    try {
      await expect(ingestInput(db.prisma, { text }, { extract: pool.extractInput })).rejects.toMatchObject({ name: 'InvalidInputError', code: 'TOO_COMPLEX' });
    } finally {
      await pool.close();
    }
    const roomy = createExtractPool(1, 60_000);
    try {
      expect((await roomy.extractInput(text, { doc: 'x' })).recipients.length).toBeGreaterThan(0);
    } finally {
      await roomy.close();
    }
  });
});
