// Whole-response cache for queries, in front of Yoga: the bytes of a successful answer, keyed by
// the exact request body. A hit is written straight to the socket, skipping Yoga's request
// handling and JSON serialization — which were what was left per request once results were
// cached (Yoga's result-level response cache served 1,739 req/s at p99 49 ms at concurrency 50
// on 10,000 policies; docs/BENCHMARKS.md).
//
// Any ingestion can change any answer (a new Zoom transfer joins a filtered list, every count
// on the dashboard moves), so an ingest that changed the graph invalidates everything; one
// that stored nothing (the current text again, as a re-crawl mostly finds, or another source's
// copy) invalidates nothing (IngestResult.changed; the store notifies other processes on the
// same rule). `invalidate()` bumps a generation and empties the cache, and an answer computed
// by a request that started before the bump is not stored. Only queries without errors are
// stored, never mutations.
//
// A miss that finds the same question already being answered in this generation waits for
// that answer instead of computing it again. Without this, during a bulk load (one
// invalidation a second) every connection missed at once after each drop, 50 identical
// computations ran side by side, each took longer than the second until the next drop, and
// none was ever stored: a hit rate of 0 % at concurrency 50 (bench:api --during-ingest).
//
// Ingestion through this server's ingestPolicy mutation is seen at once; ingestion by another
// process into the same PostgreSQL (the CLI, a second server) when its commit notification
// arrives (./follow-changes.ts), and on PGlite or without a listener when cached answers
// expire: `ttlMs`.
import { LRUCache } from 'lru-cache';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export interface ResponseCacheOptions {
  /** How long an answer may be served from the cache: the staleness bound for ingestion by other processes. */
  ttlMs: number;
  /** Most answers kept (least recently used dropped first). */
  maxEntries?: number;
  /** Total bytes of request keys and answers kept (default 64 MB): a few large answers cannot fill memory. */
  maxBytes?: number;
  /** Answers larger than this are not kept at all (default 1 MB). */
  maxAnswerBytes?: number;
}

export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface ResponseCache {
  /**
   * What a request finds for this body (and the request headers that shape the answer, `vary`):
   * a stored answer; the same question being answered by another request of this generation,
   * whose answer it may wait for (undefined: it could not be shared — compute it yourself, and
   * don't wait again); or nothing, and the job of computing it.
   */
  lookup(requestBody: string, vary?: string): Lookup;
  /** Makes every cached answer unreachable; call after the graph changed. */
  invalidate(): void;
  /** Counters since the cache was made (for the benchmark: the hit rate during a bulk load). */
  stats(): ResponseCacheStats;
}

export type Lookup = { hit: CachedAnswer } | { wait: Promise<CachedAnswer | undefined> } | { compute: Computation };

export interface Computation {
  /**
   * Call with the answer computed (undefined: none, e.g. its client went away); later calls are ignored.
   * Stores it if it is a query's success and no invalidation happened since the lookup, and
   * hands it to the requests that waited if it is a query's success — even after an
   * invalidation: they asked before it, as this request did.
   */
  finish(answer: CachedAnswer | undefined): void;
}

export interface ResponseCacheStats {
  /** Requests answered from a stored answer. */
  hits: number;
  /** Requests answered by another request's computation of the same answer, which they waited for. */
  shared: number;
  /** Requests that computed their answer (went to Yoga), on their own or after waiting for one that had no answer to share. */
  misses: number;
  /** Times the cache was emptied. */
  invalidations: number;
}

export function createResponseCache(opts: ResponseCacheOptions): ResponseCache {
  let generation = 0;
  // a few integer increments per request: cheap enough to keep always on
  const counts: ResponseCacheStats = { hits: 0, shared: 0, misses: 0, invalidations: 0 };
  const maxAnswer = opts.maxAnswerBytes ?? 1024 * 1024;
  const cache = new LRUCache<string, CachedAnswer>({
    max: opts.maxEntries ?? 1000,
    maxSize: opts.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (answer, key) => answer.body.length + key.length * 2 + 512,
    ttl: opts.ttlMs,
    ttlAutopurge: true, // expired answers are freed, not kept until the slot is reused
  });
  /** Queries being answered in this generation, by key: the answer to come, and how many wait for it. */
  let running = new Map<string, { answer: Promise<CachedAnswer | undefined>; waiters: number }>();
  const shareable = (answer: CachedAnswer) =>
    answer.status === 200 && answer.body.length <= maxAnswer && !hasErrors(answer.body) && !/no-store/i.test(answer.headers['cache-control'] ?? '');
  const uncached: Computation = { finish: () => {} };
  return {
    lookup(requestBody, vary = '') {
      const key = `${vary}\n${requestBody}`;
      const hit = cache.get(key);
      if (hit) {
        counts.hits++;
        return { hit };
      }
      const flight = running.get(key);
      if (flight) {
        counts.shared++;
        flight.waiters++;
        return { wait: flight.answer };
      }
      counts.misses++;
      if (!isQuery(requestBody)) return { compute: uncached }; // mutations are never shared or stored
      const startedIn = generation;
      const flights = running;
      let settle!: (answer: CachedAnswer | undefined) => void;
      const mine = { answer: new Promise<CachedAnswer | undefined>((resolve) => (settle = resolve)), waiters: 0 };
      flights.set(key, mine);
      let finished = false;
      return {
        compute: {
          finish(answer) {
            if (finished) return;
            finished = true;
            if (flights.get(key) === mine) flights.delete(key);
            const ok = answer !== undefined && shareable(answer);
            if (ok && startedIn === generation) cache.set(key, answer);
            // nothing to share: the waiters compute for themselves, and count as misses
            if (!ok) {
              counts.shared -= mine.waiters;
              counts.misses += mine.waiters;
            }
            settle(ok ? answer : undefined);
          },
        },
      };
    },
    invalidate() {
      generation++;
      counts.invalidations++;
      cache.clear();
      // what is being computed now may predate the change: later requests compute afresh
      running = new Map();
    },
    stats: () => ({ ...counts }),
  };
}

/** A GraphQL-over-HTTP request body whose selected operation is a query (not a mutation or subscription). */
export function isQuery(requestBody: string): boolean {
  try {
    const { query, operationName } = JSON.parse(requestBody) as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string') return false;
    const operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const selected = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    return selected?.operation === 'query';
  } catch {
    return false;
  }
}

function hasErrors(body: Buffer): boolean {
  try {
    return 'errors' in (JSON.parse(body.toString('utf8')) as object);
  } catch {
    return true;
  }
}

/** RESPONSE_CACHE=off disables it; RESPONSE_CACHE_TTL_MS sets the TTL (default 60 s). Off under vitest, whose suites write behind the server's back. */
export function responseCacheOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ResponseCacheOptions | false {
  if (env.RESPONSE_CACHE === 'off' || env.NODE_ENV === 'test') return false;
  const ttlMs = Number(env.RESPONSE_CACHE_TTL_MS ?? 60_000);
  return { ttlMs: Number.isFinite(ttlMs) && ttlMs > 0 ? ttlMs : 60_000 };
}
