// Drives the server with autocannon (programmatic API, in this process — the server runs in
// another) for a fixed duration at a given concurrency, POSTing one GraphQL request.
import autocannon from 'autocannon';
import { summarize, type Summary } from './stats.js';

/**
 * A GraphQL success body begins with `{"data":`: graphql-js puts `errors` first whenever there
 * are any ({ errors, data }), so this prefix check is exact and avoids parsing every body in the
 * load generator, which shares the machine's two cores with the server and PostgreSQL.
 */
export const isGraphqlSuccess = (body: string | Buffer | undefined) => String(body ?? '').startsWith('{"data":');

export async function httpLoad(url: string, body: string, connections: number, seconds: number): Promise<Summary> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        connections,
        duration: seconds,
        verifyBody: isGraphqlSuccess,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  return summarize(latencies, result.duration, { errors: result.errors, non2xx: result.non2xx, failures: result.mismatches });
}
