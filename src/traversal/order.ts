// The canonical order of traversal answers (see ./types.ts), for the parts a backend assembles
// in JavaScript. Strings compare by UTF-16 code unit — for the ASCII ids, enum names and
// country codes these answers hold, the same as SQL's COLLATE "C" and Cypher's string order.
import type { EvidenceRef, Hop } from './types.js';

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Distinct values, sorted. */
export function sortedSet<T extends string>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort(cmp);
}

/** Evidence without duplicates, sorted by id. */
export function sortedEvidence(refs: Iterable<EvidenceRef>): EvidenceRef[] {
  const byId = new Map<string, EvidenceRef>();
  for (const r of refs) byId.set(r.id, { id: r.id, quote: r.quote });
  return [...byId.values()].sort((a, b) => cmp(a.id, b.id));
}

function cmpList(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i]!, b[i]!);
    if (c) return c;
  }
  return a.length - b.length;
}

/** Paths by number of hops, then organization ids element by element, then hop kinds. */
export function comparePaths(a: { organizations: readonly string[]; hops: readonly Hop[] }, b: { organizations: readonly string[]; hops: readonly Hop[] }): number {
  return (
    a.hops.length - b.hops.length ||
    cmpList(a.organizations, b.organizations) ||
    cmpList(
      a.hops.map((h) => h.kind),
      b.hops.map((h) => h.kind),
    )
  );
}
