import type { PolicyGraph } from './types.js';

/**
 * The JSON document the CLI writes: the scored core of spec/policy-graph-json.md first
 * (sub-processors and parent as names), then everything else the extractor found, with
 * evidence. The normalized text itself is left out: evidence quotes carry what matters.
 */
export function toJsonDocument(g: PolicyGraph) {
  return {
    doc: g.doc,
    language: g.language,
    controller: { name: g.controller.name, country: g.controller.country, legalForm: g.controller.legalForm, address: g.controller.address, email: g.controller.email, evidence: g.controller.evidence },
    recipients: g.recipients.map((r) => ({
      name: r.name,
      aliases: r.aliases,
      services: r.services,
      country: r.country,
      role: r.role,
      transfers: r.transfers.map((t) => ({ country: t.country, mechanisms: t.mechanisms, certainty: t.certainty, dpfId: t.dpfId, evidence: t.evidence })),
      subprocessors: r.subprocessors.map((s) => s.name),
      parent: r.parent?.name ?? null,
      legalForm: r.legalForm,
      address: r.address,
      purposes: r.purposes,
      dataCategories: r.dataCategories,
      legalBases: r.legalBases,
      retention: r.retention,
      processingLocations: r.processingLocations,
      evidence: { role: r.roleEvidence, mentions: r.mentions, subprocessors: r.subprocessors, parent: r.parent },
    })),
    dataProtectionOfficer: g.dataProtectionOfficer,
    supervisoryAuthority: g.supervisoryAuthority,
    lastUpdated: g.lastUpdated,
    policyWideClauses: g.policyWideClauses,
  };
}
