// Extraction off the event loop: a pool of worker threads (piscina) running extract-worker.ts,
// so that extraction of many files uses every core while the main thread writes to the
// database. Workers run the TypeScript sources through tsx's loader, as the CLI does.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
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

/** How long a worker may wait without a task before it exits. */
const IDLE_WORKER_MS = 30_000;

/**
 * A pool of `threads` workers (default: one per core). A task past its time budget is aborted
 * (piscina ends the worker running it and starts a fresh one), so one hostile document cannot
 * hold a worker, and every document behind it, for minutes.
 */
export function createExtractPool(threads = availableParallelism(), budgetMs = DEFAULT_TIME_BUDGET_MS): ExtractPool {
  const hasTsx = process.execArgv.some((a) => /\btsx\b/.test(a));
  const pool = new Piscina({
    filename: new URL('./extract-worker.ts', import.meta.url).href,
    // Started on first use and ended after a while without work: an idle server holds no
    // workers (two idle workers held ~62 MB), a bulk load keeps them busy throughout.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: IDLE_WORKER_MS,
    // Under vitest or plain node the parent has no tsx loader to pass on: register it.
    execArgv: hasTsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'],
  });
  const extract = async (task: ExtractTask): Promise<ExtractOutcome> => {
    try {
      return (await pool.run(task, { signal: AbortSignal.timeout(budgetMs) })) as ExtractOutcome;
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
    close: () => pool.destroy(),
  };
}
