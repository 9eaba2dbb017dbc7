// The synthetic corpus a benchmark ingests, generated once per (n, seed) into .data/corpus and
// reused by later runs (bench:ingest, bench:api --during-ingest).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeCorpus } from '../src/corpus/write.js';

export function corpusDir(count: number, seed: number): string {
  return path.resolve('.data/corpus', `n${count}-seed${seed}`);
}

/** The corpus for (n, seed), generated into .data/corpus unless a complete one is there. */
export function ensureCorpus(count: number, seed: number): string {
  const dir = corpusDir(count, seed);
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const t0 = performance.now();
  writeCorpus(tmp, count, seed, (written) => console.error(`corpus: ${written}/${count}`));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir); // complete or absent: an interrupted run is regenerated next time
  console.error(`corpus: ${count} policies in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${dir}`);
  return dir;
}
