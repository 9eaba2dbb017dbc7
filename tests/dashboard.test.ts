// The dashboard at / in a real browser (Debian's Chromium through playwright-core), against a
// real server on the seed policies: every figure on the page is compared with what the API
// answers to the same question, and each page leaves a screenshot in test-results/.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { gqlClient } from './helpers/http.js';
import { openDb, type Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { seedIfEmpty } from '../src/store/seed.js';
import { createKey } from '../src/store/api-keys.js';

const root = path.resolve(import.meta.dirname, '..');
const shots = path.join(root, 'test-results');

describe('dashboard in Chromium', () => {
  let db: Db;
  let app: Running;
  let browser: Browser;
  let gql: ReturnType<typeof gqlClient>;
  let base: string;

  beforeAll(async () => {
    // postinstall builds web/dist; rebuild here only when a source is newer than the build
    execFileSync(process.execPath, [path.join(root, 'scripts/build-web.mjs'), '--if-stale'], { stdio: 'inherit' });
    mkdirSync(shots, { recursive: true });
    db = await openDb();
    const seeded = await seedIfEmpty(db.prisma);
    expect(seeded.filter((s) => s.error)).toEqual([]);
    app = await startServer(db, 0);
    base = app.url.replace(/graphql$/, '');
    gql = gqlClient(app.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  /** A page that fails the test on a script error instead of rendering half a dashboard. */
  async function open(url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    return { page, errors };
  }

  it('the overview shows the API’s headline figures, charts and risk lists', async () => {
    const { data } = await gql(`{
      dashboard(top: 10) { policies transfers thirdCountryTransfers transfersWithoutMechanism byCountry { count country { code } } byMechanism { mechanism label count } topVendors { organization { name } } }
      organizations(filter: { isRecipient: true }) { totalCount }
      transfersWithoutMechanism { totalCount edges { node { evidence { quote } } } }
      privacyShieldReferences { totalCount }
      thirdCountryRecipients { totalCount edges { node { name } } }
    }`);
    const d = data.dashboard;
    expect(d.policies).toBe(5); // the seeds: a page showing zeros must not pass by agreeing with an empty API

    const { page, errors } = await open(base);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.reload(); // record from the first request: the page itself
    const figure = (name: string) => page.locator(`[data-figure="${name}"] dd`).innerText();
    await page.locator('[data-figure="policies"]').waitFor();
    expect(await figure('policies')).toBe(String(d.policies));
    expect(await figure('vendors')).toBe(String(data.organizations.totalCount));
    expect(await figure('transfers')).toBe(String(d.transfers));
    expect(await figure('third-country')).toBe(String(d.thirdCountryTransfers));
    expect(await figure('without-mechanism')).toBe(String(d.transfersWithoutMechanism));

    // the charts are drawn (SVG) and labelled with the API's buckets, the null mechanism included
    const destinations = page.getByRole('img', { name: /^Transfers by destination/ });
    await expect.poll(() => destinations.locator('svg').count()).toBe(1);
    const destLabel = await destinations.getAttribute('aria-label');
    for (const c of d.byCountry) expect(destLabel).toContain(`${c.country ? `(${c.country.code})` : 'Unnamed third country'} ${c.count}`);
    const mechLabel = await page.getByRole('img', { name: /^Transfers by mechanism/ }).getAttribute('aria-label');
    const none = d.byMechanism.find((m: any) => m.mechanism === null);
    expect(none).toBeDefined();
    expect(mechLabel).toContain(`${none.label} ${none.count}`);
    for (const m of d.byMechanism) expect(mechLabel).toContain(`${m.label} ${m.count}`);
    const top = await page.locator('.top-vendors tbody tr td:first-child a').allInnerTexts();
    expect(top).toEqual(d.topVendors.map((v: any) => v.organization.name));

    // risk lists: the API's counts, and each row with its sentence
    await page.locator('#risk-no-mechanism').waitFor();
    expect(await page.locator('#risk-no-mechanism .count').innerText()).toBe(String(data.transfersWithoutMechanism.totalCount));
    expect(await page.locator('#risk-no-mechanism').innerText()).toContain(data.transfersWithoutMechanism.edges[0].node.evidence[0].quote);
    expect(await page.locator('#risk-privacy-shield .count').innerText()).toBe(String(data.privacyShieldReferences.totalCount));
    expect(await page.locator('#risk-third-country-recipients .count').innerText()).toBe(String(data.thirdCountryRecipients.totalCount));
    const recipients = page.locator('#risk-third-country-recipients li');
    expect(await recipients.count()).toBe(data.thirdCountryRecipients.edges.length);
    expect(await recipients.locator('.quote').count()).toBe(data.thirdCountryRecipients.edges.length);

    await page.screenshot({ path: path.join(shots, 'dashboard-overview.png'), fullPage: true });
    // nothing from outside: no CDN, no fonts; the data comes from /graphql only
    expect(requested.length).toBeGreaterThan(2);
    expect(requested.filter((u) => !u.startsWith(base))).toEqual([]);
    expect(requested.filter((u) => u.startsWith(base) && !/^\/(assets\/[\w.-]+|graphql)?$/.test(u.slice(base.length - 1)))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search reaches a vendor page listing the controllers that use it, and from there a controller page with its vendor tree', async () => {
    const { data } = await gql(`{ organization(name: "Zoom") { id name controllers { name } } }`);
    const zoom = data.organization;
    expect(zoom.controllers.length).toBeGreaterThan(1);

    const { page, errors } = await open(base);
    await page.getByRole('searchbox', { name: 'Search vendors and controllers' }).fill('Zoom');
    const hit = page.locator('.search-hit', { hasText: zoom.name });
    await hit.getByRole('link', { name: /vendor/ }).click();
    await page.waitForURL(`**/vendor/${encodeURIComponent(zoom.id)}`);
    await page.locator('#h-vendor', { hasText: zoom.name }).waitFor();
    await page.locator('li.engagement').first().waitFor();
    const controllers = await page.locator('li.engagement').evaluateAll((els) => els.map((e) => e.getAttribute('data-controller')));
    expect([...new Set(controllers)].sort()).toEqual(zoom.controllers.map((c: any) => c.name).sort());
    await page.screenshot({ path: path.join(shots, 'dashboard-vendor.png'), fullPage: true });

    // the controller whose policy names sub-processors: its tree shows them under the vendor
    const { data: c } = await gql(`{ organizations(filter: { isController: true }, first: 50) { edges { node { id name
      vendors(first: 200) { edges { node { recipient { name } } } }
      policies { versions { id } currentVersion { subprocessorLinks { organization { name } subprocessor { name } } } } } } } }`);
    const controller = c.organizations.edges.map((e: any) => e.node).find((o: any) => o.policies.some((p: any) => p.currentVersion?.subprocessorLinks.length));
    expect(controller, 'a seed controller whose policy names sub-processors').toBeDefined();
    expect(zoom.controllers.map((x: any) => x.name)).toContain(controller.name); // reachable from the Zoom page
    await page.locator('li.engagement h3').getByRole('link', { name: controller.name }).click();
    await page.waitForURL(`**/controller/${encodeURIComponent(controller.id)}`);
    await page.locator('#h-controller', { hasText: controller.name }).waitFor();
    await page.locator('li.vendor').first().waitFor();
    const vendors = await page.locator('li.vendor').evaluateAll((els) => els.map((e) => e.getAttribute('data-vendor')));
    expect(vendors.sort()).toEqual([...new Set(controller.vendors.edges.map((e: any) => e.node.recipient.name as string))].sort());
    const link = controller.policies.flatMap((p: any) => p.currentVersion.subprocessorLinks)[0];
    const vendor = page.locator(`li.vendor[data-vendor="${link.organization.name}"]`);
    expect(await vendor.locator('li.subprocessor').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(link.subprocessor.name)]));
    expect(await page.locator('li.version').count()).toBe(controller.policies.flatMap((p: any) => p.versions).length);
    await page.screenshot({ path: path.join(shots, 'dashboard-controller.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows loading states while the API works, and empty states on an empty graph', async () => {
    const empty = await openDb();
    const server = await startServer(empty, 0);
    try {
      const page = await browser.newPage();
      // hold the page's API requests (they still go to the real server) to see what it shows meanwhile
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/graphql', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url.replace(/graphql$/, ''));
      await page.getByRole('status').filter({ hasText: 'Loading figures…' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Loading risks…' }).waitFor();
      release();
      await expect.poll(() => page.locator('[data-figure="policies"] dd').innerText()).toBe('0');
      expect(await page.locator('#h-dest + *').innerText()).toBe('No transfers stored yet.');
      expect(await page.locator('#h-top + *').innerText()).toBe('No vendors yet.');
      await page.locator('#risk-no-mechanism .empty').waitFor();
      expect(await page.locator('#risk-privacy-shield .empty').innerText()).toContain('No current policy cites');
      expect(await page.locator('#risk-third-country-recipients .empty').innerText()).toBe('No recipient is seated outside the EU/EEA.');
      await page.close();
    } finally {
      await server.close();
      await empty.close();
    }
  });

  it('shows the API’s error for a bad id, and a network error when the server is gone', async () => {
    const { page } = await open(`${base}vendor/not-an-id`);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('API error: Invalid global ID: not-an-id');

    // a second server that stops while the page is open: the next request fails in the page
    const other = await startServer(db, 0);
    await page.goto(other.url.replace(/graphql$/, ''));
    await page.locator('[data-figure="policies"]').waitFor();
    await other.close();
    await page.getByRole('searchbox').fill('Zoom');
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/^Network error: Cannot reach the API/);
    await page.screenshot({ path: path.join(shots, 'dashboard-network-error.png') });
    await page.close();
  });

  it('with READS_REQUIRE_KEY the page asks for a key, keeps it for the tab and sends it as Bearer', async () => {
    const locked = await startServer(db, 0, { readsRequireKey: true });
    try {
      const { page, errors } = await open(locked.url.replace(/graphql$/, ''));
      const alert = page.getByRole('alert').first();
      await expect.poll(() => alert.innerText()).toContain('an API key with the "read" scope is required');
      const { key } = await createKey(db.prisma, 'dashboard-test', ['read']);
      const auth: string[] = [];
      page.on('request', (r) => r.url().endsWith('/graphql') && auth.push(r.headers().authorization ?? ''));
      const form = page.getByRole('form', { name: 'API key' });
      await form.getByLabel(/needs an API key/).fill(key);
      await form.getByRole('button', { name: 'Use key' }).click();
      await expect.poll(() => page.locator('[data-figure="policies"] dd').innerText()).toBe('5');
      expect(auth.length).toBeGreaterThan(0);
      expect(auth.every((a) => a === `Bearer ${key}`)).toBe(true);
      expect(await page.evaluate(() => sessionStorage.getItem('policy-graph.apiKey'))).toBe(key);
      await page.getByRole('button', { name: 'Forget API key' }).click();
      await page.getByRole('form', { name: 'API key' }).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await locked.close();
    }
  });
});
