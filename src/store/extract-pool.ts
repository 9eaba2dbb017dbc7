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

/** A pool of `threads` workers (default: one per core). */
export function createExtractPool(threads = availableParallelism()): ExtractPool {
  const hasTsx = process.execArgv.some((a) => /\btsx\b/.test(a));
  const pool = new Piscina({
    filename: new URL('./extract-worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // Under vitest or plain node the parent has no tsx loader to pass on: register it.
    execArgv: hasTsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'],
  });
  const extract = (task: ExtractTask) => pool.run(task) as Promise<ExtractOutcome>;
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
