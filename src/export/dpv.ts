// Export records as JSON-LD in the W3C Data Privacy Vocabulary (DPV, https://w3id.org/dpv#)
// and its GDPR extension (https://w3id.org/dpv/legal/eu/gdpr#). Roles: dpv:DataController,
// dpv:DataProcessor, dpv:DataSubProcessor, dpv:JointDataControllers; a transfer outside the
// EU/EEA is a dpv:CrossBorderTransfer with dpv:hasThirdCountry (countries as DPV-LOC
// concepts, loc:US); mechanisms are the GDPR articles they rest on, as dpv:hasLegalBasis.
// What DPV has no term for (certainty, evidence, the policy version) uses our own `pg:` terms.
// The context ships with the project (context.jsonld), embedded in every document, so no
// consumer has to fetch anything.
import { readFileSync } from 'node:fs';
import type { Mechanism } from '../extract/types.js';
import type { EngagementRecord, ExportRecord, Organization, SubprocessorRecord, TransferRecord } from './records.js';

export const DPV_CONTEXT_FILE = new URL('./context.jsonld', import.meta.url);
/** The context document as served at /export/context.jsonld. */
export const DPV_CONTEXT_DOCUMENT = readFileSync(DPV_CONTEXT_FILE, 'utf8');
export const DPV_CONTEXT = (JSON.parse(DPV_CONTEXT_DOCUMENT) as { '@context': Record<string, unknown> })['@context'];

/**
 * Commission Implementing Decision (EU) 2023/1795 of 10 July 2023 on the adequate level of
 * protection under the EU-US Data Privacy Framework: the adequacy decision (Art. 45(3)) a DPF
 * transfer rests on.
 */
export const DPF_DECISION = 'http://data.europa.eu/eli/dec_impl/2023/1795/oj';

/** Art. 49(1)'s points as a policy cites them: "Art. 49 Abs. 1 lit. a DSGVO", "Art. 49(1)(b) GDPR", "Art. 49 Abs. 1 S. 1 lit. c". */
const ART49_POINT = /Art(?:ikel|\.)?\s*49\s*(?:Abs(?:atz|\.)?\s*1|\(1\))\s*(?:(?:S(?:atz|\.)|UAbs\.|Unterabs(?:atz|\.))\s*1\s*)?(?:lit(?:era|\.)?\s*([a-g])\b|\(([a-g])\))/gi;

/** The Art. 49(1) points `quotes` cite, in order, each once. */
export function art49Points(quotes: string[]): string[] {
  const points = new Set<string>();
  for (const q of quotes) for (const m of q.matchAll(ART49_POINT)) points.add((m[1] ?? m[2]).toLowerCase());
  return [...points].sort();
}

/** The GDPR legal bases (compact IRIs) of a transfer's mechanisms; OTHER has none. */
export function legalBases(mechanisms: readonly Mechanism[], quotes: string[] = []): string[] {
  const out = new Set<string>();
  for (const m of mechanisms) {
    if (m === 'SCC') out.add('eu-gdpr:A46-2-c');
    else if (m === 'BCR') out.add('eu-gdpr:A46-2-b');
    else if (m === 'ADEQUACY' || m === 'DPF') out.add('eu-gdpr:A45-3');
    else if (m === 'ART49') {
      const points = art49Points(quotes);
      for (const p of points.length ? points : ['']) out.add(p ? `eu-gdpr:A49-1-${p}` : 'eu-gdpr:A49-1');
    }
  }
  return [...out];
}

type Node = Record<string, unknown>;

const orgIri = (o: Organization) => `urn:policy-graph:organization:${encodeURIComponent(o.key)}`;
const countryIri = (code: string) => `loc:${code}`;

function orgNode(o: Organization, type?: string): Node {
  return { '@id': orgIri(o), ...(type ? { '@type': type } : {}), label: o.name, ...(o.country ? { country: countryIri(o.country) } : {}) };
}

function provenance(r: ExportRecord): Node {
  return {
    source: r.source,
    ...(r.lastUpdated ? { lastUpdated: r.lastUpdated } : {}),
    contentHash: r.contentHash,
    evidence: r.evidence.map((e) => ({ quote: e.quote, ...(e.section ? { section: e.section } : {}) })),
  };
}

function transferNode(t: TransferRecord): Node {
  const destination = t.country ? { '@id': countryIri(t.country), '@type': t.thirdCountry ? ['dpv:Country', 'dpv:ThirdCountry'] : 'dpv:Country' } : { '@type': 'dpv:ThirdCountry' };
  return {
    '@id': `urn:policy-graph:transfer:${t.id}`,
    '@type': t.thirdCountry ? 'dpv:CrossBorderTransfer' : 'dpv:Transfer',
    controller: orgNode(t.controller, 'dpv:DataController'),
    recipient: orgNode(t.recipient),
    [t.thirdCountry ? 'thirdCountry' : 'country']: destination,
    // no mechanism stated, but the destination has an adequacy decision: that is the basis
    legalBasis: t.coveredBy === 'ADEQUACY_DECISION' ? ['eu-gdpr:A45-3'] : legalBases(t.mechanisms, t.evidence.map((e) => e.quote)),
    ...(t.mechanisms.includes('DPF') ? { references: [DPF_DECISION] } : {}),
    mechanism: t.mechanisms,
    coveredBy: t.coveredBy,
    certainty: t.certainty,
    ...(t.service ? { service: [t.service] } : {}),
    ...(t.dpfId ? { dpfId: t.dpfId } : {}),
    ...provenance(t),
  };
}

/** The recipient's part in the controller's processing, in DPV terms. */
function roleProperties(e: EngagementRecord): Node {
  switch (e.role) {
    case 'PROCESSOR':
      return { processor: orgNode(e.recipient, 'dpv:DataProcessor') };
    case 'JOINT_CONTROLLER':
      return { jointControllers: { '@type': 'dpv:JointDataControllers', controller: [orgNode(e.controller, 'dpv:DataController'), orgNode(e.recipient, 'dpv:DataController')] } };
    case 'CONTROLLER':
      return { recipient: orgNode(e.recipient, 'dpv:DataController') };
    default:
      // self-hosted software or a role the policy leaves open: a recipient, nothing more is stated
      return {};
  }
}

function engagementNode(e: EngagementRecord): Node {
  return {
    '@id': `urn:policy-graph:engagement:${e.id}`,
    '@type': 'dpv:Process',
    controller: orgNode(e.controller, 'dpv:DataController'),
    recipient: orgNode(e.recipient),
    ...roleProperties(e),
    role: e.role,
    ...(e.services.length ? { service: e.services } : {}),
    ...(e.purposes.length ? { purpose: e.purposes } : {}),
    ...(e.dataCategories.length ? { dataCategory: e.dataCategories } : {}),
    ...(e.legalBases.length ? { legalBasisText: e.legalBases } : {}),
    ...provenance(e),
  };
}

function subprocessorNode(s: SubprocessorRecord): Node {
  return {
    '@id': `urn:policy-graph:subprocessor-link:${s.id}`,
    '@type': 'dpv:Process',
    ...(s.controller ? { controller: orgNode(s.controller, 'dpv:DataController') } : {}),
    processor: orgNode(s.processor, 'dpv:DataProcessor'),
    subprocessor: orgNode(s.subprocessor, 'dpv:DataSubProcessor'),
    ...provenance(s),
  };
}

/** One record as a node of the document's @graph. */
export function dpvNode(r: ExportRecord): Node {
  return r.kind === 'transfer' ? transferNode(r) : r.kind === 'engagement' ? engagementNode(r) : subprocessorNode(r);
}
