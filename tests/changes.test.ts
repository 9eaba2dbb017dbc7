// Change history and webhooks end to end, on PGlite and (with TEST_DATABASE_URL) PostgreSQL:
// two versions of a synthetic policy through the real extractor and the ingestPolicy mutation →
// exactly the expected PolicyChange rows, GraphQL answers, and signed deliveries to a receiver on
// loopback; a failing receiver is retried; webhooks need a write key and a public URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import { gqlClient, writeKeyHeader } from './helpers/http.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';
import type { Db } from '../src/db.js';
import { startServer, type Running } from '../src/server.js';
import { deliverDue } from '../src/store/webhook-worker.js';

const CONTROLLER_BLOCK = `Datenschutzerklärung

Verantwortlicher
Verantwortlicher im Sinne der Datenschutz-Grundverordnung ist:

Beispielwerk Möbel GmbH
Hafenweg 3
20457 Hamburg
E-Mail: datenschutz@beispielwerk.example
`;

// v1: Zoom with SCC, Mailchimp's operator with SCC and DPF
const V1 = `${CONTROLLER_BLOCK}
Videokonferenzen mit Zoom
Für Online-Beratungen nutzen wir Zoom, einen Dienst der Zoom Communications, Inc., USA. Zoom ist für uns als Auftragsverarbeiter tätig. Dabei werden personenbezogene Daten in die USA übermittelt. Die Übermittlung stützt sich auf die Standardvertragsklauseln der EU-Kommission.

Newsletter mit Mailchimp
Unseren Newsletter versenden wir mit Mailchimp, einem Dienst der The Rocket Science Group LLC, USA. Die Rocket Science Group verarbeitet die Daten in unserem Auftrag. Daten werden in die USA übermittelt; Grundlage sind Standardvertragsklauseln sowie das EU-US Data Privacy Framework.
`;

// v2: Zoom now on the DPF instead of SCC; the newsletter is gone; self-hosted analytics and a German host are new
const V2 = `${CONTROLLER_BLOCK}
Videokonferenzen mit Zoom
Für Online-Beratungen nutzen wir Zoom, einen Dienst der Zoom Communications, Inc., USA. Zoom ist für uns als Auftragsverarbeiter tätig. Dabei werden personenbezogene Daten in die USA übermittelt. Die Übermittlung stützt sich auf das EU-US Data Privacy Framework.

Webanalyse mit Matomo
Zur Reichweitenmessung nutzen wir Matomo. Matomo wird auf unseren eigenen Servern betrieben; es werden keine Daten an Dritte übermittelt.

Hosting
Unsere Website wird bei der Hetzner Online GmbH, Industriestr. 25, 91710 Gunzenhausen, gehostet. Hetzner ist unser Auftragsverarbeiter.
`;

const SOURCE = 'https://beispielwerk.example/datenschutz';

const INGEST = `mutation($input: IngestPolicyInput!) { ingestPolicy(input: $input) { __typename ... on IngestPolicySuccess { created version { id } } ... on Error { message } } }`;
const REGISTER = `mutation($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) {
    __typename
    ... on RegisterWebhookSuccess { secret webhook { id url events vendor } }
    ... on Error { message }
    ... on FetchFailedError { code }
  }
}`;
const CHANGE_FIELDS = `kind summary controller { name } vendor { name } country { code } mechanism roleBefore roleAfter before { quote } after { quote } fromVersion { id } toVersion { id }`;

/** A change as compared here: kind, vendor, country, mechanism, roles, and which sides have evidence. */
const shape = (c: any) => ({
  kind: c.kind,
  vendor: c.vendor?.name ?? null,
  country: c.country?.code ?? null,
  mechanism: c.mechanism ?? null,
  roles: [c.roleBefore ?? null, c.roleAfter ?? null],
  sides: [!!c.before, !!c.after],
});

