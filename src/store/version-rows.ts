// The rows one policy version adds to the graph, once its names are resolved to node ids: a
// pure function, so a batch of versions can be written in one statement.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.js';
import type { Certainty, Evidence, Mechanism, PolicyGraph, Role } from '../extract/types.js';
import { countryByCode } from '../kb/countries.js';
import type { OrgInput } from './resolve.js';
import { rowSet, type RowSet } from './insert-rows.js';
import { uniq } from './normalize.js';

const ROLE: Record<Role, 'PROCESSOR' | 'CONTROLLER' | 'JOINT_CONTROLLER' | 'SELF_HOSTED' | 'UNSPECIFIED'> = {
  processor: 'PROCESSOR',
  controller: 'CONTROLLER',
  joint_controller: 'JOINT_CONTROLLER',
  self_hosted: 'SELF_HOSTED',
  unspecified: 'UNSPECIFIED',
};
const CERTAINTY: Record<Certainty, 'STATED' | 'POSSIBLE'> = { stated: 'STATED', possible: 'POSSIBLE' };
const MECHS = new Set<Mechanism>(['SCC', 'DPF', 'BCR', 'ADEQUACY', 'ART49', 'OTHER']);
const VERSION_COLUMNS = [
  'id', 'policyId', 'contentHash', 'isCurrent', 'language', 'lastUpdated', 'doc', 'contentType', 'text',
  'controllerName', 'controllerEmail', 'dpoName', 'dpoEmail', 'supervisoryAuthority',
] as const;
const EVIDENCE_COLUMNS = [
  'id', 'versionId', 'kind', 'section', 'start', 'end', 'quote',
  'engagementId', 'transferId', 'subprocessorLinkId', 'parentLinkId', 'processingLocationId', 'clauseId',
] as const;

export const upperCode = (code: string | null) => (code ? code.toUpperCase() : null);

/** Where each recipient's organizations sit in the list of organizationInputs. */
export interface RecipientSlots {
  recipient: number;
  subprocessors: number[];
  parent: number | null;
}

/** The organizations a graph names, in one list: controller first, then per recipient itself, its sub-processors and its parent. */
export function organizationInputs(graph: PolicyGraph, controllerName: string) {
  const named = (name: string): OrgInput => ({ name, aliases: [], legalForm: null, country: null, address: null, dpfId: null });
  const c = graph.controller;
  const inputs: OrgInput[] = [{ name: controllerName, aliases: [], legalForm: c.legalForm, country: c.country, address: c.address, dpfId: null }];
  const parents: (number | null)[] = [null];
  const slots: RecipientSlots[] = graph.recipients.map((r) => {
    const recipient = inputs.length;
    inputs.push({
      name: r.name,
      aliases: r.aliases,
      legalForm: r.legalForm,
      country: r.country,
      address: r.address,
      dpfId: r.transfers.find((t) => t.dpfId)?.dpfId ?? null,
    });
    parents.push(null);
    const subprocessors = r.subprocessors.map((s) => {
      inputs.push(named(s.name));
      parents.push(null);
      return inputs.length - 1;
    });
    let parent: number | null = null;
    if (r.parent) {
      inputs.push(named(r.parent.name));
      parents.push(null);
      parent = inputs.length - 1;
      parents[recipient] = parent;
    }
    return { recipient, subprocessors, parent };
  });
  return { inputs, parents, slots };
}

/** Service names per recipient, trimmed and distinct. */
export function serviceNames(graph: PolicyGraph): string[][] {
  return graph.recipients.map((r) => uniq(r.services.map((x) => x.trim()).filter(Boolean)));
}

/** Regions named by processing locations, in the order versionRows consumes their ids. */
export function regionInputs(graph: PolicyGraph): { name: string; countryCode: string | null }[] {
  return graph.recipients.flatMap((r) => r.processingLocations.filter((p) => p.region).map((p) => ({ name: p.region!, countryCode: upperCode(p.country) })));
}

export interface ResolvedIds {
  /** Per organizationInputs entry. */
  orgIds: string[];
  slots: RecipientSlots[];
  /** Per recipient, per serviceNames entry. */
  serviceIds: string[][];
  /** Per regionInputs entry. */
  regionIds: string[];
  /** The stored name of the controller's node (orgIds[0]): transfers carry it as their sort key. */
  controllerName: string;
}

export interface VersionMeta {
  versionId: string;
  policyId: string;
  contentHash: string;
  contentType: string | null;
}

/** Accumulates the rows of many versions, table by table. */
export class VersionRows {
  readonly versions: Prisma.PolicyVersionCreateManyInput[] = [];
  readonly engagements: Prisma.EngagementCreateManyInput[] = [];
  /** The implicit many-to-many table of Engagement.services (A: engagement, B: service). */
  readonly engagementServices: { A: string; B: string }[] = [];
  readonly transfers: Prisma.TransferCreateManyInput[] = [];
  readonly subLinks: Prisma.SubprocessorLinkCreateManyInput[] = [];
  readonly parentLinks: Prisma.ParentLinkCreateManyInput[] = [];
  readonly locations: Prisma.ProcessingLocationCreateManyInput[] = [];
  readonly clauses: Prisma.PolicyClauseCreateManyInput[] = [];
  readonly evidence: Prisma.EvidenceCreateManyInput[] = [];

