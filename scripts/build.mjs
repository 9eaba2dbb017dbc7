#!/usr/bin/env node
// Compiles src/ (server, CLI, extraction worker, the generated Prisma client) into dist/ with
// tsc (tsconfig.build.json) and copies the other files src/ reads at run time beside their
// modules (src/export/context.jsonld), so `npm start` and the bin run plain node: no tsx or
// esbuild in the server process. Run by `postinstall`, `prestart` (--if-stale) and `build`.
// Type errors do not stop the build (`npm run typecheck` reports them); syntax errors do.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
/** Written last: a dist/ without it is an interrupted build. Its time is the build's start, so
 * a source saved while tsc ran still counts as newer. */
const STAMP = '.built';
const args = process.argv.slice(2);

if (args.includes('--help')) {
  console.log(`usage: node scripts/build.mjs [--if-stale]
  compiles src/ into dist/ (tsc -p tsconfig.build.json) and copies src/'s non-TypeScript files;
  --if-stale: only when dist/ is missing or a file under src/ (or tsconfig*.json) is newer than it`);
  process.exit(0);
}
const unknown = args.filter((a) => a !== '--if-stale');
if (unknown.length) {
  console.error(`build: unknown argument ${unknown[0]} (see --help)`);
  process.exit(2);
}

/** Every file under dir, as paths relative to it. */
function files(dir, rel = '') {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, path.join(rel, e.name)) : [path.join(rel, e.name)],
  );
}

/** Why dist/ needs building, or null when it is newer than every input. */
function staleReason() {
  const stamp = path.join(dist, STAMP);
  if (!existsSync(stamp)) return 'dist/ is missing';
  const built = statSync(stamp).mtimeMs;
  const inputs = [...files(src).map((f) => path.join(src, f)), path.join(root, 'tsconfig.json'), path.join(root, 'tsconfig.build.json')];
  const newer = inputs.find((f) => statSync(f).mtimeMs > built);
  return newer ? `${path.relative(root, newer)} changed` : null;
}

if (args.includes('--if-stale')) {
  const reason = staleReason();
  if (!reason) process.exit(0);
  console.log(`build: ${reason}, rebuilding`);
}

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc', { paths: [root] });
} catch {
  // a production install (npm ci --omit=dev) after a build elsewhere: dist/ must be shipped
  console.warn(`build: typescript is not installed; ${existsSync(path.join(dist, STAMP)) ? 'keeping the dist/ there is' : 'dist/ is not built (run npm install)'}`);
  process.exit(0);
}

// Built beside dist/ and swapped in at the end, so a server running from dist/ never sees a
// half-written tree (its lazy imports load later), and a deleted source leaves no stale .js.
const started = Date.now();
const next = path.join(root, `dist.next-${process.pid}`);
rmSync(next, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', next, '--noCheck'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error('build: tsc failed; dist/ left as it was');
  process.exit(r.status ?? 1);
}
const assets = files(src).filter((f) => !f.endsWith('.ts'));
for (const f of assets) {
  mkdirSync(path.dirname(path.join(next, f)), { recursive: true });
  copyFileSync(path.join(src, f), path.join(next, f));
}
writeFileSync(path.join(next, STAMP), `${new Date(started).toISOString()}\n`);
utimesSync(path.join(next, STAMP), started / 1000, started / 1000);
const old = path.join(root, `dist.old-${process.pid}`);
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
console.log(`build: src/ compiled into dist/ in ${Date.now() - started} ms (${assets.length} asset${assets.length === 1 ? '' : 's'} copied)`);
