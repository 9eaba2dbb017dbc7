// V8 settings for the long-running server, set by `serve` before the database is opened (so
// before any WebAssembly is compiled). Measured with `npm run bench:memory` on the 2-core
// project machine, 500 corpus policies on PostgreSQL, cache off (docs/proposed/aot.md):
// - --liftoff-only, on PostgreSQL: Prisma's query compiler (WebAssembly) stays on V8's baseline
//   compiler instead of tiering up to TurboFan, whose code and compile memory held ~50 MB more
//   (start 185 → 136 MB) for no CPU per request we could measure. Not on PGlite: there all of
//   PostgreSQL runs as WebAssembly, and bulk ingestion took twice as long without TurboFan.
// - --heap-growing-percent=70: after a full collection V8 lets the heap grow to 1.7× what
//   survived, where it otherwise chose up to four times under this load (at 100: after 15 s of
//   the README's questions 254–281 MB instead of 332–338, at the same CPU per request). 100 → 70
//   on the 10,000-policy graph, the bench's five questions at concurrency 1 then 50 for 5 s each:
//   RSS right after 202–208 → 188–191 MB, Node's CPU per request unchanged within the noise
//   (acceptance at c=50 2.5–3.2 ms, vendor tree 48–50 ms either way); 50 held 176–190 MB but
//   made the vendor tree's collections dearer (54–72 ms per request).
// A flag named on node's own command line (either way, e.g. --no-liftoff-only) is left as given.
import v8 from 'node:v8';
import type { Engine } from '../db.js';

/**
 * Flags that must be on node's command line, for V8 sizes the young generation when the process
 * starts (`setFlagsFromString` leaves it as it was) and defines `gc` only then: `npm start` / `npm run serve`
 * (package.json) and bench:api's server process pass them; a test holds the three together.
 * --max-semi-space-size=8: a 16 MB young generation instead of 32 holds the server on the
 * 10,000-policy graph at 188–193 MB after 8 s of the acceptance question at concurrency 50
 * instead of 204–206, with Node's CPU per request (5.3–6.3 vs 5.1–6.4 ms, interleaved) and
 * extraction (bench:extract, interleaved) unchanged within the machine's noise.
 * --expose-gc: for the collection once the server is idle after a load (src/http/idle-collect.ts).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8', '--expose-gc'] as const;

/** The flags serve sets for `engine`, less those `execArgv` (node's command line) already decides. */
export function serverV8Flags(engine: Engine, execArgv: readonly string[] = process.execArgv): string[] {
  const name = (flag: string) => flag.replace(/^--(no-)?/, '').replace(/=.*$/, '').replace(/_/g, '-');
  const given = new Set(execArgv.filter((a) => a.startsWith('--')).map(name));
  return [...(engine === 'postgres' ? ['--liftoff-only'] : []), '--heap-growing-percent=70'].filter((f) => !given.has(name(f)));
}

export function applyServerV8Flags(engine: Engine): void {
  for (const flag of serverV8Flags(engine)) v8.setFlagsFromString(flag);
}
