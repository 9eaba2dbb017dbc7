// Latency summaries from raw per-request samples (milliseconds, fractional: autocannon's own
// histogram rounds to whole milliseconds, too coarse for sub-millisecond SQL).

export interface Summary {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Transport errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 2xx responses that are not a GraphQL success (or SQL errors). */
  failures: number;
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(latencies: number[], seconds: number, counts: Pick<Summary, 'errors' | 'non2xx' | 'failures'>): Summary {
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    ...counts,
  };
}
