// GraphiQL without a CDN: the page Yoga renders at /graphql loads the GraphiQL build of
// @graphql-yoga/graphiql (and Monaco's workers) from this server, under /graphiql/<version>/,
// so it works air-gapped. Yoga's own page fetches them from unpkg and stays at
// "Loading __TITLE__…" where that host is unreachable. The page has no inline script (its
// options travel as JSON data), so it runs under the strict Content-Security-Policy it declares.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { GraphiQLOptions } from 'graphql-yoga';
import { EXAMPLE_QUERY, EXAMPLES } from '../graphql/examples.js';

const pkgJson = createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json');
const DIST = join(dirname(pkgJson), 'dist');
const VERSION = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
/** Versioned, so a browser may keep the files for good and an upgrade is still picked up. */
export const GRAPHIQL_ASSETS = `/graphiql/${VERSION}/`;

/** Monaco asks for a worker by label; these are the bundles the package ships for each. */
const WORKERS: Record<string, string> = {
  editorWorkerService: 'workers/editor.js',
  json: 'workers/json.js',
  graphql: 'workers/graphql.js',
};

/** Sets Monaco's worker URLs and renders GraphiQL with the options the page carries as JSON. */
const BOOT = `'use strict';
(function () {
  var data = JSON.parse(document.getElementById('graphiql-options').textContent);
  var workers = ${JSON.stringify(WORKERS)};
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_id, label) { return data.assets + workers[label]; } };
  document.addEventListener('DOMContentLoaded', function () {
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), data.options);
  });
})();
`;

interface Asset {
  type: string;
  /** A file of the package, streamed; or text of our own. */
  file?: string;
  text?: string;
}

const ASSETS: Record<string, Asset> = {
  'graphiql.css': { type: 'text/css; charset=utf-8', file: 'graphiql.css' },
  'graphiql.js': { type: 'text/javascript; charset=utf-8', file: 'yoga-graphiql.umd.js' },
  'boot.js': { type: 'text/javascript; charset=utf-8', text: BOOT },
  'workers/editor.js': { type: 'text/javascript; charset=utf-8', file: 'monacoeditorwork/editor.worker.bundle.js' },
  'workers/json.js': { type: 'text/javascript; charset=utf-8', file: 'monacoeditorwork/json.worker.bundle.js' },
  'workers/graphql.js': { type: 'text/javascript; charset=utf-8', file: 'monacoeditorwork/graphql.worker..bundle.js' },
};

/**
 * What the page may load: only this origin (scripts, styles, workers, the API). GraphiQL's
 * components set inline styles, hence 'unsafe-inline' for styles only; no script is inline.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** GraphiQL on unless production mode (NODE_ENV=production), where GRAPHIQL=1 turns it back on. */
export function graphiqlEnabled(opts: { graphiql?: boolean; production?: boolean } = {}, env: NodeJS.ProcessEnv = process.env): boolean {
  const production = opts.production ?? env.NODE_ENV === 'production';
  return opts.graphiql ?? (production ? env.GRAPHIQL === '1' : true);
}

/** Yoga's `graphiql` option: opens on the Zoom question, the README's other questions as tabs. */
export function graphiqlOptions(): GraphiQLOptions {
  return { title: 'Policy Graph', defaultQuery: EXAMPLE_QUERY, defaultTabs: EXAMPLES.map((e) => ({ query: e.query })) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside <script type="application/json">: "<" escaped, so no text can close the element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** Yoga's `renderGraphiQL`: the page, referring only to this server's assets. */
export function renderGraphiqlPage(options: GraphiQLOptions = {}): string {
  const title = escapeHtml(options.title ?? 'GraphiQL');
  // YogaGraphiQL starts on `query` (its `defaultQuery` is not read), else on its welcome text
  const data = { assets: GRAPHIQL_ASSETS, options: { ...options, query: options.defaultQuery, favicon: undefined } };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${GRAPHIQL_CSP}">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${GRAPHIQL_ASSETS}graphiql.css">
<script type="application/json" id="graphiql-options">${scriptJson(data)}</script>
<script src="${GRAPHIQL_ASSETS}boot.js"></script>
<script src="${GRAPHIQL_ASSETS}graphiql.js"></script>
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript; the API itself answers POST ${escapeHtml(options.endpoint ?? '/graphql')} without it.</noscript>
<div id="root">Loading ${title}…</div>
</body>
</html>
`;
}

/** Compressed once on first request: the GraphiQL build is 5.3 MB, 1.4 MB gzipped. */
const gzipped = new Map<string, Buffer>();

/**
 * Serves GET/HEAD /graphiql/<version>/… and answers true; anything else is left to the caller
 * (false). Public files of an npm package: served before any credential check, like the page.
 */
export function serveGraphiqlAsset(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (!path.startsWith('/graphiql/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return true;
  }
  const asset = path.startsWith(GRAPHIQL_ASSETS) ? ASSETS[path.slice(GRAPHIQL_ASSETS.length)] : undefined;
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return true;
  }
  const headers: Record<string, string> = {
    'content-type': asset.type,
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  const full = asset.file ? join(DIST, asset.file) : null;
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    let body = gzipped.get(path);
    if (!body) gzipped.set(path, (body = gzipSync(full ? readFileSync(full) : Buffer.from(asset.text!))));
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  if (!full) {
    const body = Buffer.from(asset.text!);
    res.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  res.writeHead(200, { ...headers, 'content-length': String(statSync(full).size) });
  if (req.method === 'HEAD') res.end();
  else createReadStream(full).on('error', () => res.destroy()).pipe(res);
  return true;
}
