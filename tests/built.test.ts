// The compiled server and CLI in dist/ — what `npm start` and the bin run, plain node with no
// TypeScript loader. dist/ is first brought up to date with the sources under test
// (scripts/build.mjs --if-stale: nothing to do when `npm install` or an earlier run built it
// from these sources). From dist/: extraction prints what the sources print, `ingest` migrates
// a new database and extracts on compiled workers (under a V8 flag, which a worker refuses to
// be handed) storing what the sources store, and `npm start` serves the dashboard, GraphiQL
// and the seeds' answers without tsx or esbuild in its process tree.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db.js';
import { workerModule } from '../src/store/extract-pool.js';
import { ingestFiles } from '../src/store/ingest-files.js';
import { seedFiles } from '../src/store/seed.js';
import { EXAMPLE_QUERY } from '../src/graphql/examples.js';
import { SERVER_NODE_FLAGS } from '../src/cli/v8-flags.js';
import { freePort } from '../bench/api/server-process.js';

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'pg-built-'));
const env = { ...process.env, DATABASE_URL: '', NODE_ENV: 'test' };
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(() => {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, encoding: 'utf8' });
  expect(r.status, `scripts/build.mjs failed:\n${r.stdout}${r.stderr}`).toBe(0);
}, 300_000);

const node = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...env, ...extra } });

/** Every current transfer, as one comparable line each. */
async function transfers(db: Db): Promise<string[]> {
  const rows = await db.prisma.transfer.findMany({ where: { version: { isCurrent: true } }, include: { controller: true, recipient: true, evidence: true } });
  return rows
    .map((t) => [t.controller.name, t.recipient.name, t.countryCode, [...t.mechanisms].sort().join('+'), t.certainty, t.evidence.map((e) => e.quote).sort().join(' | ')].join(' / '))
    .sort();
}


/** Command lines of `pid` and everything below it (Linux /proc). */
function processTree(pid: number): string[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: string[] = [];
  const visit = (p: number) => {
    try {
      out.push(readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ').trim());
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return out;
}

describe('the extraction worker for built and for source modules', () => {
  it('built: extract-worker.js with no flags of ours (the worker inherits the parent’s); sources: extract-worker.ts with tsx', () => {
    const built = workerModule('file:///app/dist/store/extract-pool.js', ['--max-old-space-size=200']);
    expect(built).toEqual({ filename: 'file:///app/dist/store/extract-worker.js' });
    expect(workerModule('file:///app/src/store/extract-pool.ts', [])).toEqual({ filename: 'file:///app/src/store/extract-worker.ts', execArgv: ['--import', 'tsx'] });
    const underTsx = ['--require', '/app/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///app/node_modules/tsx/dist/loader.mjs'];
    expect(workerModule('file:///app/src/store/extract-pool.ts', underTsx).execArgv).toEqual(underTsx);
    // and the built one is where the compiled pool will look for it
    const pool = path.join(root, 'dist/store/extract-pool.js');
    expect(existsSync(pool)).toBe(true);
    expect(existsSync(fileURLToPath(workerModule(pathToFileURL(pool).href, []).filename))).toBe(true);
  });
});

describe('the CLI from dist/', () => {
  const [first, second] = seedFiles();

  it('extracts a seed exactly as the sources do', () => {
    const built = node(['dist/cli/main.js', 'extract', first!]);
    const source = node(['--import', 'tsx', 'src/cli/main.ts', 'extract', first!]);
    expect(built.status, built.stderr).toBe(0);
    expect(source.status, source.stderr).toBe(0);
    expect(JSON.parse(built.stdout).recipients.length).toBeGreaterThan(0);
    expect(built.stdout).toBe(source.stdout);
  });

  it('ingests into a new database (migrations from dist/) on compiled workers, storing what the sources store', async () => {
    const dataDir = path.join(tmp, 'ingest');
    // the server's V8 flags on the command line: a worker handed them in execArgv would refuse to start
    const r = node([...SERVER_NODE_FLAGS, 'dist/cli/main.js', 'ingest', first!, second!], { PGLITE_DIR: dataDir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 new versions, 0 unchanged, 0 failed/);
    const built = await openDb({ dataDir });
    const source = await openDb();
    try {
      await ingestFiles(source.prisma, [first!, second!].map((p) => ({ path: p, source: p })), { threads: 1 });
      const stored = await transfers(built);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored).toEqual(await transfers(source));
    } finally {
      await built.close();
      await source.close();
    }
  });
});

describe('npm start', () => {
  it('serves the dashboard, GraphiQL and the seeds’ answers from dist/, with no tsx or esbuild', async () => {
    const port = await freePort();
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { ...env, PORT: String(port), PGLITE_DIR: path.join(tmp, 'serve') },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: npm, sh and node stop together
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "GraphQL API" line in 90 s:\n${output}`)), 90_000);
        child.stdout!.on('data', () => /GraphQL API and GraphiQL/.test(output) && (clearTimeout(timer), resolve()));
        child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`npm start exited (${code}):\n${output}`))));
      });
      const tree = processTree(child.pid!);
      // plain node on the built file, with the server's node flags (src/cli/v8-flags.ts) and no loader
      expect(tree.some((c) => /^node\S*( --[\w-]+(=\S+)?)* dist\/cli\/serve\.js/.test(c)), tree.join('\n')).toBe(true);
      expect(tree.filter((c) => /tsx|esbuild/.test(c)), tree.join('\n')).toEqual([]);

      const base = `http://127.0.0.1:${port}`;
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script[^>]+src="\/assets\//); // web/dist, found from dist/http
      const graphiql = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
      expect(graphiql.status).toBe(200);
      expect(await graphiql.text()).toMatch(/graphiql/i);
      const answer = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: EXAMPLE_QUERY }),
      }).then((r) => r.json() as Promise<{ data: { transfers: { totalCount: number } } }>);
      expect(answer.data.transfers.totalCount).toBe(3);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }, 120_000);
});
