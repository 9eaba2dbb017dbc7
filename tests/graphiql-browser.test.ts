// GraphiQL in a real browser with the network unplugged: every request that does not go to
// our own server is aborted, so the page can only work if the server ships all of GraphiQL.
// It must open on the README's first question, offer the others as tabs, and running the
// opening query must show the three seed controllers in the result pane.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { openDb, type Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { seedIfEmpty } from '../src/store/seed.js';
import { EXAMPLES } from '../src/graphql/examples.js';
import { GRAPHIQL_ASSETS } from '../src/http/graphiql.js';

const SEED_CONTROLLERS = ['Cegedim e-Business GmbH', 'INVERTO GmbH', 'iDot digital UG (haftungsbeschränkt)'];
const SCREENSHOT = 'test-results/graphiql.png';
/** Monaco lays text out with non-breaking spaces: compare with whitespace collapsed. */
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ');

describe('GraphiQL offline, in Chromium', () => {
  let db: Db;
  let app: Running;
  let browser: Browser;
  beforeAll(async () => {
    db = await openDb();
    expect((await seedIfEmpty(db.prisma)).filter((s) => s.error)).toEqual([]);
    app = await startServer(db, 0);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('opens on the Zoom question with the other examples as tabs, and running it lists the seed controllers', async () => {
    const origin = new URL(app.url).origin;
    // tall enough that Monaco renders every line of the answer (it only draws visible lines)
    const page = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
    const foreign: string[] = [];
    const problems: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      foreign.push(url);
      return route.abort('internetdisconnected');
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
    });

    await page.goto(app.url);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
    expect(await page.title()).toBe('Policy Graph');
    // one tab per README question, the first one active, named by its operation
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count()).toBe(EXAMPLES.length);
    const names = EXAMPLES.map((e) => /query (\w+)/.exec(e.query)![1]);
    for (const [i, name] of names.entries()) expect(await tabs.nth(i).innerText()).toContain(name);
    await expect.poll(() => textOf(page.locator('.graphiql-query-editor').first())).toContain('service: "Zoom"');
    expect(await textOf(page.locator('.graphiql-query-editor').first())).not.toContain('Welcome to');

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window').first();
    await expect.poll(() => textOf(result), { timeout: 30_000 }).toContain('"totalCount": 3');
    const text = await textOf(result);
    for (const controller of SEED_CONTROLLERS) expect(text).toContain(controller);
    expect(text).not.toContain('"errors"');

    mkdirSync('test-results', { recursive: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: SCREENSHOT });
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});

describe('GraphiQL assets over HTTP', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the page refers only to this server, under a strict CSP, and the assets are served from node_modules', async () => {
    const app = await startServer(db, 0);
    try {
      const origin = new URL(app.url).origin;
      const html = await (await fetch(app.url, { headers: { accept: 'text/html' } })).text();
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'self';/);
      expect(html).not.toMatch(/<script>(?!<)/); // no inline script: each <script> has a src or is JSON data
      const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((s) => s.startsWith('/'));
      expect(srcs).toEqual([`${GRAPHIQL_ASSETS}graphiql.css`, `${GRAPHIQL_ASSETS}boot.js`, `${GRAPHIQL_ASSETS}graphiql.js`]);
      for (const src of srcs) {
        const res = await fetch(origin + src);
        expect(res.status, src).toBe(200);
        expect(res.headers.get('cache-control')).toContain('immutable');
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(500);
      }
      const js = await fetch(`${origin}${GRAPHIQL_ASSETS}graphiql.js`, { headers: { 'accept-encoding': 'gzip' } });
      expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect((await js.text()).startsWith('(function(')).toBe(true); // fetch decompressed it
      for (const worker of ['editor', 'json', 'graphql']) expect((await fetch(`${origin}${GRAPHIQL_ASSETS}workers/${worker}.js`)).status).toBe(200);
      expect((await fetch(`${origin}${GRAPHIQL_ASSETS}../../package.json`)).status).toBe(404);
      expect((await fetch(`${origin}${GRAPHIQL_ASSETS}nope.js`)).status).toBe(404);
      expect((await fetch(`${origin}${GRAPHIQL_ASSETS}boot.js`, { method: 'POST', body: 'x' })).status).toBe(405);
    } finally {
      await app.close();
    }
  });

  it('production mode serves neither the page nor its assets', async () => {
    const app = await startServer(db, 0, { production: true });
    try {
      const origin = new URL(app.url).origin;
      const page = await fetch(app.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('graphiql-options');
      expect((await fetch(`${origin}${GRAPHIQL_ASSETS}graphiql.js`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('with reads requiring a key, the page and its assets still load (the key goes in the Headers tab)', async () => {
    const app = await startServer(db, 0, { readsRequireKey: true });
    try {
      const origin = new URL(app.url).origin;
      expect((await fetch(app.url, { headers: { accept: 'text/html' } })).status).toBe(200);
      expect((await fetch(`${origin}${GRAPHIQL_ASSETS}graphiql.css`)).status).toBe(200);
      const query = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(query.status).toBe(401);
    } finally {
      await app.close();
    }
  });
});
