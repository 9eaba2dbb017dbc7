/**
 * Writes the synthetic load corpus: `npm run corpus -- --n 10000 --seed 1 --out DIR`.
 * Same --n and --seed always give byte-identical files.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeCorpus } from './write.js';

const USAGE = 'usage: npm run corpus -- --n <count> [--seed <integer, default 1>] --out <directory>';

interface Options {
  n: number;
  seed: number;
  out: string;
}

class UsageError extends Error {}

function integer(name: string, raw: string | undefined, min: number): number {
  if (raw === undefined) throw new UsageError(`missing --${name}`);
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${name} must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`--${name} must be an integer >= ${min}, got ${raw}`);
  return value;
}

function parse(argv: string[]): Options {
  let values: { n?: string; seed?: string; out?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { n: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const n = integer('n', values.n, 1);
  // The PRNG takes a 32-bit seed; larger values would silently alias smaller ones.
  const seed = integer('seed', values.seed ?? '1', 0);
  if (seed > 0xffffffff) throw new UsageError(`--seed must be at most ${0xffffffff}, got ${seed}`);
  if (!values.out) throw new UsageError('missing --out');
  return { n, seed, out: values.out };
}

function main(): void {
  let options: Options;
  try {
    options = parse(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`corpus: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const { n, seed, out } = options;
  mkdirSync(out, { recursive: true });
  // Never delete in a directory we were pointed at, but say so when a benchmark reading it
  // would also pick up files from an earlier, different run.
  const stale = new Set(readdirSync(out));
  const started = performance.now();
  const { fileNames, bytes } = writeCorpus(out, n, seed, (written) => process.stderr.write(`corpus: ${written}/${n} files\n`));
  for (const f of fileNames) stale.delete(f);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`corpus: wrote ${n} files (${(bytes / 1e6).toFixed(1)} MB) to ${out} in ${seconds.toFixed(1)} s\n`);
  if (stale.size > 0) process.stderr.write(`corpus: warning: ${stale.size} other entries in ${out} were left untouched\n`);
}

main();
