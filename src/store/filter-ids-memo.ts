// The ids a transfer filter's names designate (resolveFilterIds), kept between requests until the
// graph changes: names become other ids only when an ingest adds an organization, a service or an
// alias, so a server asked "via Zoom" a hundred times a second looked the same three keys up a
// hundred times (a statement and a round trip of each request's two). Cleared wherever the
// response cache is invalidated — after an ingest through this server, and on another process's
// notification (followGraphChanges) — so it is never staler than the response cache.
import { LRUCache } from 'lru-cache';
import type { ReadSql } from '../db.js';
import type { TransferFilter } from './queries.js';
import { resolveFilterIds, type FilterIds } from './transfer-hits.js';

export interface FilterIdsMemo {
  /** resolveFilterIds(read, filter), or the answer to the same names since the last clear. */
  get(read: ReadSql, filter: TransferFilter): Promise<FilterIds | null>;
  /** Forgets every answer, and any look-up still running (the graph changed). */
  clear(): void;
}

/** A memo of at most `max` name combinations (the least recently asked go first). */
export function createFilterIdsMemo(max = 1000): FilterIdsMemo {
  const answers = new LRUCache<string, Promise<FilterIds | null>>({ max });
  return {
    get(read, filter) {
      const key = JSON.stringify([filter.service ?? null, filter.vendor ?? null, filter.controller ?? null]);
      const held = answers.get(key);
      if (held) return held;
      const answer = resolveFilterIds(read, filter);
      answers.set(key, answer);
      // a failed look-up is asked again next time (clear() drops one still running: it may
      // read the graph from before the change, so it answers its own request only)
      answer.catch(() => answers.get(key) === answer && answers.delete(key));
      return answer;
    },
    clear() {
      answers.clear();
    },
  };
}
