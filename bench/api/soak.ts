// Memory run: a mix of all operations (autocannon cycling through their requests) for a long
// duration while the server process's RSS and V8 heap are sampled every `everySeconds`.
import autocannon from 'autocannon';
import type { Operation } from './operations.js';
import type { MemorySample, ServerProcess } from './server-process.js';
import { isGraphqlSuccess } from './http-load.js';

export interface SoakResult {
  samples: (MemorySample & { t: number })[];
  requests: number;
  errors: number;
  non2xx: number;
  failures: number;
}

export async function soak(server: ServerProcess, ops: Operation[], seconds: number, connections: number, everySeconds = 10): Promise<SoakResult> {
  const samples: SoakResult['samples'] = [];
  const t0 = Date.now();
  const sample = async () => samples.push({ t: Math.round((Date.now() - t0) / 1000), ...(await server.memory()) });
  await sample();
  const timer = setInterval(() => void sample(), everySeconds * 1000);
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    requests: ops.map((o) => ({ method: 'POST', body: o.body })),
    connections,
    duration: seconds,
    verifyBody: isGraphqlSuccess,
  });
  clearInterval(timer);
  await sample();
  return { samples, requests: result.requests.total, errors: result.errors, non2xx: result.non2xx, failures: result.mismatches };
}

/** Mean of the samples in the first and in the last minute of the run. */
export function firstVsLastMinute(samples: SoakResult['samples'], key: keyof MemorySample): { first: number; last: number } {
  const end = samples[samples.length - 1]?.t ?? 0;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  return {
    first: mean(samples.filter((s) => s.t <= 60).map((s) => s[key])),
    last: mean(samples.filter((s) => s.t >= end - 60).map((s) => s[key])),
  };
}
