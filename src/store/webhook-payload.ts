// The JSON a webhook receives for one change, in the Standard Webhooks envelope
// ({ type, timestamp, data }). `data.id` is the change's GraphQL node id (query it with `node`).
import type { ChangeKind, MechanismValue, RoleValue } from './diff-versions.js';

interface EvidenceSide {
  quote: string;
  section: string | null;
  start: number;
  end: number;
  versionId: string;
}

/** A stored change with what its payload names. */
export interface ChangeForPayload {
  id: string;
  kind: ChangeKind;
  detectedAt: Date;
  controllerId: string | null;
  vendorId: string | null;
  countryCode: string | null;
  countryBeforeCode: string | null;
  mechanism: MechanismValue | null;
  roleBefore: RoleValue | null;
  roleAfter: RoleValue | null;
  summary: string;
  fromVersionId: string | null;
  toVersionId: string;
  controller: { id: string; name: string } | null;
  vendor: { id: string; name: string } | null;
  service: { id: string; name: string } | null;
  beforeEvidence: EvidenceSide | null;
  afterEvidence: EvidenceSide | null;
  toVersion: { policy: { id: string; source: string } };
}

/** Relay global id, as the API's `node(id:)` takes it. */
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

const org = (o: { id: string; name: string } | null, type: string) => (o ? { id: globalId(type, o.id), name: o.name } : null);
const evidence = (e: EvidenceSide | null) => (e ? { quote: e.quote, section: e.section, start: e.start, end: e.end, version: globalId('PolicyVersion', e.versionId) } : null);

/** The delivered body: `type` is "policy.<kind in lower case>", e.g. "policy.mechanism_dropped". */
export function changePayload(c: ChangeForPayload): string {
  return JSON.stringify({
    type: `policy.${c.kind.toLowerCase()}`,
    timestamp: c.detectedAt.toISOString(),
    data: {
      id: globalId('PolicyChange', c.id),
      kind: c.kind,
      summary: c.summary,
      detectedAt: c.detectedAt.toISOString(),
      policy: { id: globalId('Policy', c.toVersion.policy.id), source: c.toVersion.policy.source },
      controller: org(c.controller, 'Organization'),
      vendor: org(c.vendor, 'Organization'),
      service: org(c.service, 'Service'),
      country: c.countryCode,
      countryBefore: c.countryBeforeCode,
      mechanism: c.mechanism,
      roleBefore: c.roleBefore,
      roleAfter: c.roleAfter,
      before: evidence(c.beforeEvidence),
      after: evidence(c.afterEvidence),
      fromVersion: c.fromVersionId ? globalId('PolicyVersion', c.fromVersionId) : null,
      toVersion: globalId('PolicyVersion', c.toVersionId),
    },
  });
}
