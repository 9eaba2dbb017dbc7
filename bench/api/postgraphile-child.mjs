// The peer under test: PostGraphile 4 with the connection-filter plugin, read-only, on the same
// database (DATABASE_URL), in a process of its own like our server and, like it, plain node
// (JavaScript, so neither carries a TypeScript loader into its memory figures). Speaks the
// same IPC as our server (src/http/parent-ipc.ts, compiled in dist/: listening, memory,
// in-flight requests; the bench disconnects to stop it).
import http from 'node:http';
import path from 'node:path';
import Module, { createRequire } from 'node:module';
import { reportToParent } from '../../dist/http/parent-ipc.js';

// PostGraphile 4 needs graphql 15; our server uses 16 at the top of node_modules, so npm nests
// 15 under postgraphile and again under graphile-build-pg, and graphql-parse-resolve-info finds
// 16: "Cannot use GraphQLScalarType from another module". In this process every `graphql`
// resolves to postgraphile's own copy.
const graphql15 = path.dirname(createRequire(createRequire(import.meta.url).resolve('postgraphile')).resolve('graphql/package.json'));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const own = request === 'graphql' || request.startsWith('graphql/') ? path.join(graphql15, request.slice('graphql'.length)) : request;
  return resolve.call(this, own, ...rest);
};
const { postgraphile } = await import('postgraphile');
const { default: ConnectionFilterPlugin } = await import('postgraphile-plugin-connection-filter');

const handler = postgraphile(process.env.DATABASE_URL, 'public', {
  appendPlugins: [ConnectionFilterPlugin],
  // filters across relations (the current policy version), as our API answers from current versions
  graphileBuildOptions: { connectionFilterRelations: true },
  graphiql: false,
  // read-only: no mutations in the schema; every request in a read-only transaction
  disableDefaultMutations: true,
  pgSettings: { default_transaction_read_only: 'on' },
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: true,
  retryOnInitFail: false,
  disableQueryLog: true,
});
const server = http.createServer(handler);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const stop = async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await handler.release();
  process.exit(0);
};
process.once('SIGTERM', stop);
reportToParent(server, stop);
