/**
 * Lookups in lists of spans sorted by start (mentions, country mentions), by binary search:
 * stages that ask "what lies in this sentence / after this name" once per sentence or name
 * would otherwise scan the whole list each time, quadratic on a text with thousands of them.
 */

/** Index of the first span starting at or after `offset` (`spans.length` if none). */
export function firstAtOrAfter(spans: readonly { start: number }[], offset: number): number {
  let lo = 0, hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices of the spans inside [from, to), in order. */
export function indicesWithin(spans: readonly { start: number; end: number }[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = firstAtOrAfter(spans, from); k < spans.length && spans[k].start < to; k++) if (spans[k].end <= to) out.push(k);
  return out;
}

/** The spans inside [from, to), in order. */
export function within<T extends { start: number; end: number }>(spans: readonly T[], from: number, to: number): T[] {
  return indicesWithin(spans, from, to).map((k) => spans[k]);
}
