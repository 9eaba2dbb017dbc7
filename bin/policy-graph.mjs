#!/usr/bin/env node
// The package's bin: runs the TypeScript CLI through tsx, so no build step is needed. tsx is
// resolved from this package, not from the caller's directory, so the bin works anywhere.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
const r = spawnSync(process.execPath, ['--import', tsx, '--experimental-wasm-modules', '--no-warnings', join(root, 'src/cli/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
