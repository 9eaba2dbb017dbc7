// The V8 settings of the long-running server (src/cli/v8-flags.ts): Liftoff only on
// PostgreSQL (never on PGlite, whose PostgreSQL is WebAssembly), a heap grown to twice what
// survives, and nothing node's own command line already decides, in either spelling.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, serverV8Flags } from '../src/cli/v8-flags.js';
import { serverExecArgv } from '../bench/api/server-process.js';

describe('serverV8Flags', () => {
  it('keeps the query compiler on Liftoff on PostgreSQL only', () => {
    expect(serverV8Flags('postgres', [])).toEqual(['--liftoff-only', '--heap-growing-percent=70']);
    expect(serverV8Flags('pglite', [])).toEqual(['--heap-growing-percent=70']);
  });

  it('leaves a flag given on the command line as it was given', () => {
    expect(serverV8Flags('postgres', ['--no-liftoff-only'])).toEqual(['--heap-growing-percent=70']);
    expect(serverV8Flags('postgres', ['--heap_growing_percent=30', '--max-old-space-size=512'])).toEqual(['--liftoff-only']);
    expect(serverV8Flags('pglite', ['--import', 'tsx'])).toEqual(['--heap-growing-percent=70']);
  });

  it('npm start, npm run serve and the API benchmark start the server with the node flags', () => {
    const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts as Record<string, string>;
    for (const name of ['start', 'serve']) expect(scripts[name].split(/\s+/)).toEqual(['node', ...SERVER_NODE_FLAGS, 'dist/cli/serve.js']);
    expect(serverExecArgv('ours')).toEqual([...SERVER_NODE_FLAGS]);
    expect(serverExecArgv('postgraphile')).toEqual([]);
  });
});
