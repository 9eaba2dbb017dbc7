// One writer on the embedded database: a second process (or a second open in this one) on the
// same PGlite folder is refused with a message that says what to do; a stale lock is recovered.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/db.js';
import { DataDirLockedError } from '../src/store/data-lock.js';

const root = mkdtempSync(path.join(tmpdir(), 'pg-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('embedded database lock', () => {
  it('refuses a second opener of the same folder, in this process and in another, until the first closes', async () => {
    const dir = path.join(root, 'a');
    const db = await openDb({ dataDir: dir });
    await expect(openDb({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import('./src/db.ts').then((m) => m.openDb({ dataDir: ${JSON.stringify(dir)} })).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`], { encoding: 'utf8', cwd: process.cwd() });
    expect(child.status).toBe(3);
    expect(child.stderr).toMatch(/in use by another process/);
    await db.close();
    const again = await openDb({ dataDir: dir });
    expect(await again.prisma.policy.count()).toBe(0);
    await again.close();
  });

  it('takes over a lock left behind by a process that died', async () => {
    const dir = path.join(root, 'b');
    mkdirSync(dir, { recursive: true });
    mkdirSync(`${dir}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${dir}.lock`, old, old);
    const db = await openDb({ dataDir: dir });
    await db.close();
  });
});
