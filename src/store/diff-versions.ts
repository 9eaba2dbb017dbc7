// What changed between two versions of one policy, as plain data in and out (no database):
// vendors added and removed, roles changed, transfers added and removed, mechanisms added and
// dropped, destinations changed — each change carrying the evidence of the old and the new fact.
//
// Identity: a vendor is its resolved organization (so a renamed mention of the same entity is no
// change); a transfer is (vendor, destination country — null for an unnamed third country).
// A vendor's transfers that left one country while others arrived elsewhere are read as moved
// destinations (paired in country order), the rest as added or removed.

export type ChangeKind =
  | 'VENDOR_ADDED'
  | 'VENDOR_REMOVED'
  | 'ROLE_CHANGED'
  | 'TRANSFER_ADDED'
  | 'TRANSFER_REMOVED'
  | 'MECHANISM_ADDED'
  | 'MECHANISM_DROPPED'
  | 'DESTINATION_CHANGED';

export type RoleValue = 'PROCESSOR' | 'CONTROLLER' | 'JOINT_CONTROLLER' | 'SELF_HOSTED' | 'UNSPECIFIED';
export type MechanismValue = 'SCC' | 'DPF' | 'BCR' | 'ADEQUACY' | 'ART49' | 'OTHER';

/** A vendor as one version engages it. */
export interface EngagementFact {
  vendorId: string;
  vendorName: string;
  serviceId: string | null;
  role: RoleValue;
  /** The Evidence row supporting it (its role sentence, else its first mention). */
  evidenceId: string | null;
}

/** A sentence supporting a transfer. */
export interface EvidenceRef {
  id: string;
  quote: string;
}

/** A transfer as one version states it. */
export interface TransferFact {
  vendorId: string;
  vendorName: string;
  serviceId: string | null;
  countryCode: string | null;
  mechanisms: MechanismValue[];
  /** Its sentences in text order: the first says where data goes, later ones often on what footing. */
  evidence: EvidenceRef[];
}

export interface VersionFacts {
  versionId: string;
  controllerId: string | null;
  controllerName: string | null;
  engagements: EngagementFact[];
  transfers: TransferFact[];
}

export interface VersionChange {
  kind: ChangeKind;
  /** Order within the version pair. */
  position: number;
  controllerId: string | null;
  vendorId: string;
  serviceId: string | null;
  countryCode: string | null;
  /** DESTINATION_CHANGED: the country the transfer went to before. */
  countryBeforeCode: string | null;
  mechanism: MechanismValue | null;
  roleBefore: RoleValue | null;
  roleAfter: RoleValue | null;
  summary: string;
  beforeEvidenceId: string | null;
  afterEvidenceId: string | null;
}

// A vendor's role ranks for merging: one vendor engaged twice in a version (two names resolved
// to one organization) keeps the most specific role.
const ROLE_RANK: Record<RoleValue, number> = { JOINT_CONTROLLER: 0, CONTROLLER: 1, PROCESSOR: 2, SELF_HOSTED: 3, UNSPECIFIED: 4 };

function byVendor(engagements: EngagementFact[]): Map<string, EngagementFact> {
  const out = new Map<string, EngagementFact>();
  for (const e of engagements) {
    const seen = out.get(e.vendorId);
    if (!seen) out.set(e.vendorId, e);
    else if (ROLE_RANK[e.role] < ROLE_RANK[seen.role]) out.set(e.vendorId, { ...e, evidenceId: e.evidenceId ?? seen.evidenceId, serviceId: seen.serviceId ?? e.serviceId });
  }
  return out;
}

const transferKey = (t: { vendorId: string; countryCode: string | null }) => `${t.vendorId}|${t.countryCode ?? ''}`;

