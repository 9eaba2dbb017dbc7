// Every command reads its arguments the same strict way: --help answers 0, a bad argument is
// refused with a usage line and exit 2 before any database is opened.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runExport } from '../src/cli/export.js';
import { runExtract } from '../src/cli/extract.js';
import { runIngest } from '../src/cli/ingest.js';
import { runServe } from '../src/cli/serve.js';

describe('CLI usage', () => {
  let dir: string;
  const env = { ...process.env };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pg-usage-'));
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = path.join(dir, 'pglite');
  });
  afterAll(() => {
    process.env = env;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers --help on every command with exit 0', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    for (const run of [runExtract, runIngest, runExport, runServe]) expect(await run(['--help'])).toBe(0);
    expect(log.mock.calls.every((c) => String(c[0]).startsWith('usage: policy-graph'))).toBe(true);
    log.mockRestore();
  });

  it('refuses unknown options, missing and invalid values with exit 2, and opens no database', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cases: [typeof runExport, string[]][] = [
      [runExport, ['--mechanism']],
      [runExport, ['--mechanism', 'FOO']],
      [runExport, ['--certainty', 'maybe']],
      [runExport, ['--format', 'xml']],
      [runExport, ['--bogus']],
      [runIngest, ['--frobnicate', 'x.txt']],
      [runIngest, []],
      [runExtract, ['--format', 'yaml', 'x.txt']],
      [runExtract, []],
      [runServe, ['--port', 'eighty']],
      [runServe, ['--port', '70000']],
    ];
    for (const [run, args] of cases) expect(await run(args), args.join(' ')).toBe(2);
    expect(err.mock.calls.some((c) => /must be one of SCC, DPF, BCR, ADEQUACY, ART49, OTHER/.test(String(c[0])))).toBe(true);
    expect(existsSync(process.env.PGLITE_DIR!)).toBe(false);
    err.mockRestore();
  });

  it('the bin runs from any directory and exits 2 without a command', () => {
    const bin = path.resolve('bin/policy-graph.mjs');
    const none = spawnSync(process.execPath, [bin], { cwd: tmpdir(), encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/usage: policy-graph <command>/);
    const help = spawnSync(process.execPath, [bin, 'extract', '--help'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(help.status).toBe(0);
  });
});
