// GraphQL over HTTP: graphql-yoga with GraphiQL at /graphql, opening on the example question
// "who transfers data to the US via Zoom?".
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { schema } from './graphql/schema.js';
import type { Context } from './graphql/builder.js';
import type { Db } from './db.js';
import type { IngestInputOptions } from './store/ingest-input.js';
import { createResponseCache, responseCacheOptionsFromEnv, type ResponseCacheOptions } from './graphql/response-cache.js';

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

export function createApp(db: Db, opts: AppOptions = {}): YogaServerInstance<Record<string, unknown>, Context> {
  const cacheOptions = opts.responseCache ?? responseCacheOptionsFromEnv();
  const cache = cacheOptions ? createResponseCache(cacheOptions) : null;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    plugins: cache ? [cache.plugin] : [],
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: opts.graphiql === false ? false : { title: 'Policy Graph', defaultQuery: EXAMPLE_QUERY },
    context: () => ({ prisma: db.prisma, ingestOptions: opts.ingestOptions, graphChanged: cache?.invalidate }),
    logging: process.env.NODE_ENV === 'test' ? 'warn' : 'info',
  });
}

export interface Running {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on `port` (0: an ephemeral port); "/" redirects to GraphiQL. */
export async function startServer(db: Db, port: number, opts: AppOptions & { host?: string } = {}): Promise<Running> {
  const yoga = createApp(db, opts);
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: '/graphql' }).end();
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
