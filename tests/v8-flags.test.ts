// The V8 settings `serve` makes for a long-running server (src/cli/v8-flags.ts): Liftoff only on
// PostgreSQL (never on PGlite, whose PostgreSQL is WebAssembly), a heap grown to twice what
// survives, and nothing node's own command line already decides, in either spelling.
import { describe, expect, it } from 'vitest';
import { serverV8Flags } from '../src/cli/v8-flags.js';

describe('serverV8Flags', () => {
  it('keeps the query compiler on Liftoff on PostgreSQL only', () => {
    expect(serverV8Flags('postgres', [])).toEqual(['--liftoff-only', '--heap-growing-percent=100']);
    expect(serverV8Flags('pglite', [])).toEqual(['--heap-growing-percent=100']);
  });

  it('leaves a flag given on the command line as it was given', () => {
    expect(serverV8Flags('postgres', ['--no-liftoff-only'])).toEqual(['--heap-growing-percent=100']);
    expect(serverV8Flags('postgres', ['--heap_growing_percent=30', '--max-old-space-size=512'])).toEqual(['--liftoff-only']);
    expect(serverV8Flags('pglite', ['--import', 'tsx'])).toEqual(['--heap-growing-percent=100']);
  });
});
