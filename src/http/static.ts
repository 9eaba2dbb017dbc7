// The dashboard's built files (web/dist, from scripts/build-web.mjs) over HTTP: index.html at /
// and for the page's own routes (/vendor/…, /controller/…), hashed assets under /assets/ cached
// for a year, everything else left to the API (404). The page talks only to /graphql.
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page's routes, answered with index.html (the page reads the path itself). */
const PAGE = /^\/(?:vendor|controller)\/[^/]+\/?$/;

// Only this server's own scripts, styles and API: injected markup from a policy's text could not
// load or send anything. Inline styles are allowed for the chart library's layout.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Serves the dashboard from `root`; answers true when it took the request, false to let the API have it. */
export function createStaticHandler(root: string = WEB_DIST) {
  const base = path.resolve(root);
  return function serveStatic(req: IncomingMessage, res: ServerResponse, urlPath: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let file: string;
    let immutable = false;
    if (urlPath === '/' || urlPath === '' || urlPath === '/index.html' || PAGE.test(urlPath)) file = path.join(base, 'index.html');
    else if (urlPath.startsWith('/assets/')) {
      let name: string;
      try {
        name = decodeURIComponent(urlPath.slice('/assets/'.length));
      } catch {
        return notFound(res);
      }
      // one plain file name: no separators, no "..", no NUL — nothing outside assets/
      if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) return notFound(res);
      file = path.join(base, 'assets', name);
      immutable = true; // Vite puts a content hash in every name under assets/
    } else return false;
    if (!file.startsWith(base + path.sep)) return notFound(res);
    void send(req, res, file, immutable);
    return true;
  };
}

async function send(req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean) {
  let st: Stats;
  try {
    st = await stat(file);
    if (!st.isFile()) throw new Error('not a file');
  } catch {
    if (file.endsWith('index.html')) {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
        .end('The dashboard is not built: run `npm run build:web` (npm install does it), then reload. The API is at /graphql.\n');
    } else notFound(res);
    return;
  }
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    'x-content-type-options': 'nosniff',
    ...(file.endsWith('.html') ? PAGE_HEADERS : {}),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  headers['content-length'] = String(st.size);
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function notFound(res: ServerResponse): true {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  return true;
}

/** The handler for the built dashboard in web/dist. */
export const serveDashboard = createStaticHandler();
