#!/usr/bin/env node
// The package's bin. Runs the compiled CLI (dist/, built by `npm install` / `npm run build`) in
// this process when it is there: plain node, no second process, no TypeScript loader. It does
// not check that dist/ is as new as src/ (`npm run build` after editing the sources; `npm start`
// rebuilds a stale dist/ itself). Without dist/ (a checkout that was never built) it runs the
// TypeScript sources through tsx in a child process, as before; tsx is resolved from this
// package, not from the caller's directory, so the bin works anywhere.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/cli/main.js');
if (existsSync(built)) {
  // main.js reads its command from process.argv.slice(2), which is ours unchanged
  await import(pathToFileURL(built).href);
} else {
  const tsx = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
  const r = spawnSync(process.execPath, ['--import', tsx, '--no-warnings', join(root, 'src/cli/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
