// CLI `ingest` and `export` against a PGlite folder (what a user gets without DATABASE_URL).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runIngest } from '../src/cli/ingest.js';
import { runExport } from '../src/cli/export.js';
import { openDbFromEnv } from '../src/db.js';

describe('CLI ingest and export (PGlite folder)', () => {
  let dir: string;
  const env = { ...process.env };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pg-cli-'));
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = path.join(dir, 'pglite');
  });
  afterAll(() => {
    process.env = env;
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests a directory, then re-ingests a file as unchanged', { timeout: 180_000 }, async () => { // spawns the CLI: slow on a loaded machine
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await runIngest(['seed'])).toBe(0);
    expect(log.mock.calls.at(-1)?.[0]).toMatch(/5 inputs .*: 5 new versions, 0 unchanged, 0 failed/);
    expect(await runIngest(['seed/000_471b3609fddf17c4.txt'])).toBe(0);
    expect(log.mock.calls.at(-1)?.[0]).toMatch(/0 new versions, 1 unchanged/);
    // the same file named from elsewhere (absolute path, a detour through ..) is the same policy
    expect(await runIngest([path.resolve('seed/000_471b3609fddf17c4.txt')])).toBe(0);
    expect(await runIngest([`../${path.basename(process.cwd())}/seed/000_471b3609fddf17c4.txt`])).toBe(0);
    expect(log.mock.calls.at(-1)?.[0]).toMatch(/0 new versions, 1 unchanged/);
    const db = await openDbFromEnv();
    expect(await db.prisma.policy.count()).toBe(5);
    await db.close();
    log.mockRestore();
  });

  it('reports a missing or unusable input with exit code 1 or 2', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runIngest([])).toBe(2);
    expect(await runIngest(['ftp://nowhere.example/x'])).toBe(2);
    expect(await runIngest(['--frobnicate', 'seed'])).toBe(2);
    expect(await runIngest(['--threads', 'many', 'seed'])).toBe(2);
    expect(await runIngest(['no/such/file.txt'])).toBe(1);
    expect(err.mock.calls.some((c) => String(c[0]).startsWith('failed no/such/file.txt'))).toBe(true);
    err.mockRestore();
  });

  it('exports the Zoom/US transfers as CSV and JSON', async () => {
    const out = path.join(dir, 'zoom.csv');
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runExport(['--service', 'Zoom', '--country', 'US', '--out', out])).toBe(0);
    const csv = readFileSync(out, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('controller,recipient,recipientCountry,service,country,thirdCountry,mechanisms,coveredBy,certainty,dpfId,source,lastUpdated,contentHash,section,quote');
    expect(csv.length).toBeGreaterThanOrEqual(2);
    expect(csv.slice(1).every((l) => l.includes('Zoom') && l.includes(',US,'))).toBe(true);
    const json = path.join(dir, 'zoom.json');
    expect(await runExport(['--format', 'json', '--service', 'zoom', '--country', 'US', '--out', json])).toBe(0);
    const rows = JSON.parse(readFileSync(json, 'utf8'));
    expect(rows).toHaveLength(csv.length - 1);
    expect(rows[0]).toMatchObject({ country: 'US', service: 'Zoom' });
    expect(await runExport(['--bogus'])).toBe(2);
    expect(await runExport(['--covered-by', 'maybe'])).toBe(2);
    err.mockRestore();
  });
});
