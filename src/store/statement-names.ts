// Names for the direct reads' statements, so PostgreSQL parses and analyzes a recurring one once
// per connection instead of on every request. The acceptance question's statement (8 UNION
// branches, ~3.5 KB of text) spent 0.3–0.4 ms of its 3.4–4.1 on that (scratch timing, 400 runs,
// 10,000 policies). The connection runs with plan_cache_mode=force_custom_plan (src/db.ts): a
// named statement is still planned for its values every time — the generic plan PostgreSQL
// otherwise switches to after five runs took 9.3 ms instead of 3.5 for the same question (its
// estimates for `= ANY($n)` without the arrays' contents chose other scans).
//
// A prepared statement holds its parse tree in every connection that ran it, for the
// connection's life, and node-postgres has no way to drop one; so only texts seen twice get a
// name (a text with a value written into it is seldom repeated), and at most `max` of them.
import { LRUCache } from 'lru-cache';

export interface StatementNames {
  /** The name to prepare `text` under, or undefined to send it unnamed (parsed every time). */
  nameFor(text: string): string | undefined;
}

/** Names for up to `max` distinct texts, each given on its second sighting among the last `sightings` texts. */
export function createStatementNames(max = 100, sightings = 1000): StatementNames {
  const named = new Map<string, string>();
  const seen = new LRUCache<string, true>({ max: sightings });
  return {
    nameFor(text) {
      const name = named.get(text);
      if (name || named.size >= max) return name;
      if (!seen.has(text)) {
        seen.set(text, true);
        return undefined;
      }
      seen.delete(text);
      const fresh = `pg_read_${named.size + 1}`;
      named.set(text, fresh);
      return fresh;
    },
  };
}