/** Transfers by (vendor, country); several to the same place merge, their mechanisms united. */
function byTransferKey(transfers: TransferFact[]): Map<string, TransferFact> {
  const out = new Map<string, TransferFact>();
  for (const t of transfers) {
    const key = transferKey(t);
    const seen = out.get(key);
    if (!seen) out.set(key, { ...t, mechanisms: [...new Set(t.mechanisms)].sort() });
    else out.set(key, { ...seen, serviceId: seen.serviceId ?? t.serviceId, evidence: [...seen.evidence, ...t.evidence], mechanisms: [...new Set([...seen.mechanisms, ...t.mechanisms])].sort() });
  }
  return out;
}

// How a sentence names a mechanism (German and English), to quote the sentence a mechanism change is about.
const MECHANISM_CUE: Record<MechanismValue, RegExp> = {
  SCC: /standardvertragsklausel|standarddatenschutzklausel|standard contractual clause|standard data protection clause|\bSCCs?\b|46 Abs\. ?2 lit\. c|46\(2\)\(c\)/i,
  DPF: /privacy framework|\bDPF\b/i,
  BCR: /binding corporate rules|verbindliche(n)? interne(n)? datenschutzvorschriften|unternehmensregeln|\bBCRs?\b/i,
  ADEQUACY: /angemessenheitsbeschluss|adequacy decision|angemessenes datenschutzniveau|adequate level/i,
  ART49: /art(ikel|\.)? ?49|einwilligung|consent/i,
  OTHER: /garantie|safeguard/i,
};

/** The transfer's first sentence naming one of `mechanisms`, else its first sentence. */
function quoteFor(t: TransferFact, mechanisms: MechanismValue[]): string | null {
  const hit = t.evidence.find((e) => mechanisms.some((m) => MECHANISM_CUE[m].test(e.quote)));
  return (hit ?? t.evidence[0])?.id ?? null;
}
const firstQuote = (t: TransferFact) => t.evidence[0]?.id ?? null;

const place = (code: string | null) => code ?? 'an unnamed third country';
const roleWord = (r: RoleValue) => r.toLowerCase().replace('_', ' ');
const mechList = (m: MechanismValue[]) => (m.length ? m.join(', ') : 'no mechanism');
const byCountry = (a: TransferFact, b: TransferFact) => (a.countryCode ?? '\uffff').localeCompare(b.countryCode ?? '\uffff');

