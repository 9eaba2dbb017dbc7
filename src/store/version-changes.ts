// Inside the ingest transaction: when a policy's current version is replaced (a changed text, or
// an earlier text back), the differences are stored as PolicyChange rows and, for every webhook
// whose filter matches, an outbox row with the JSON to deliver — so changes and their
// deliveries commit (or roll back) with the version itself.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.js';
import { diffVersions, type EngagementFact, type TransferFact, type VersionChange, type VersionFacts } from './diff-versions.js';
import { organizationNameWhere } from './queries.js';
import { changePayload, type ChangeForPayload } from './webhook-payload.js';
import { insertRowSets, rowSet } from './insert-rows.js';

type Tx = Prisma.TransactionClient;

export interface VersionSwitch {
  policyId: string;
  /** The version that was current before; null for a policy's first version (nothing to compare). */
  fromVersionId: string | null;
  toVersionId: string;
  /** The controller of the new current version. */
  controllerId: string | null;
}

/** Loads the facts of the given versions (evidence ids included) for diffVersions. */
async function loadFacts(tx: Tx, switches: { versionId: string; controllerId: string | null }[]): Promise<Map<string, VersionFacts>> {
  const versionIds = switches.map((s) => s.versionId);
  const [engagements, transfers, controllers] = await Promise.all([
    tx.engagement.findMany({
      where: { versionId: { in: versionIds } },
      orderBy: { id: 'asc' },
      select: {
        versionId: true, recipientId: true, serviceId: true, role: true, recipient: { select: { name: true } },
        evidence: { where: { kind: { in: ['ROLE', 'MENTION'] } }, select: { id: true, kind: true }, orderBy: [{ start: 'asc' }, { id: 'asc' }] },
      },
    }),
    tx.transfer.findMany({
      where: { versionId: { in: versionIds } },
      orderBy: { id: 'asc' },
      select: {
        versionId: true, recipientId: true, serviceId: true, countryCode: true, mechanisms: true, recipient: { select: { name: true } },
        evidence: { select: { id: true, quote: true }, orderBy: [{ start: 'asc' }, { id: 'asc' }] },
      },
    }),
    tx.organization.findMany({ where: { id: { in: switches.map((s) => s.controllerId).filter((c): c is string => !!c) } }, select: { id: true, name: true } }),
  ]);
  const controllerName = new Map(controllers.map((c) => [c.id, c.name]));
  const facts = new Map<string, VersionFacts>(
    switches.map((s) => [s.versionId, { versionId: s.versionId, controllerId: s.controllerId, controllerName: (s.controllerId && controllerName.get(s.controllerId)) || null, engagements: [], transfers: [] }]),
  );
  for (const e of engagements) {
    const fact: EngagementFact = {
      vendorId: e.recipientId, vendorName: e.recipient.name, serviceId: e.serviceId, role: e.role,
      evidenceId: (e.evidence.find((x) => x.kind === 'ROLE') ?? e.evidence[0])?.id ?? null,
    };
    facts.get(e.versionId)!.engagements.push(fact);
  }
  for (const t of transfers) {
    const fact: TransferFact = { vendorId: t.recipientId, vendorName: t.recipient.name, serviceId: t.serviceId, countryCode: t.countryCode, mechanisms: t.mechanisms, evidence: t.evidence };
    facts.get(t.versionId)!.transfers.push(fact);
  }
  return facts;
}

const CHANGE_COLUMNS = [
  'id', 'kind', 'detectedAt', 'position', 'policyId', 'fromVersionId', 'toVersionId', 'controllerId', 'vendorId', 'serviceId',
  'countryCode', 'countryBeforeCode', 'mechanism', 'roleBefore', 'roleAfter', 'summary', 'beforeEvidenceId', 'afterEvidenceId',
] as const;

/** Stores the changes of every switch that replaced a version, and queues their webhook deliveries. Returns how many changes. */
export async function recordVersionChanges(tx: Tx, switches: VersionSwitch[]): Promise<number> {
  const replaced = switches.filter((s): s is VersionSwitch & { fromVersionId: string } => !!s.fromVersionId && s.fromVersionId !== s.toVersionId);
  if (!replaced.length) return 0;
  // the old version's facts are compared under the new controller: a renamed controller is not a change of every vendor
  const facts = await loadFacts(tx, replaced.flatMap((s) => [{ versionId: s.fromVersionId, controllerId: s.controllerId }, { versionId: s.toVersionId, controllerId: s.controllerId }]));
  // set here, not by the database's now(): the worker compares outbox times with the clock of this process too
  const detectedAt = new Date();
  const rows: (VersionChange & { id: string; policyId: string; fromVersionId: string; toVersionId: string; detectedAt: Date })[] = [];
  for (const s of replaced) {
    for (const c of diffVersions(facts.get(s.fromVersionId)!, facts.get(s.toVersionId)!)) {
      rows.push({ ...c, id: randomUUID(), policyId: s.policyId, fromVersionId: s.fromVersionId, toVersionId: s.toVersionId, detectedAt });
    }
  }
  if (!rows.length) return 0;
  // one JSON parameter, as the version's own rows (Prisma's createMany binds value by value: ~7 ms a row on PGlite)
  await insertRowSets(tx, [rowSet('PolicyChange', CHANGE_COLUMNS, rows)]);
  await queueDeliveries(tx, rows.map((r) => r.id), detectedAt);
  return rows.length;
}

/** One outbox row per (matching webhook, change); the payload is fixed now, so every attempt sends the same bytes. */
async function queueDeliveries(tx: Tx, changeIds: string[], now: Date): Promise<void> {
  const webhooks = await tx.webhook.findMany({ select: { id: true, events: true, controller: true, vendor: true } });
  if (!webhooks.length) return;
  const changes: ChangeForPayload[] = await tx.policyChange.findMany({
    where: { id: { in: changeIds } },
    orderBy: [{ toVersionId: 'asc' }, { position: 'asc' }],
    include: {
      controller: { select: { id: true, name: true } },
      vendor: { select: { id: true, name: true } },
      service: { select: { id: true, name: true } },
      beforeEvidence: { select: { quote: true, section: true, start: true, end: true, versionId: true } },
      afterEvidence: { select: { quote: true, section: true, start: true, end: true, versionId: true } },
      toVersion: { select: { policy: { select: { id: true, source: true } } } },
    },
  });
  const orgIds = async (name: string | null) =>
    name == null ? null : new Set((await tx.organization.findMany({ where: await organizationNameWhere(name), select: { id: true } })).map((o) => o.id));
  const deliveries: { id: string; webhookId: string; changeId: string; payload: string; nextAttemptAt: Date; createdAt: Date }[] = [];
  for (const w of webhooks) {
    const [controllers, vendors] = [await orgIds(w.controller), await orgIds(w.vendor)];
    for (const c of changes) {
      if (w.events.length && !w.events.includes(c.kind)) continue;
      if (controllers && !(c.controllerId && controllers.has(c.controllerId))) continue;
      if (vendors && !(c.vendorId && vendors.has(c.vendorId))) continue;
      const id = `msg_${randomUUID().replace(/-/g, '')}`;
      deliveries.push({ id, webhookId: w.id, changeId: c.id, payload: changePayload(c), nextAttemptAt: now, createdAt: now });
    }
  }
  await insertRowSets(tx, [rowSet('WebhookDelivery', ['id', 'webhookId', 'changeId', 'payload', 'nextAttemptAt', 'createdAt'], deliveries)]);
}
