// Extraction off the event loop: a pool of worker threads (piscina) running extract-worker.ts,
// so that extraction of many files uses every core while the main thread writes to the
// database. Built (dist/, as `npm start` runs) the workers run the compiled extract-worker.js;
// from the sources (tsx, vitest) they run extract-worker.ts through tsx's loader.
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import type { PolicyGraph } from '../extract/types.js';
import type { ExtractOutcome, ExtractTask } from './extract-worker.js';

export type { ExtractOutcome, ExtractTask };

export interface ExtractPool {
  extract(task: ExtractTask): Promise<ExtractOutcome>;
  /** extractPolicy's contract on a worker thread: the graph, or the extractor's error (name and code kept). */
  extractInput(input: string | Uint8Array, options?: { doc?: string; contentType?: string }): Promise<PolicyGraph>;
  readonly threads: number;
  close(): Promise<void>;
}

/** How long one document may take on a worker (EXTRACT_TIME_BUDGET_MS, default 20 s; a normal policy takes milliseconds). */
export const DEFAULT_TIME_BUDGET_MS = Number(process.env.EXTRACT_TIME_BUDGET_MS) || 20_000;

/**
 * The worker file beside this module and the node flags to start it with. This module compiled
 * (a .js URL): extract-worker.js and no flags of ours — the worker inherits the parent's, as
 * Node does by default (naming them would fail: a worker refuses V8 flags such as
 * --max-old-space-size in its execArgv). From the sources: extract-worker.ts with tsx's
 * loader, added unless the parent already runs under tsx (vitest and plain node on a .ts entry
 * have none to pass on).
 */
export function workerModule(selfUrl: string, execArgv: readonly string[]): { filename: string; execArgv?: string[] } {
  if (selfUrl.endsWith('.js')) return { filename: new URL('./extract-worker.js', selfUrl).href };
  const hasTsx = execArgv.some((a) => /\btsx\b/.test(a));
  return { filename: new URL('./extract-worker.ts', selfUrl).href, execArgv: hasTsx ? [...execArgv] : [...execArgv, '--import', 'tsx'] };
}

/** How long a worker may wait without a task before it exits. */
const IDLE_WORKER_MS = 30_000;

/**
 * A pool of `threads` workers (default: one per core). A task past its time budget is aborted
 * (piscina ends the worker running it and starts a fresh one), so one hostile document cannot
 * hold a worker, and every document behind it, for minutes.
 */
export function createExtractPool(threads = availableParallelism(), budgetMs = DEFAULT_TIME_BUDGET_MS): ExtractPool {
  const worker = workerModule(import.meta.url, process.execArgv);
  // piscina itself is loaded on the first task too: a server nobody sends a policy never holds it
  let pool: Promise<Piscina> | undefined;
  const started = () =>
    (pool ??= import('piscina').then(
      ({ Piscina }) =>
        new Piscina({
          filename: worker.filename,
          // Started on first use and ended after a while without work: an idle server holds no
          // workers (two idle workers held ~62 MB), a bulk load keeps them busy throughout.
          minThreads: 0,
          maxThreads: threads,
          idleTimeout: IDLE_WORKER_MS,
          execArgv: worker.execArgv,
        }),
    ));
  const extract = async (task: ExtractTask): Promise<ExtractOutcome> => {
    try {
      return (await (await started()).run(task, { signal: AbortSignal.timeout(budgetMs) })) as ExtractOutcome;
    } catch (e) {
      if ((e as Error).name !== 'AbortError' && (e as Error).name !== 'TimeoutError') throw e;
      return { error: { name: 'ExtractError', code: 'TOO_COMPLEX', message: `extraction took longer than ${budgetMs} ms and was stopped` } } as ExtractOutcome;
    }
  };
  return {
    threads,
    extract,
    extractInput: async (input, options = {}) => {
      const out = await extract({ input, ...options });
      if (out.error) throw Object.assign(new Error(out.error.message), out.error);
      return out.graph;
    },
    close: async () => {
      if (pool) await (await pool).destroy();
    },
  };
}
