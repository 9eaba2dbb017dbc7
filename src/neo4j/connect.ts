// Where Neo4j is and how to reach it: read from the environment, checked before anything
// connects, and a driver that fails within seconds (not the driver's default of minutes of
// retries) with a message that says what is wrong. neo4j-driver is imported only here and
// only when Neo4j is configured: a server without NEO4J_URI never loads it.
import type { Driver } from 'neo4j-driver';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  /** NEO4J_DATABASE; the server's default database when unset. */
  database?: string;
}

/** Bad or missing settings: refused before any connection is tried. */
export class Neo4jConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Neo4jConfigError';
  }
}

/** Neo4j could not be reached or refused us; `reason` tells which. */
export class Neo4jUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'unreachable' | 'unauthorized' | 'timeout' | 'other',
  ) {
    super(message);
    this.name = 'Neo4jUnavailableError';
  }
}

/** How long connecting may take before we give up: also bounds each driver-level retry. */
export const CONNECT_TIMEOUT_MS = 5_000;

const SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/** null when NEO4J_URI is unset (Neo4j is optional); throws Neo4jConfigError for an unusable setting. */
export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | null {
  const uri = env.NEO4J_URI?.trim();
  if (!uri) return null;
  const scheme = /^([a-z0-9+]+):\/\//i.exec(uri)?.[1]?.toLowerCase();
  if (!scheme || !SCHEMES.includes(scheme)) {
    throw new Neo4jConfigError(`NEO4J_URI must start with one of ${SCHEMES.map((s) => `${s}://`).join(', ')} (got "${uri}")`);
  }
  // no default password: a server that happens to accept "neo4j" must not be written to by accident
  const password = env.NEO4J_PASSWORD;
  if (!password) throw new Neo4jConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not: set the password of NEO4J_USER (default "neo4j"); there is no default password');
  return { uri, user: env.NEO4J_USER?.trim() || 'neo4j', password, database: env.NEO4J_DATABASE?.trim() || undefined };
}

/** The URI without credentials, for messages. */
export function describeUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

/** What went wrong, in words an operator can act on. */
export function explainNeo4jError(e: unknown, cfg: Neo4jConfig): Neo4jUnavailableError {
  if (e instanceof Neo4jUnavailableError) return e;
  const err = e as { code?: string; message?: string };
  const where = describeUri(cfg.uri);
  const msg = err?.message ?? String(e);
  if (err?.code === 'Neo.ClientError.Security.Unauthorized' || err?.code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new Neo4jUnavailableError(`Neo4j at ${where} refused the credentials of user "${cfg.user}" (check NEO4J_USER / NEO4J_PASSWORD): ${msg}`, 'unauthorized');
  }
  if (err?.code === 'ServiceUnavailable' || err?.code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|Failed to connect|Could not perform discovery/i.test(msg)) {
    // the driver's own text is a paragraph about encryption settings; its cause is what matters
    const cause = /Caused by: (.*)$/s.exec(msg)?.[1] ?? msg.split('\n')[0];
    return new Neo4jUnavailableError(`Neo4j at ${where} is unreachable (is it running, and is NEO4J_URI right?): ${cause.trim()}`, 'unreachable');
  }
  return new Neo4jUnavailableError(`Neo4j at ${where}: ${msg.split('\n')[0]}`, 'other');
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * A driver whose server answered and accepted the credentials, within `timeoutMs`. On failure
 * the driver is closed and a Neo4jUnavailableError says why.
 */
export async function connectNeo4j(cfg: Neo4jConfig, timeoutMs = CONNECT_TIMEOUT_MS): Promise<Driver> {
  const neo4j = (await import('neo4j-driver')).default;
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    // the driver retries failed transactions for 30 s by default; the sync queue retries instead
    maxTransactionRetryTime: timeoutMs,
    // counts and depths come back as JS numbers, not Integer objects
    disableLosslessIntegers: true,
  });
  try {
    await withTimeout(
      driver.verifyConnectivity(cfg.database ? { database: cfg.database } : {}),
      timeoutMs,
      () => new Neo4jUnavailableError(`Neo4j at ${describeUri(cfg.uri)} did not answer within ${timeoutMs / 1000} s (is it running, and is NEO4J_URI right?)`, 'timeout'),
    );
    return driver;
  } catch (e) {
    // closing waits for nothing: no connection was established or it is dropped
    void driver.close().catch(() => {});
    throw explainNeo4jError(e, cfg);
  }
}
