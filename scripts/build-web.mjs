#!/usr/bin/env node
// Builds the dashboard (web/) into web/dist with Vite, which src/http/static.ts serves at /.
// Run by `postinstall` (so `npm install && npm start` serves a working dashboard) and by the
// browser tests. `--if-stale` skips the build when web/dist is newer than every source file.
// Offline: Vite and every library come from node_modules.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');
const args = process.argv.slice(2);

if (args.includes('--help')) {
  console.log('usage: node scripts/build-web.mjs [--if-stale]\n  builds web/ into web/dist (Vite); --if-stale: only when a source file is newer than web/dist/index.html');
  process.exit(0);
}
const unknown = args.filter((a) => a !== '--if-stale');
if (unknown.length) {
  console.error(`build-web: unknown argument ${unknown[0]} (see --help)`);
  process.exit(2);
}

/** Newest modification time under dir, web/dist and node_modules aside. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (args.includes('--if-stale') && existsSync(built) && statSync(built).mtimeMs >= Math.max(newest(web), statSync(path.join(root, 'package-lock.json')).mtimeMs)) {
  process.exit(0);
}

let entry;
try {
  entry = createRequire(import.meta.url).resolve('vite', { paths: [root] });
} catch {
  // an install without this package's dependencies: the server says so at / instead
  console.warn('build-web: vite is not installed; the dashboard at / is not built (run npm install)');
  process.exit(0);
}
const vite = await import(pathToFileURL(entry).href);
const started = Date.now();
await vite.build({ root: web, configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
console.log(`build-web: dashboard built into web/dist in ${Date.now() - started} ms`);
