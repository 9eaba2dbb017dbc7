// One writer on the embedded database, seen from the CLI: while `serve` holds the PGlite folder,
// `ingest` sends its inputs to the server's API with a key (the policies are in the server's
// answers at once and still there after a restart), and without a key refuses, naming the server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/db.js';
import { generatePolicy } from '../src/corpus/generate.js';
import { documentRng } from '../src/corpus/random.js';
import { createKey } from '../src/store/api-keys.js';
import { ingestGraph } from '../src/store/ingest.js';
import { zoomPolicy } from './helpers/fixtures.js';

const root = mkdtempSync(path.join(tmpdir(), 'pg-forward-'));
const dataDir = path.join(root, 'db');
const env = { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: '', POLICY_GRAPH_KEY: '', NODE_ENV: 'test' };
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

const cli = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...env, ...extra } });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startServe(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('GraphQL API')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return child;
}

async function policyCount(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ policies { totalCount } }' }) });
  return ((await res.json()) as { data: { policies: { totalCount: number } } }).data.policies.totalCount;
}

describe('ingest while the server holds the embedded database', () => {
  // four processes start here, each loading TypeScript: slow on a loaded machine
  it('sends the inputs to the server with a key, refuses without one, and nothing is lost on restart', { timeout: 180_000 }, async () => {
    // a key, and one policy so that the server skips seeding
    const setup = await openDb({ dataDir });
    const { key } = await createKey(setup.prisma, 'forward-test', ['write']);
    await ingestGraph(setup.prisma, zoomPolicy('already-here.txt', 'Vorhandene Praxis GmbH'));
    await setup.close();
    const files = [0, 1].map((i) => {
      const file = path.join(root, `policy-${i}.txt`);
      writeFileSync(file, generatePolicy(i, documentRng(7, i)).text);
      return file;
    });
    const port = await freePort();
    server = await startServe(port);
    const seeded = await policyCount(port);
    expect(seeded).toBe(1);
    expect(existsSync(`${dataDir}.server.json`)).toBe(true);

    const refused = cli(['ingest', ...files]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`http://127.0.0.1:${port}/graphql`);
    expect(refused.stderr).toMatch(/--key/);

    const sent = cli(['ingest', ...files], { POLICY_GRAPH_KEY: key });
    expect(sent.stderr + sent.stdout).toMatch(/2 new versions, 0 unchanged, 0 failed/);
    expect(sent.status).toBe(0);
    expect(await policyCount(port)).toBe(seeded + 2); // in the server's answers at once

    const again = cli(['ingest', files[0]], { POLICY_GRAPH_KEY: key });
    expect(again.stdout).toMatch(/0 new versions, 1 unchanged/);

    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
    expect(existsSync(`${dataDir}.server.json`)).toBe(false);
    const db = await openDb({ dataDir });
    expect(await db.prisma.policy.count()).toBe(seeded + 2);
    await db.close();
  });
});
