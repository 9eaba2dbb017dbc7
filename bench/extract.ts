// Extraction speed: mean, median and p95 milliseconds per document and documents per second,
// on the seed policies, on a larger corpus (the seeds' paragraphs interleaved, 200 docs) and on
// the synthetic load corpus (generated in memory, the documents `npm run corpus` writes).
// Single-threaded: one core (V8 compiles on its own threads: the cold row counts their CPU).
// npm run bench:extract [-- --repeat 20] [-- --corpus 300]
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { generatePolicy } from '../src/corpus/generate.js';
import { documentRng } from '../src/corpus/random.js';
import { extractPolicy } from '../src/extract/index.js';
import { argsOrExit, parseCommand, positiveInt } from '../src/cli/args.js';

const USAGE = `usage: npm run bench:extract [-- --repeat R] [--corpus N]
  --repeat R   passes over the seeds and the larger corpus (default 20)
  --corpus N   documents of the synthetic load corpus (default 300)`;
const { repeat, corpusSize } = argsOrExit(USAGE, () => {
  const parsed = parseCommand(process.argv.slice(2), { repeat: { type: 'string' }, corpus: { type: 'string' } }, USAGE);
  return parsed && { repeat: positiveInt('repeat', parsed.values.repeat) ?? 20, corpusSize: positiveInt('corpus', parsed.values.corpus) ?? 300 };
});
const seeds = readdirSync('seed').filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`seed/${f}`, 'utf8'));

// a deterministic larger corpus: each document is two seeds' paragraphs interleaved (40–80 KB)
const larger: string[] = [];
for (let i = 0; i < 200; i++) {
  const a = seeds[i % seeds.length].split('\n\n'), b = seeds[(i * 3 + 1) % seeds.length].split('\n\n');
  larger.push(a.flatMap((p, k) => [p, b[k] ?? '']).join('\n\n'));
}

// the first documents of the load corpus (`npm run corpus -- --seed 1`), ~25 KB each
const generated = Array.from({ length: corpusSize }, (_, i) => generatePolicy(i, documentRng(1, i)).text);

function measure(name: string, docs: string[], rounds: number) {
  // warm-up: at least 200 extractions, so the JIT has settled even for the five seeds
  for (let i = 0; i < Math.max(200, docs.length); i++) extractPolicy(docs[i % docs.length]);
  const times: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++)
    for (const d of docs) {
      const t0 = performance.now();
      extractPolicy(d);
      times.push(performance.now() - t0);
    }
  const total = (performance.now() - started) / 1000;
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  times.sort((x, y) => x - y);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const kb = docs.reduce((s, d) => s + Buffer.byteLength(d), 0) / docs.length / 1024;
  const ms = (x: number) => x.toFixed(2).padStart(6);
  console.log(
    `${name.padEnd(22)} ${String(docs.length * rounds).padStart(6)} docs  avg ${kb.toFixed(1).padStart(5)} KB  mean ${ms(mean)} ms  median ${ms(q(0.5))} ms  p95 ${ms(q(0.95))} ms  ${(times.length / total).toFixed(1).padStart(7)} docs/s`,
  );
}

/**
 * The first documents this process extracts, before any warm-up: what a fresh extraction worker
 * spends while V8 still interprets and compiles the extractor (its optimizing compiler runs on
 * background threads, so the process's CPU time, every thread's, says what warming up costs).
 */
function measureCold(name: string, docs: string[]) {
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (const d of docs) extractPolicy(d);
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const ms = (x: number) => (x / docs.length).toFixed(2).padStart(6);
  console.log(`${name.padEnd(22)} ${String(docs.length).padStart(6)} docs  wall ${ms(wall)} ms/doc  CPU ${ms((cpu.user + cpu.system) / 1000)} ms/doc (all threads: the JIT's included)`);
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores; one used)`);
measureCold('generated, cold', generated.slice(0, 100));
measure('seeds', seeds, repeat);
measure('interleaved seeds', larger, 1);
measure('generated corpus', generated, 1);