const EXPECTED = [
  { kind: 'VENDOR_ADDED', vendor: 'Hetzner Online GmbH', country: null, mechanism: null, roles: [null, 'PROCESSOR'], sides: [false, true] },
  { kind: 'VENDOR_ADDED', vendor: 'InnoCraft Ltd.', country: null, mechanism: null, roles: [null, 'SELF_HOSTED'], sides: [false, true] },
  { kind: 'VENDOR_REMOVED', vendor: 'The Rocket Science Group LLC', country: null, mechanism: null, roles: ['PROCESSOR', null], sides: [true, false] },
  { kind: 'MECHANISM_DROPPED', vendor: 'Zoom Communications, Inc.', country: 'US', mechanism: 'SCC', roles: [null, null], sides: [true, true] },
  { kind: 'TRANSFER_REMOVED', vendor: 'The Rocket Science Group LLC', country: 'US', mechanism: null, roles: [null, null], sides: [true, false] },
];
const sortShapes = (list: ReturnType<typeof shape>[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Runs delivery rounds until nothing is due or pending any more (bounded). */
async function drain(db: Db, opts: Parameters<typeof deliverDue>[1]) {
  for (let i = 0; i < 200; i++) {
    await deliverDue(db.prisma, opts);
    if (!(await db.prisma.webhookDelivery.count({ where: { status: 'PENDING' } }))) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('deliveries still pending');
}

for (const name of SKIPPED_ENGINES) describe.skip(`change history and webhooks on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('change history and webhooks on $name', (engine) => {
  let db: Db;
  let app: Running;
  let strict: Running;
  let receiver: Receiver;
  let gql: ReturnType<typeof gqlClient>;
  let anon: ReturnType<typeof gqlClient>;
  let v1: string;
  let v2: string;
  const hooks: { all?: { id: string; secret: string }; zoomScc?: { id: string; secret: string } } = {};

  beforeAll(async () => {
    db = await engine.open();
    // the operator's opt-in for loopback targets (ALLOW_PRIVATE_URLS=1 in serve)
    app = await startServer(db, 0, { responseCache: { ttlMs: 60_000 }, ingestOptions: { allowPrivateNetwork: true } });
    strict = await startServer(db, 0, { responseCache: false });
    receiver = await startReceiver();
    gql = gqlClient(app.url, await writeKeyHeader(db.prisma));
    anon = gqlClient(app.url);
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await strict?.close();
    await app?.close();
    await db?.close();
  });

  it('refuses webhooks without a write key, and private targets without the opt-in', async () => {
    const refused = await anon(REGISTER, { input: { url: receiver.url } });
    expect(refused.data.registerWebhook.__typename).toBe('UnauthorizedError');
    const list = await anon('{ webhooks { id } }');
    expect(list.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHORIZED' } });
    const strictGql = gqlClient(strict.url, await writeKeyHeader(db.prisma));
    for (const url of [receiver.url, 'http://[::1]:9/hook', 'http://10.1.2.3/hook', 'http://localhost:9/hook']) {
      const r = await strictGql(REGISTER, { input: { url } });
      expect(r.data.registerWebhook, url).toMatchObject({ __typename: 'FetchFailedError', code: 'BLOCKED' });
    }
    const bad = await strictGql(REGISTER, { input: { url: 'ftp://example.com/hook' } });
    expect(bad.data.registerWebhook.__typename).toBe('InvalidInputError');
    expect(await db.prisma.webhook.count()).toBe(0);
  });

  it('ingests v1, registers two webhooks, ingests v2: exactly the expected changes are stored', async () => {
    const first = await gql(INGEST, { input: { text: V1, source: SOURCE } });
    expect(first.data.ingestPolicy).toMatchObject({ __typename: 'IngestPolicySuccess', created: true });
    v1 = first.data.ingestPolicy.version.id;
    expect(await db.prisma.policyChange.count()).toBe(0); // a first version has nothing to compare with

    const all = await gql(REGISTER, { input: { url: receiver.url } });
    expect(all.data.registerWebhook.__typename).toBe('RegisterWebhookSuccess');
    expect(all.data.registerWebhook.secret).toMatch(/^whsec_/);
    hooks.all = { id: all.data.registerWebhook.webhook.id, secret: all.data.registerWebhook.secret };
    const zoom = await gql(REGISTER, { input: { url: `${receiver.url}?only=zoom-mechanisms`, events: ['MECHANISM_DROPPED', 'MECHANISM_ADDED'], vendor: 'Zoom' } });
    hooks.zoomScc = { id: zoom.data.registerWebhook.webhook.id, secret: zoom.data.registerWebhook.secret };
    // the secret is shown once: the list does not have it
    const listed = await gql('{ webhooks { id url events vendor } }');
    expect(JSON.stringify(listed.data)).not.toContain('whsec_');
    expect(listed.data.webhooks).toHaveLength(2);

    // the same text again is no new version and no change
    expect((await gql(INGEST, { input: { text: V1, source: SOURCE } })).data.ingestPolicy.created).toBe(false);
    const second = await gql(INGEST, { input: { text: V2, source: SOURCE } });
    expect(second.data.ingestPolicy.created).toBe(true);
    v2 = second.data.ingestPolicy.version.id;

    const rows = await db.prisma.policyChange.findMany({ include: { vendor: true, country: true, beforeEvidence: true, afterEvidence: true } });
    expect(sortShapes(rows.map((r) => shape({ ...r, before: r.beforeEvidence, after: r.afterEvidence })))).toEqual(sortShapes([
      ...EXPECTED,
      { kind: 'MECHANISM_ADDED', vendor: 'Zoom Communications, Inc.', country: 'US', mechanism: 'DPF', roles: [null, null], sides: [true, true] },
    ]));
    // both sides' evidence belongs to the versions compared
    for (const r of rows) {
      expect(r.fromVersionId).not.toBe(r.toVersionId);
      if (r.beforeEvidence) expect(r.beforeEvidence.versionId).toBe(r.fromVersionId);
      if (r.afterEvidence) expect(r.afterEvidence.versionId).toBe(r.toVersionId);
    }
    // outbox: six changes for the catch-all hook, one dropped and one added mechanism for Zoom's
    expect(await db.prisma.webhookDelivery.count({ where: { webhookId: hooks.all.id, status: 'PENDING' } })).toBe(6);
    expect(await db.prisma.webhookDelivery.count({ where: { webhookId: hooks.zoomScc.id } })).toBe(2);
  });

  it('answers PolicyVersion.changes and the changes connection', async () => {
    const version = await anon(`query($id: ID!) { node(id: $id) { ... on PolicyVersion { changes { ${CHANGE_FIELDS} } } } }`, { id: v2 });
    const changes = version.data.node.changes;
    expect(changes).toHaveLength(6);
    expect(changes.every((c: any) => c.fromVersion.id === v1 && c.toVersion.id === v2 && c.controller.name === 'Beispielwerk Möbel GmbH')).toBe(true);
    const first = await anon(`query($id: ID!) { node(id: $id) { ... on PolicyVersion { changes { kind } } } }`, { id: v1 });
    expect(first.data.node.changes).toEqual([]);

    const since = new Date(Date.now() - 3_600_000).toISOString();
    const dropped = await anon(`query($since: DateTime) { changes(kind: MECHANISM_DROPPED, vendor: "Zoom", mechanism: SCC, since: $since) { totalCount edges { node { ${CHANGE_FIELDS} } } } }`, { since });
    expect(dropped.data.changes.totalCount).toBe(1);
    const c = dropped.data.changes.edges[0].node;
    expect(c.summary).toBe('Beispielwerk Möbel GmbH no longer names SCC for transfers by Zoom Communications, Inc. to US (now DPF)');
    expect(c.before.quote).toContain('Standardvertragsklauseln');
    expect(c.after.quote).toContain('Data Privacy Framework');

    const future = await anon(`{ changes(since: "${new Date(Date.now() + 3_600_000).toISOString()}") { totalCount } }`);
    expect(future.data.changes.totalCount).toBe(0);
    const byController = await anon(`{ changes(controller: "Beispielwerk Möbel GmbH", first: 2) { totalCount edges { node { kind } } pageInfo { hasNextPage } } }`);
    expect(byController.data.changes).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
    const removed = await anon(`{ changes(kind: VENDOR_REMOVED) { totalCount edges { node { vendor { name } roleBefore before { quote } after { quote } } } } }`);
    expect(removed.data.changes.edges[0].node).toMatchObject({ vendor: { name: 'The Rocket Science Group LLC' }, roleBefore: 'PROCESSOR', after: null });
  });

  it('delivers every change once per matching webhook, signed per Standard Webhooks', async () => {
    await drain(db, { allowPrivateNetwork: true });
    expect(receiver.received).toHaveLength(8);
    const verified = receiver.received.map((r) => {
      const [hook, other] = r.url.includes('only=zoom') ? [hooks.zoomScc!, hooks.all!] : [hooks.all!, hooks.zoomScc!];
      const payload = new Webhook(hook.secret).verify(r.body, r.headers as Record<string, string>) as any;
      // another secret does not verify
      expect(() => new Webhook(other.secret).verify(r.body, r.headers as Record<string, string>)).toThrow();
      return { hook: hook === hooks.all ? 'all' : 'zoom', payload };
    });
    const zoomOnly = verified.filter((v) => v.hook === 'zoom').map((v) => v.payload.data.kind).sort();
    expect(zoomOnly).toEqual(['MECHANISM_ADDED', 'MECHANISM_DROPPED']);
    const everything = verified.filter((v) => v.hook === 'all').map((v) => v.payload);
    expect(sortShapes(everything.map((p) => shape({ ...p.data, vendor: p.data.vendor, country: p.data.country && { code: p.data.country } })))).toEqual(sortShapes([
      ...EXPECTED,
      { kind: 'MECHANISM_ADDED', vendor: 'Zoom Communications, Inc.', country: 'US', mechanism: 'DPF', roles: [null, null], sides: [true, true] },
    ]));
    const drop = everything.find((p) => p.data.kind === 'MECHANISM_DROPPED');
    expect(drop.type).toBe('policy.mechanism_dropped');
    expect(drop.data).toMatchObject({ policy: { source: SOURCE }, controller: { name: 'Beispielwerk Möbel GmbH' }, toVersion: v2, fromVersion: v1 });
    // the payload's change id is the API's node id
    const node = await anon(`query($id: ID!) { node(id: $id) { ... on PolicyChange { kind mechanism } } }`, { id: drop.data.id });
    expect(node.data.node).toEqual({ kind: 'MECHANISM_DROPPED', mechanism: 'SCC' });
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(8);

    const log = await gql(`query($w: ID!) { webhookDeliveries(webhook: $w) { totalCount edges { node { id status attempts lastStatusCode lastError nextAttemptAt deliveredAt change { kind } } } } }`, { w: hooks.all!.id });
    expect(log.data.webhookDeliveries.totalCount).toBe(6);
    for (const { node: d } of log.data.webhookDeliveries.edges) expect(d).toMatchObject({ status: 'DELIVERED', attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    // the log is not for everyone, and a cached answer is no way around that
    const anonLog = await anon(`query($w: ID!) { webhookDeliveries(webhook: $w) { totalCount } }`, { w: hooks.all!.id });
    expect(anonLog.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHORIZED' } });
    const listedAgain = await anon('{ webhooks { id url events vendor } }');
    expect(listedAgain.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHORIZED' } });
  });

  it('never answers the webhook list or the delivery log from the response cache (its key is the body, not the caller)', async () => {
    const list = '{ webhooks { id url } }';
    expect((await gql(list)).data.webhooks).toHaveLength(2);
    expect((await anon(list)).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHORIZED' } });
    const log = `query($w: ID!) { webhookDeliveries(webhook: $w) { totalCount } }`;
    expect((await gql(log, { w: hooks.all!.id })).data.webhookDeliveries.totalCount).toBe(6);
    expect((await anon(log, { w: hooks.all!.id })).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHORIZED' } });
    const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: list }) });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('retries a failing receiver with backoff until it answers, keeping the webhook-id', async () => {
    await gql(`mutation($id: ID!) { deleteWebhook(id: $id) { __typename } }`, { id: hooks.zoomScc!.id });
    receiver.received.length = 0;
    receiver.script.push(500, 500);
    // v1's text again: the earlier version is current again, its changes the reverse of v2's
    const back = await gql(INGEST, { input: { text: V1, source: SOURCE } });
    expect(back.data.ingestPolicy).toMatchObject({ created: false, version: { id: v1 } });
    const pending = await db.prisma.webhookDelivery.findMany({ where: { status: 'PENDING' } });
    expect(pending).toHaveLength(6);
    expect(pending.every((d) => d.webhookId === hooks.all!.id)).toBe(true);
    await drain(db, { allowPrivateNetwork: true, backoffMs: 1, batchSize: 1 });
    // two 500s, then every delivery once with 200; a retried delivery keeps its webhook-id
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 500, 200, 200, 200, 200, 200, 200]);
    const byId = new Map<string, number[]>();
    for (const r of receiver.received) byId.set(String(r.headers['webhook-id']), [...(byId.get(String(r.headers['webhook-id'])) ?? []), r.answered]);
    expect(byId.size).toBe(6);
    for (const [id, answers] of byId) {
      expect(answers.at(-1)).toBe(200);
      expect(answers.slice(0, -1).every((a) => a === 500)).toBe(true);
      const row = await db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: 'DELIVERED', attempts: answers.length, lastStatusCode: 200, lastError: null });
    }
    const kinds = receiver.received.filter((r) => r.answered === 200).map((r) => (JSON.parse(r.body) as any).data.kind).sort();
    expect(kinds).toEqual(['MECHANISM_ADDED', 'MECHANISM_DROPPED', 'TRANSFER_ADDED', 'VENDOR_ADDED', 'VENDOR_REMOVED', 'VENDOR_REMOVED']);
  });

  it('gives a delivery up as DEAD after the last attempt, and says why', async () => {
    receiver.received.length = 0;
    receiver.script.push(503, 503, 503);
    await gql(INGEST, { input: { text: V2, source: SOURCE } });
    const one = await db.prisma.webhookDelivery.findFirstOrThrow({ where: { status: 'PENDING' } });
    await db.prisma.webhookDelivery.updateMany({ where: { status: 'PENDING', NOT: { id: one.id } }, data: { status: 'DELIVERED' } });
    await drain(db, { allowPrivateNetwork: true, backoffMs: 1, maxAttempts: 2 });
    const log = await gql(`query($w: ID!) { webhookDeliveries(webhook: $w, status: DEAD) { totalCount edges { node { id attempts lastStatusCode lastError nextAttemptAt } } } }`, { w: hooks.all!.id });
    expect(log.data.webhookDeliveries.totalCount).toBe(1);
    expect(log.data.webhookDeliveries.edges[0].node).toMatchObject({ id: one.id, attempts: 2, lastStatusCode: 503, nextAttemptAt: null });
    expect(log.data.webhookDeliveries.edges[0].node.lastError).toContain('HTTP 503');
    expect(receiver.received).toHaveLength(2);
  });
});
