// Whole-response cache for queries (Yoga's response cache), invalidated by ingestion.
//
// Any ingestion can change any answer (a new Zoom transfer joins a filtered list, every count
// on the dashboard moves), and entity-based invalidation cannot see rows a cached answer does
// not contain yet, so an ingest invalidates everything: the cache key carries a generation
// number that `invalidate()` bumps. The key is computed when a request starts, so a request
// that read the database before the ingest committed stores its answer under the old
// generation, where no later request looks. Old entries age out (TTL, LRU bound).
//
// Only ingestion through this server's ingestPolicy mutation is seen at once. Ingestion by
// another process (the CLI, bench:ingest) is seen when cached answers expire: `ttlMs`.
import type { Plugin } from 'graphql-yoga';
import { createInMemoryCache, hashSHA256, useResponseCache } from '@graphql-yoga/plugin-response-cache';

export interface ResponseCacheOptions {
  /** How long an answer may be served from the cache: the staleness bound for ingestion by other processes. */
  ttlMs: number;
  /** Most answers kept (least recently used dropped first). */
  maxEntries?: number;
}

export interface ResponseCache {
  plugin: Plugin;
  /** Makes every cached answer unreachable; call after the graph changed. */
  invalidate(): void;
}

export function createResponseCache(opts: ResponseCacheOptions): ResponseCache {
  let generation = 0;
  const plugin = useResponseCache({
    session: () => null, // no per-user data: one cache for everyone
    ttl: opts.ttlMs,
    cache: createInMemoryCache({ max: opts.maxEntries ?? 1000 }),
    buildResponseCacheKey: ({ documentString, operationName, variableValues }) =>
      hashSHA256([generation, documentString, operationName ?? '', JSON.stringify(variableValues ?? {})].join('|')),
  });
  return { plugin, invalidate: () => void generation++ };
}

/** RESPONSE_CACHE=off disables it; RESPONSE_CACHE_TTL_MS sets the TTL (default 60 s). Off under vitest, whose suites write behind the server's back. */
export function responseCacheOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ResponseCacheOptions | false {
  if (env.RESPONSE_CACHE === 'off' || env.NODE_ENV === 'test') return false;
  const ttlMs = Number(env.RESPONSE_CACHE_TTL_MS ?? 60_000);
  return { ttlMs: Number.isFinite(ttlMs) && ttlMs > 0 ? ttlMs : 60_000 };
}
