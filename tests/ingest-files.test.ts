// Bulk ingestion (worker-pool extraction, one transaction per file): good files land, bad ones
// fail alone with the same typed errors as a single ingest.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db.js';
import { ingestFiles, type FileOutcome } from '../src/store/ingest-files.js';
import { seedFiles } from '../src/store/seed.js';

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
});
