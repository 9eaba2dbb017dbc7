// GraphQL over HTTP: graphql-yoga with GraphiQL at /graphql, opening on the example question
// "who transfers data to the US via Zoom?".
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, useExecutionCancellation, type YogaServerInstance } from 'graphql-yoga';
import PQueue from 'p-queue';
import { schema } from './graphql/schema.js';
import type { Context } from './graphql/builder.js';
import type { Db } from './db.js';
import type { TraversalBackend } from './traversal/types.js';
import type { IngestInputOptions } from './store/ingest-input.js';
import { createFilterIdsMemo, type FilterIdsMemo } from './store/filter-ids-memo.js';
import { limitPlugins, type QueryLimits } from './graphql/limits.js';
import { noStorePlugin } from './graphql/no-store.js';
import { createWriteLimiter } from './graphql/auth.js';
import { authenticate } from './store/api-keys.js';
import { serveDashboard } from './http/static.js';
import { mayRead, refuseRead } from './http/read-access.js';
import { serveExport } from './export/http.js';
import { graphiqlEnabled, graphiqlOptions, renderGraphiqlPage, serveGraphiqlAsset } from './http/graphiql.js';
import { createResponseCache, responseCacheOptionsFromEnv, type CachedAnswer, type ResponseCache, type ResponseCacheOptions, type ResponseCacheStats } from './graphql/response-cache.js';

export interface AppOptions {
  ingestOptions?: IngestInputOptions;
  /** GraphiQL at /graphql; default on, off in production unless GRAPHIQL=1. */
  graphiql?: boolean;
  /** Production mode: introspection and field suggestions off, GraphiQL off (default: NODE_ENV=production). */
  production?: boolean;
  /** Origins allowed to call the API from a browser; default CORS_ORIGINS (comma-separated), else none (CORS off). */
  corsOrigins?: string[];
  limits?: Partial<QueryLimits>;
  /** Longest a request may run before it is stopped and answered with a TIMEOUT error; default EXECUTION_TIMEOUT_MS or 30,000. */
  executionTimeoutMs?: number;
  /** GraphQL requests executed at once, the rest wait in arrival order; default MAX_CONCURRENT_EXECUTIONS or 8. */
  maxConcurrentExecutions?: number;
  /** Every request needs an API key with the "read" (or "write") scope; default READS_REQUIRE_KEY=1. Writes always need one. */
  readsRequireKey?: boolean;
  /** Writes (ingestPolicy) per key per minute; default WRITES_PER_MINUTE or 60. */
  writesPerMinute?: number;
  /** Whole-response cache for queries, invalidated by ingestPolicy; default from the environment (see response-cache.ts). */
  responseCache?: ResponseCacheOptions | false;
  /** Answers dataPaths, subprocessorChain, sharedVendors and exposure; default SQL on the primary database. */
  traversal?: TraversalBackend;
  /** Keeps the transfer filters' names as ids between requests, cleared with the response cache (startServer makes one, except under NODE_ENV=test); absent: resolved per request. */
  filterIds?: FilterIdsMemo;
}

/** The Yoga app; `graphChanged` is called after every ingestPolicy (the response cache's invalidation). */
export function createApp(db: Db, opts: AppOptions = {}, graphChanged?: () => void): YogaServerInstance<Record<string, unknown>, Context> {
  const production = opts.production ?? process.env.NODE_ENV === 'production';
  const graphiql = graphiqlEnabled(opts);
  const origins = opts.corsOrigins ?? corsOriginsFromEnv();
  const writeLimiter = createWriteLimiter(opts.writesPerMinute ?? (Number(process.env.WRITES_PER_MINUTE) || 60), 60);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: graphiql ? graphiqlOptions() : false,
    renderGraphiQL: renderGraphiqlPage,
    // no Access-Control-* headers unless an operator lists origins: a foreign page cannot read answers
    cors: origins.length ? { origin: origins, credentials: false, methods: ['GET', 'POST'] } : false,
    batching: false,
    maskedErrors: true,
    // the request's signal (client gone, time budget spent) stops execution between fields
    plugins: [useExecutionCancellation(), ...limitPlugins({ limits: opts.limits, production, introspection: process.env.INTROSPECTION === '1' }), noStorePlugin()],
    context: ({ request }) => {
      let caller: ReturnType<typeof authenticate> | undefined;
      return {
        prisma: db.prisma,
        read: db.read,
        ingestOptions: opts.ingestOptions,
        graphChanged,
        caller: () => (caller ??= authenticate(db.prisma, request.headers.get('authorization'))),
        writeLimiter,
        traversal: opts.traversal,
        filterIds: opts.filterIds,
      };
    },
    logging: process.env.NODE_ENV === 'test' ? 'warn' : 'info',
  });
}

