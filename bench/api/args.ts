// bench:api's arguments (node:util parseArgs through src/cli/args.ts, as every command reads
// them: unknown options and bad numbers are usage errors, --help prints the usage).
import { parseCommand, positiveInt, UsageError, wholeNumber } from '../../src/cli/args.js';

export const DEFAULT_URL = 'postgres://postgres:postgres@localhost:5432/policygraph_bench';
const DEFAULT_DURING_INGEST = 2000;

export const USAGE = `usage: npm run bench:api -- [--duration 10] [--connections 1,10,50] [--sql-connections 1]
                         [--soak 300] [--no-cache] [--no-peer] [--vendor Google] [--settle 15]
       npm run bench:api -- --during-ingest [N] [--connections 50] [--ingest-seed 2]
  The database: BENCH_DATABASE_URL (default ${DEFAULT_URL}),
  filled by \`npm run bench:ingest -- --n 10000 --engines postgres\`.
  Without --during-ingest: the five questions as hand-written SQL (the floor), our server with
  the response cache off and on, and PostGraphile 4, --duration seconds per row at each of
  --connections (SQL at --sql-connections); the ratios ours / floor, ours / PostGraphile.
    --no-cache     leave out our server with its cache on
    --no-peer      leave out PostGraphile
    --vendor NAME  the organization of the footprint question
    --soak S       then mixed questions at concurrency 10 for S seconds, memory sampled
    --settle S     each server's resident memory right after its rows and again after S idle
                   seconds (default 15: our server collects 2 s after a load, src/http/idle-collect.ts;
                   0: right after only)
  --during-ingest [N]: the acceptance question ("US via Zoom") at each of --connections
  (default 50) while N fresh corpus policies (default ${DEFAULT_DURING_INGEST}, corpus seed --ingest-seed,
  cached in .data/corpus) are ingested at full speed by a separate process, with the response
  cache on (as served) and off: req/s, p50/p99, failures, the cache hit rate over the load,
  and the ingest rate beside the same ingest alone. Each row runs on its own copy of the
  database (<name>_during, dropped afterwards): the database itself is not changed, but
  nothing else may be connected to it while a copy is made.`;

export interface BenchArgs {
  duration: number;
  connections: number[];
  sqlConnections: number[];
  soakSeconds: number;
  cache: boolean;
  peer: boolean;
  vendor: string;
  /** Idle seconds before each server's second memory sample (0: none). */
  settleSeconds: number;
  databaseUrl: string;
  /** Policies to ingest under load; unset: the usual tables. */
  duringIngest?: number;
  ingestSeed: number;
}

function positiveList(name: string, value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((v) => positiveInt(name, v.trim())!);
}

/** null: --help was printed. */
export function parseBenchArgs(argv: string[]): BenchArgs | null {
  const parsed = parseCommand(
    argv,
    {
      duration: { type: 'string' },
      connections: { type: 'string' },
      'sql-connections': { type: 'string' },
      soak: { type: 'string' },
      'no-cache': { type: 'boolean' },
      'no-peer': { type: 'boolean' },
      vendor: { type: 'string' },
      settle: { type: 'string' },
      'during-ingest': { type: 'boolean' },
      'ingest-seed': { type: 'string' },
    },
    USAGE,
    // the N of --during-ingest [N]
    { positionals: true },
  );
  if (!parsed) return null;
  const v = parsed.values;
  const during = v['during-ingest'] ?? false;
  if (parsed.positionals.length > (during ? 1 : 0)) throw new UsageError(`unexpected argument ${parsed.positionals.at(-1)}`);
  if (!during && v['ingest-seed'] !== undefined) throw new UsageError('--ingest-seed applies to --during-ingest');
  const usual = ['duration', 'sql-connections', 'soak', 'no-cache', 'no-peer', 'vendor', 'settle'] as const;
  const misplaced = during && usual.find((o) => v[o] !== undefined);
  if (misplaced) throw new UsageError(`--${misplaced} does not apply to --during-ingest (its rows last as long as the ingest, with the cache on and off)`);
  const soakSeconds = v.soak === undefined ? 0 : positiveInt('soak', v.soak)!;
  return {
    duration: positiveInt('duration', v.duration) ?? 10,
    connections: positiveList('connections', v.connections) ?? (during ? [50] : [1, 10, 50]),
    sqlConnections: positiveList('sql-connections', v['sql-connections']) ?? [1],
    soakSeconds,
    cache: !v['no-cache'],
    peer: !v['no-peer'],
    vendor: v.vendor ?? 'Google',
    settleSeconds: wholeNumber('settle', v.settle, 0, 3600) ?? 15,
    databaseUrl: process.env.BENCH_DATABASE_URL || DEFAULT_URL,
    duringIngest: during ? (positiveInt('during-ingest', parsed.positionals[0]) ?? DEFAULT_DURING_INGEST) : undefined,
    ingestSeed: v['ingest-seed'] === undefined ? 2 : positiveInt('ingest-seed', v['ingest-seed'])!,
  };
}
