// Drives the server with autocannon (programmatic API, in this process — the server runs in
// another) at a given concurrency, POSTing one GraphQL request: for a fixed duration, or for as
// long as something else runs (a bulk ingest, in the during-ingest rows).
import autocannon from 'autocannon';
import { summarize, type Summary } from './stats.js';

/**
 * A GraphQL success body begins with `{"data":`: graphql-js puts `errors` first whenever there
 * are any ({ errors, data }), so this prefix check is exact and avoids parsing every body in the
 * load generator, which shares the machine's two cores with the server and PostgreSQL.
 */
export const isGraphqlSuccess = (body: string | Buffer | undefined) => String(body ?? '').startsWith('{"data":');

const options = (url: string, body: string, connections: number, seconds: number): autocannon.Options => ({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body,
  connections,
  duration: seconds,
  verifyBody: isGraphqlSuccess,
});

export async function httpLoad(url: string, body: string, connections: number, seconds: number): Promise<Summary> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options(url, body, connections, seconds), (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  return summarize(latencies, result.duration, { errors: result.errors, non2xx: result.non2xx, failures: result.mismatches });
}

/**
 * Load from now until `until` settles, counted from when `from` settles (before it: a warm
 * start the figures leave out). Only responses that arrive in that window count, and the rate
 * is over it (autocannon itself stops at its next 1 s sample tick); `onResponse` hears of
 * each one as it comes (progress output).
 */
export async function httpLoadUntil(url: string, body: string, connections: number, window: { from: Promise<unknown>; until: Promise<unknown> }, onResponse?: () => void): Promise<Summary> {
  const latencies: number[] = [];
  let counting = false;
  let t0 = NaN;
  let seconds = NaN;
  void window.from.then(() => {
    counting = true;
    t0 = performance.now();
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options(url, body, connections, 24 * 3600), (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (!counting || statusCode < 200 || statusCode >= 300) return;
      latencies.push(responseTime);
      onResponse?.();
    });
    const end = () => {
      seconds = counting ? (performance.now() - t0) / 1000 : 0;
      counting = false;
      instance.stop();
    };
    window.until.then(end, end);
  });
  return summarize(latencies, seconds, { errors: result.errors, non2xx: result.non2xx, failures: result.mismatches });
}