export interface Running {
  server: Server;
  url: string;
  port: number;
  /** Drops every cached answer and name look-up (the graph changed elsewhere). */
  invalidateCache(): void;
  /** The response cache's hit and miss counts; null when it is off. */
  cacheStats(): ResponseCacheStats | null;
  close(): Promise<void>;
}

/** Request bodies beyond this are refused (413): ingestPolicy's largest input, JSON-escaped, fits. */
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
}

/** Listens on `port` (0: an ephemeral port) on loopback unless `host` (or HOST) says otherwise; "/" is the dashboard (src/http/static.ts). */
export async function startServer(db: Db, port: number, opts: AppOptions & { host?: string } = {}): Promise<Running> {
  const cacheOptions = opts.responseCache ?? responseCacheOptionsFromEnv();
  const cache = cacheOptions ? createResponseCache(cacheOptions) : null;
  // off under test as the response cache is: tests write to the database behind the server's back
  const filterIds = opts.filterIds ?? (process.env.NODE_ENV === 'test' ? undefined : createFilterIdsMemo());
  // what an ingest here, or another process's notification, makes stale
  const graphChanged = () => {
    filterIds?.clear();
    cache?.invalidate();
  };
  const yoga = createApp(db, { ...opts, filterIds }, graphChanged);
  const host = opts.host ?? process.env.HOST ?? '127.0.0.1';
  const graphiqlOn = graphiqlEnabled(opts);
  const readsRequireKey = opts.readsRequireKey ?? process.env.READS_REQUIRE_KEY === '1';
  const timeoutMs = opts.executionTimeoutMs ?? (Number(process.env.EXECUTION_TIMEOUT_MS) || 30_000);
  // A bound on the requests in execution at once: the database answers a few statements at a
  // time anyway (PG_POOL_MAX), and fifty requests each holding their rows, result tree and
  // answer at once only grew the heap (the vendor tree at concurrency 50). Waiting counts
  // against the time budget; a request whose client leaves while it waits never runs.
  const executions = new PQueue({ concurrency: opts.maxConcurrentExecutions ?? (Number(process.env.MAX_CONCURRENT_EXECUTIONS) || 8) });
  const handle = (req: IncomingMessage, res: ServerResponse, path: string) => {
    // every body is read here, under one limit, whatever the URL looks like; every request runs
    // under the time budget and stops when its client goes away
    serveBuffered(req, res, yoga, req.method === 'POST' && path === '/graphql' ? cache : null, timeoutMs, executions).catch((e) => res.headersSent || res.writeHead(500).end(String(e)));
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (serveDashboard(req, res, path)) return; // the page and its assets are public; the API calls it makes are not
    if (graphiqlOn && serveGraphiqlAsset(req, res, path)) return;
    if (path.startsWith('/export/')) return void serveExport(db.prisma, req, res, path, { readsRequireKey });
    const page = req.method === 'GET' && /text\/html/.test(req.headers.accept ?? '');
    if (readsRequireKey && !page && req.method !== 'OPTIONS') {
      // checked before the response cache: a cached answer is no way around the key
      mayRead(db.prisma, req.headers.authorization).then(
        (allowed) => (allowed ? handle(req, res, path) : refuseRead(res)),
        (e) => res.headersSent || res.writeHead(500).end(String(e)),
      );
      return;
    }
    handle(req, res, path);
  });
  // a client that sends its headers or body slowly is cut off instead of holding a socket for 5 minutes
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' || host === '::1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    server,
    port: actual,
    url: `http://${shown}:${actual}/graphql`,
    invalidateCache: graphChanged,
    cacheStats: () => cache?.stats() ?? null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TIMEOUT_ANSWER = (ms: number) =>
  JSON.stringify({ errors: [{ message: `the request ran past its time budget of ${ms} ms and was stopped; ask for less (smaller pages, fewer levels)`, extensions: { code: 'TIMEOUT' } }] });

