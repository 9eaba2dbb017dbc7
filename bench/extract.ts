// Extraction speed: median and p95 milliseconds per document and documents per second, on the
// seed policies and on a larger corpus (the seeds repeated with shuffled sections, to 200 docs).
// Single-threaded: one core.   npm run bench:extract [-- --repeat 20]
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { extractPolicy } from '../src/extract/index.js';

const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 20;
const seeds = readdirSync('seed').filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`seed/${f}`, 'utf8'));

// a deterministic larger corpus: each document is two seeds' paragraphs interleaved (40–80 KB)
const larger: string[] = [];
for (let i = 0; i < 200; i++) {
  const a = seeds[i % seeds.length].split('\n\n'), b = seeds[(i * 3 + 1) % seeds.length].split('\n\n');
  larger.push(a.flatMap((p, k) => [p, b[k] ?? '']).join('\n\n'));
}

function measure(name: string, docs: string[], rounds: number) {
  for (const d of docs) extractPolicy(d); // warm-up
  const times: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++)
    for (const d of docs) {
      const t0 = performance.now();
      extractPolicy(d);
      times.push(performance.now() - t0);
    }
  const total = (performance.now() - started) / 1000;
  times.sort((x, y) => x - y);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const kb = docs.reduce((s, d) => s + Buffer.byteLength(d), 0) / docs.length / 1024;
  console.log(`${name.padEnd(22)} ${String(docs.length * rounds).padStart(6)} docs  avg ${kb.toFixed(1).padStart(5)} KB  median ${q(0.5).toFixed(2).padStart(6)} ms  p95 ${q(0.95).toFixed(2).padStart(6)} ms  ${(times.length / total).toFixed(1).padStart(7)} docs/s`);
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores; one used)`);
measure('seeds', seeds, repeat);
measure('interleaved seeds', larger, 1);
