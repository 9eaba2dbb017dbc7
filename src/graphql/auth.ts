// Who is calling and what they may do: writes need an API key with the "write" scope, and a
// key's writes are rate-limited. Typed errors, so a client can tell "no key" from "bad input".
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Caller, Scope } from '../store/api-keys.js';

export class UnauthorizedError extends Error {
  readonly name = 'UnauthorizedError';
}

export class ForbiddenError extends Error {
  readonly name = 'ForbiddenError';
}

export class RateLimitedError extends Error {
  readonly name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many writes with this key; retry in ${retryAfterSeconds} s`);
  }
}

export interface AuthContext {
  /** The caller of this request, looked up once when first asked for. */
  caller(): Promise<Caller | null | 'invalid'>;
  writeLimiter?: RateLimiterMemory;
}

/** Writes per key: `points` per `seconds` (default 60 ingestions a minute). */
export function createWriteLimiter(points = 60, seconds = 60): RateLimiterMemory {
  return new RateLimiterMemory({ points, duration: seconds });
}

/** Resolves to the caller when it holds `scope`; throws the typed error a client should see otherwise. */
export async function requireScope(ctx: AuthContext, scope: Scope): Promise<Caller> {
  const caller = await ctx.caller();
  if (caller === null) throw new UnauthorizedError(`this operation needs an API key with the "${scope}" scope: send "Authorization: Bearer <key>" (create one with \`policy-graph keys create\`)`);
  if (caller === 'invalid') throw new UnauthorizedError('the API key is unknown or revoked');
  if (!caller.scopes.includes(scope)) throw new ForbiddenError(`the API key lacks the "${scope}" scope`);
  if (scope === 'write' && ctx.writeLimiter) {
    try {
      await ctx.writeLimiter.consume(caller.keyId);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(e.msBeforeNext / 1000));
      throw e;
    }
  }
  return caller;
}