/** The changes from `before` (null: none) to `after`; empty when the facts are the same. */
export function diffVersions(before: VersionFacts | null, after: VersionFacts): VersionChange[] {
  if (!before) return [];
  const who = after.controllerName ?? 'The controller';
  const controllerId = after.controllerId;
  const out: VersionChange[] = [];
  const push = (c: Omit<VersionChange, 'position' | 'controllerId' | 'countryBeforeCode' | 'mechanism' | 'roleBefore' | 'roleAfter' | 'countryCode'> & Partial<VersionChange>) =>
    out.push({ countryCode: null, countryBeforeCode: null, mechanism: null, roleBefore: null, roleAfter: null, ...c, controllerId, position: out.length });

  const oldVendors = byVendor(before.engagements);
  const newVendors = byVendor(after.engagements);
  for (const [id, e] of newVendors) {
    const old = oldVendors.get(id);
    if (!old) {
      push({ kind: 'VENDOR_ADDED', vendorId: id, serviceId: e.serviceId, roleAfter: e.role, summary: `${who} now names ${e.vendorName} (${roleWord(e.role)})`, beforeEvidenceId: null, afterEvidenceId: e.evidenceId });
    } else if (old.role !== e.role) {
      push({
        kind: 'ROLE_CHANGED', vendorId: id, serviceId: e.serviceId ?? old.serviceId, roleBefore: old.role, roleAfter: e.role,
        summary: `${e.vendorName} is now ${roleWord(e.role)} for ${who} (was ${roleWord(old.role)})`, beforeEvidenceId: old.evidenceId, afterEvidenceId: e.evidenceId,
      });
    }
  }
  for (const [id, e] of oldVendors) {
    if (!newVendors.has(id)) {
      push({ kind: 'VENDOR_REMOVED', vendorId: id, serviceId: e.serviceId, roleBefore: e.role, summary: `${who} no longer names ${e.vendorName} (was ${roleWord(e.role)})`, beforeEvidenceId: e.evidenceId, afterEvidenceId: null });
    }
  }

  const oldTransfers = byTransferKey(before.transfers);
  const newTransfers = byTransferKey(after.transfers);
  const removedByVendor = new Map<string, TransferFact[]>();
  const addedByVendor = new Map<string, TransferFact[]>();
  const group = (m: Map<string, TransferFact[]>, t: TransferFact) => m.set(t.vendorId, [...(m.get(t.vendorId) ?? []), t]);
  for (const [key, t] of oldTransfers) if (!newTransfers.has(key)) group(removedByVendor, t);
  for (const [key, t] of newTransfers) {
    const old = oldTransfers.get(key);
    if (!old) {
      group(addedByVendor, t);
      continue;
    }
    const gained = t.mechanisms.filter((m) => !old.mechanisms.includes(m));
    const lost = old.mechanisms.filter((m) => !t.mechanisms.includes(m));
    // the sentences quoted: the one naming the mechanism on its side, the footing stated on the other
    const common = { vendorId: t.vendorId, serviceId: t.serviceId ?? old.serviceId, countryCode: t.countryCode };
    for (const m of gained) {
      push({ ...common, kind: 'MECHANISM_ADDED', mechanism: m, beforeEvidenceId: quoteFor(old, old.mechanisms), afterEvidenceId: quoteFor(t, [m]), summary: `${who} now names ${m} for transfers by ${t.vendorName} to ${place(t.countryCode)} (now ${mechList(t.mechanisms)})` });
    }
    for (const m of lost) {
      push({ ...common, kind: 'MECHANISM_DROPPED', mechanism: m, beforeEvidenceId: quoteFor(old, [m]), afterEvidenceId: quoteFor(t, t.mechanisms), summary: `${who} no longer names ${m} for transfers by ${t.vendorName} to ${place(t.countryCode)} (now ${mechList(t.mechanisms)})` });
    }
  }
  const vendors = [...new Set([...addedByVendor.keys(), ...removedByVendor.keys()])];
  for (const vendorId of vendors) {
    const added = (addedByVendor.get(vendorId) ?? []).sort(byCountry);
    const removed = (removedByVendor.get(vendorId) ?? []).sort(byCountry);
    // a vendor still engaged whose transfers went elsewhere: the destination moved
    const moved = newVendors.has(vendorId) && oldVendors.has(vendorId) ? Math.min(added.length, removed.length) : 0;
    for (let i = 0; i < moved; i++) {
      const [o, n] = [removed[i], added[i]];
      push({
        kind: 'DESTINATION_CHANGED', vendorId, serviceId: n.serviceId ?? o.serviceId, countryCode: n.countryCode, countryBeforeCode: o.countryCode,
        summary: `${who}: transfers by ${n.vendorName} now go to ${place(n.countryCode)} (was ${place(o.countryCode)}; ${mechList(n.mechanisms)})`,
        beforeEvidenceId: firstQuote(o), afterEvidenceId: firstQuote(n),
      });
    }
    for (const t of added.slice(moved)) {
      push({ kind: 'TRANSFER_ADDED', vendorId, serviceId: t.serviceId, countryCode: t.countryCode, summary: `${who} now states a transfer by ${t.vendorName} to ${place(t.countryCode)} (${mechList(t.mechanisms)})`, beforeEvidenceId: null, afterEvidenceId: firstQuote(t) });
    }
    for (const t of removed.slice(moved)) {
      push({ kind: 'TRANSFER_REMOVED', vendorId, serviceId: t.serviceId, countryCode: t.countryCode, summary: `${who} no longer states a transfer by ${t.vendorName} to ${place(t.countryCode)} (was ${mechList(t.mechanisms)})`, beforeEvidenceId: firstQuote(t), afterEvidenceId: null });
    }
  }
  return out;
}
