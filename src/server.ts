// GraphQL over HTTP: graphql-yoga with GraphiQL at /graphql, opening on the example question
// "who transfers data to the US via Zoom?".
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { schema } from './graphql/schema.js';
import type { Context } from './graphql/builder.js';
import type { Db } from './db.js';
import type { IngestInputOptions } from './store/ingest-input.js';
import { createResponseCache, responseCacheOptionsFromEnv, type CachedAnswer, type ResponseCache, type ResponseCacheOptions } from './graphql/response-cache.js';

export const EXAMPLE_QUERY = `# Who transfers personal data to the US via Zoom?
{
  transfers(filter: { country: "US", service: "Zoom" }) {
    totalCount
    edges { node {
      controller { name }
      recipient { name }
      service { name }
      country { code }
      mechanisms
      certainty
      evidence { quote section }
    } }
  }
}
`;

export interface AppOptions {
  ingestOptions?: IngestInputOptions;
  graphiql?: boolean;
  /** Whole-response cache for queries, invalidated by ingestPolicy; default from the environment (see response-cache.ts). */
  responseCache?: ResponseCacheOptions | false;
}

/** The Yoga app; `graphChanged` is called after every ingestPolicy (the response cache's invalidation). */
export function createApp(db: Db, opts: AppOptions = {}, graphChanged?: () => void): YogaServerInstance<Record<string, unknown>, Context> {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: opts.graphiql === false ? false : { title: 'Policy Graph', defaultQuery: EXAMPLE_QUERY },
    context: () => ({ prisma: db.prisma, ingestOptions: opts.ingestOptions, graphChanged }),
    logging: process.env.NODE_ENV === 'test' ? 'warn' : 'info',
  });
}

export interface Running {
  server: Server;
  url: string;
  port: number;
  /** Drops every cached answer (the graph changed elsewhere). */
  invalidateCache(): void;
  close(): Promise<void>;
}

/** Request bodies beyond this are refused (413): ingestPolicy's largest input, JSON-escaped, fits. */
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/** Listens on `port` (0: an ephemeral port); "/" redirects to GraphiQL. */
export async function startServer(db: Db, port: number, opts: AppOptions & { host?: string } = {}): Promise<Running> {
  const cacheOptions = opts.responseCache ?? responseCacheOptionsFromEnv();
  const cache = cacheOptions ? createResponseCache(cacheOptions) : null;
  const yoga = createApp(db, opts, cache?.invalidate);
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    if (cache && req.method === 'POST' && req.url === '/graphql') {
      serveThroughCache(req, res, yoga, cache).catch((e) => res.headersSent || res.writeHead(500).end(String(e)));
      return;
    }
    void yoga(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, opts.host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://localhost:${actual}/graphql`,
    invalidateCache: () => cache?.invalidate(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A POST: answered from the cache, or by Yoga and then stored when it is a query's success. */
async function serveThroughCache(req: IncomingMessage, res: ServerResponse, yoga: YogaServerInstance<Record<string, unknown>, Context>, cache: ResponseCache) {
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
  const body = Buffer.concat(chunks).toString('utf8');
  const hit = cache.get(body);
  if (hit) {
    res.writeHead(hit.status, hit.headers).end(hit.body);
    return;
  }
  const generation = cache.generation();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const response = await yoga.fetch(`http://${req.headers.host ?? 'localhost'}/graphql`, { method: 'POST', headers, body });
  const answer: CachedAnswer = { status: response.status, headers: {}, body: Buffer.from(await response.arrayBuffer()) };
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding') answer.headers[name] = value;
  });
  answer.headers['content-length'] = String(answer.body.length);
  res.writeHead(answer.status, answer.headers).end(answer.body);
  cache.store(body, generation, answer);
}