/**
 * A request: its body read under the size limit, then answered from the cache (POST /graphql
 * queries), by the answer another request is computing for the same question, or by Yoga —
 * stored and shared when it is a query's success. Yoga gets a signal that aborts
 * when the client disconnects or the time budget runs out: execution then stops resolving
 * fields, so no further statements are sent for a request nobody waits for.
 */
async function serveBuffered(req: IncomingMessage, res: ServerResponse, yoga: YogaServerInstance<Record<string, unknown>, Context>, cache: ResponseCache | null, timeoutMs: number, executions: PQueue) {
  if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) {
    res.writeHead(413, { connection: 'close' }).end('request body too large');
    req.destroy();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) {
      res.writeHead(413, { connection: 'close' }).end('request body too large');
      return;
    }
    chunks.push(chunk as Buffer);
  }
  const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
  // the cached answer carries the headers of the request that made it: key on what changes them
  const vary = `${req.headers['content-type'] ?? ''} ${req.headers.origin ?? ''} ${req.headers.accept ?? ''}`;
  const found = body === undefined ? undefined : cache?.lookup(body, vary);
  if (found && 'hit' in found) {
    res.writeHead(found.hit.status, found.hit.headers).end(found.hit.body);
    return;
  }
  const ac = new AbortController();
  res.once('close', () => res.writableFinished || ac.abort()); // the client went away: stop working for it
  let timedOut = false;
  const budget = setTimeout(() => {
    timedOut = true;
    ac.abort();
  }, timeoutMs); // waiting for another request's answer counts against it too
  try {
    if (found && 'wait' in found) {
      const shared = await Promise.race([found.wait, new Promise<undefined>((resolve) => ac.signal.addEventListener('abort', () => resolve(undefined)))]);
      if (shared) return void res.writeHead(shared.status, shared.headers).end(shared.body);
      // not shareable (an error, a timeout, its client gone): this request asks for itself
    }
    const answer = ac.signal.aborted
      ? undefined
      : await executions.add(() => answerFromYoga(req, body, yoga, ac.signal), { signal: ac.signal }).catch((e) => {
          if (ac.signal.aborted) return undefined; // left the queue unrun: its client went away or its time ran out
          throw e;
        });
    if (ac.signal.aborted && !timedOut) return; // nobody is listening any more
    // whatever Yoga made of an aborted execution, the caller learns why, and it is not cached
    const sent = answer && !ac.signal.aborted ? answer : { status: 503, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(TIMEOUT_ANSWER(timeoutMs)) };
    sent.headers['content-length'] = String(sent.body.length);
    res.writeHead(sent.status, sent.headers).end(sent.body);
    if (found && 'compute' in found) found.compute.finish(sent === answer ? answer : undefined);
  } finally {
    clearTimeout(budget);
    // a computation that ended any other way shares nothing (a second finish is ignored)
    if (found && 'compute' in found) found.compute.finish(undefined);
  }
}

/** The answer Yoga gives; undefined when `signal` aborted it. */
async function answerFromYoga(req: IncomingMessage, body: string | undefined, yoga: YogaServerInstance<Record<string, unknown>, Context>, signal: AbortSignal): Promise<CachedAnswer | undefined> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  try {
    const response = await yoga.fetch(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/graphql'}`, { method: req.method, headers, body, signal });
    const answer: CachedAnswer = { status: response.status, headers: {}, body: Buffer.from(await response.arrayBuffer()) };
    response.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'transfer-encoding') answer.headers[name] = value;
    });
    return answer;
  } catch (e) {
    if (!signal.aborted) throw e;
    return undefined;
  }
}
