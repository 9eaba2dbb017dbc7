// bench:api's arguments: --during-ingest with and without its N, the connections it defaults
// to, and what is refused (usage errors, exit 2, before any database is touched).
import { describe, expect, it, vi } from 'vitest';
import { parseBenchArgs } from '../bench/api/args.js';
import { UsageError } from '../src/cli/args.js';

describe('bench:api arguments', () => {
  it('runs the usual tables by default', () => {
    expect(parseBenchArgs([])).toMatchObject({ duration: 10, connections: [1, 10, 50], sqlConnections: [1], soakSeconds: 0, cache: true, peer: true, vendor: 'Google', settleSeconds: 15, duringIngest: undefined });
    expect(parseBenchArgs(['--settle', '0'])).toMatchObject({ settleSeconds: 0 });
    expect(parseBenchArgs(['--settle', '30'])).toMatchObject({ settleSeconds: 30 });
    expect(parseBenchArgs(['--duration', '5', '--connections', '1,50', '--no-peer'])).toMatchObject({ duration: 5, connections: [1, 50], peer: false });
  });

  it('takes --during-ingest with or without N, at concurrency 50 unless told', () => {
    expect(parseBenchArgs(['--during-ingest'])).toMatchObject({ duringIngest: 2000, connections: [50], ingestSeed: 2 });
    expect(parseBenchArgs(['--during-ingest', '200', '--connections', '1,50'])).toMatchObject({ duringIngest: 200, connections: [1, 50] });
    expect(parseBenchArgs(['--connections', '10', '--during-ingest', '300', '--ingest-seed', '7'])).toMatchObject({ duringIngest: 300, connections: [10], ingestSeed: 7 });
  });

  it('refuses what it cannot mean', () => {
    for (const argv of [
      ['--duration', 'x'],
      ['--connections', '1,0'],
      ['--during-ingest', 'many'],
      ['--during-ingest', '0'],
      ['--during-ingest', '200', '300'],
      ['200'], // an N without --during-ingest
      ['--ingest-seed', '3'],
      ['--during-ingest', '--soak', '60'],
      ['--during-ingest', '--no-cache'],
      ['--during-ingest', '--settle', '5'],
      ['--settle', '-1'],
      ['--settle', ''],
      ['--settle', '1.5'],
      ['--frobnicate'],
    ])
      expect(() => parseBenchArgs(argv), argv.join(' ')).toThrow(UsageError);
  });

  it('prints its usage on --help', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(parseBenchArgs(['--help'])).toBeNull();
    expect(log.mock.calls[0][0]).toMatch(/--during-ingest \[N\]/);
    log.mockRestore();
  });
});
