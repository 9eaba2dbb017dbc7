// The extractor as the store calls it. `src/extract/index.ts` (owned by the extractor) exports
// extractPolicy(input, { doc, contentType }) and throws ExtractError for unusable input; it is
// imported lazily so the store and its tests do not depend on it being present.
import type { PolicyGraph } from '../extract/types.js';

/** extractPolicy itself, or the same on a worker thread (extract-pool.ts). */
export type ExtractFn = (input: string | Uint8Array, options?: { doc?: string; contentType?: string }) => PolicyGraph | Promise<PolicyGraph>;

let cached: Promise<ExtractFn> | null = null;

export function loadExtractor(): Promise<ExtractFn> {
  cached ??= (async () => {
    const spec = '../extract/index.js';
    const mod = (await import(/* @vite-ignore */ spec)) as { extractPolicy?: ExtractFn };
    if (typeof mod.extractPolicy !== 'function') throw new Error('src/extract/index.ts does not export extractPolicy');
    return mod.extractPolicy;
  })();
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