  /** Adds one version and its edges. */
  add(graph: PolicyGraph, meta: VersionMeta, ids: ResolvedIds): void {
    const { versionId } = meta;
    const c = graph.controller;
    const controllerId = ids.orgIds[0];
    this.versions.push({
      id: versionId,
      policyId: meta.policyId,
      contentHash: meta.contentHash,
      isCurrent: true,
      language: graph.language,
      lastUpdated: graph.lastUpdated,
      doc: graph.doc,
      contentType: meta.contentType,
      text: graph.text,
      controllerName: c.name,
      controllerEmail: c.email,
      dpoName: graph.dataProtectionOfficer?.name ?? null,
      dpoEmail: graph.dataProtectionOfficer?.email ?? null,
      supervisoryAuthority: graph.supervisoryAuthority?.name ?? null,
    });
    const ev = (e: Evidence, kind: Prisma.EvidenceCreateManyInput['kind'], link: Partial<Prisma.EvidenceCreateManyInput>) =>
      this.evidence.push({ id: randomUUID(), versionId, kind, section: e.section, start: e.start, end: e.end, quote: e.quote, ...link });
    if (c.evidence) ev(c.evidence, 'CONTROLLER', {});

    let nextRegion = 0;
    graph.recipients.forEach((r, i) => {
      const slots = ids.slots[i];
      const recipientId = ids.orgIds[slots.recipient];
      const serviceIds = uniq(ids.serviceIds[i]);
      const engagementId = randomUUID();
      this.engagements.push({
        id: engagementId,
        versionId,
        controllerId,
        recipientId,
        serviceId: serviceIds[0] ?? null,
        role: ROLE[r.role] ?? 'UNSPECIFIED',
        purposes: r.purposes,
        dataCategories: r.dataCategories,
        legalBases: r.legalBases,
        retention: r.retention,
      });
      for (const serviceId of serviceIds) this.engagementServices.push({ A: engagementId, B: serviceId });
      if (r.roleEvidence) ev(r.roleEvidence, 'ROLE', { engagementId });
      for (const m of r.mentions) ev(m, 'MENTION', { engagementId });

      for (const t of r.transfers) {
        const code = upperCode(t.country);
        const id = randomUUID();
        this.transfers.push({
          id,
          versionId,
          engagementId,
          controllerId,
          recipientId,
          serviceId: serviceIds[0] ?? null,
          viaServiceIds: serviceIds.slice(1).sort(),
          controllerName: ids.controllerName,
          current: true,
          countryCode: code,
          thirdCountry: code ? !(countryByCode(code)?.eea ?? false) : true,
          mechanisms: uniq(t.mechanisms.filter((m) => MECHS.has(m))),
          certainty: CERTAINTY[t.certainty] ?? 'STATED',
          dpfId: t.dpfId,
        });
        for (const e of t.evidence) ev(e, 'TRANSFER', { transferId: id });
      }
      r.subprocessors.forEach((s, k) => {
        const subId = ids.orgIds[slots.subprocessors[k]];
        if (subId === recipientId) return;
        const id = randomUUID();
        this.subLinks.push({ id, versionId, organizationId: recipientId, subprocessorId: subId });
        ev(s.evidence, 'SUBPROCESSOR', { subprocessorLinkId: id });
      });
      if (r.parent) {
        const parentId = ids.orgIds[slots.parent!];
        if (parentId !== recipientId) {
          const id = randomUUID();
          this.parentLinks.push({ id, versionId, childId: recipientId, parentId });
          ev(r.parent.evidence, 'PARENT', { parentLinkId: id });
        }
      }
      for (const p of r.processingLocations) {
        const id = randomUUID();
        const regionId = p.region ? ids.regionIds[nextRegion++] : null;
        this.locations.push({ id, versionId, organizationId: recipientId, countryCode: upperCode(p.country), regionId });
        ev(p.evidence, 'PROCESSING_LOCATION', { processingLocationId: id });
      }
    });
    for (const cl of graph.policyWideClauses) {
      const id = randomUUID();
      this.clauses.push({ id, versionId, mechanisms: uniq(cl.mechanisms.filter((m) => MECHS.has(m))) });
      ev(cl.evidence, 'CLAUSE', { clauseId: id });
    }
  }

  /** Every table's rows, parents before children (for insertRowSets). */
  rowSets(): RowSet[] {
    return [
      rowSet('PolicyVersion', VERSION_COLUMNS, this.versions),
      rowSet('Engagement', ['id', 'versionId', 'controllerId', 'recipientId', 'serviceId', 'role', 'purposes', 'dataCategories', 'legalBases', 'retention'], this.engagements),
      rowSet('_EngagementServices', ['A', 'B'], this.engagementServices),
      rowSet('Transfer', ['id', 'versionId', 'engagementId', 'controllerId', 'recipientId', 'serviceId', 'viaServiceIds', 'controllerName', 'current', 'countryCode', 'thirdCountry', 'mechanisms', 'certainty', 'dpfId'], this.transfers),
      rowSet('SubprocessorLink', ['id', 'versionId', 'organizationId', 'subprocessorId'], this.subLinks),
      rowSet('ParentLink', ['id', 'versionId', 'childId', 'parentId'], this.parentLinks),
      rowSet('ProcessingLocation', ['id', 'versionId', 'organizationId', 'countryCode', 'regionId'], this.locations),
      rowSet('PolicyClause', ['id', 'versionId', 'mechanisms'], this.clauses),
      rowSet('Evidence', EVIDENCE_COLUMNS, this.evidence),
    ];
  }
}
