// src/http/static.ts over real HTTP, on a folder laid out like web/dist: what it serves, with
// which headers, and what it refuses (paths outside the folder, other methods, other routes).
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../src/http/static.js';

let dir: string;
let server: Server;
let base: string;

async function listen(root: string): Promise<{ server: Server; base: string }> {
  const serve = createStaticHandler(root);
  const s = createServer((req, res) => {
    if (!serve(req, res, (req.url ?? '/').split('?')[0])) res.writeHead(418).end('not mine');
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pg-static-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>dash</title>');
  writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'assets', 'index-AbC123.css'), 'body{}');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside assets');
  writeFileSync(path.join(path.dirname(dir), `${path.basename(dir)}-sibling.js`), 'beside the folder');
  ({ server, base } = await listen(dir));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(path.dirname(dir), `${path.basename(dir)}-sibling.js`), { force: true });
});

describe('dashboard static files', () => {
  it('serves index.html at / and for the page routes, uncached and under a strict CSP', async () => {
    for (const p of ['/', '/vendor/T3Jn%3D%3D', '/controller/abc/', '/index.html']) {
      const res = await fetch(base + p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(await res.text()).toContain('<title>dash</title>');
    }
  });

  it('serves hashed assets with their type, cached for a year; answers 304 to a matching ETag; HEAD has no body', async () => {
    const js = await fetch(`${base}/assets/index-AbC123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await js.text()).toBe('console.log(1)');
    expect((await fetch(`${base}/assets/index-AbC123.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const again = await fetch(`${base}/assets/index-AbC123.js`, { headers: { 'if-none-match': js.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const head = await fetch(`${base}/assets/index-AbC123.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('14');
    expect(await head.text()).toBe('');
  });

  it('never reads outside assets/: traversal, encoded separators, dot files, unknown names are 404', async () => {
    const sibling = `${path.basename(dir)}-sibling.js`;
    for (const p of [
      '/assets/../secret.txt',
      '/assets/%2e%2e/secret.txt',
      '/assets/..%2fsecret.txt',
      `/assets/..%2f..%2f${sibling}`,
      '/assets/%2e%2e%5csecret.txt',
      '/assets/.hidden',
      '/assets/nope.js',
      '/assets/%E0%A4%A',
      '/assets/a%00.js',
    ]) {
      const res = await fetch(base + p);
      // fetch normalizes plain "/assets/../x" to "/x", which is not the dashboard's: the API would answer
      expect([404, 418], p).toContain(res.status);
      expect(await res.text(), p).not.toMatch(/outside assets|beside the folder/);
    }
  });

  it('leaves everything else to the API: other paths and methods', async () => {
    expect((await fetch(`${base}/graphql`)).status).toBe(418);
    expect((await fetch(`${base}/secret.txt`)).status).toBe(418);
    expect((await fetch(`${base}/vendor/a/b`)).status).toBe(418);
    expect((await fetch(`${base}/`, { method: 'POST', body: 'x' })).status).toBe(418);
  });

  it('says how to build the dashboard when web/dist is missing', async () => {
    const missing = await listen(path.join(dir, 'not-built'));
    try {
      const res = await fetch(`${missing.base}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:web');
    } finally {
      await new Promise((r) => missing.server.close(r));
    }
  });
});
