// The document-level result of extraction: the contract between `extract` and everything
// downstream (store, CLI, benchmarks). Its scored core is ../shared/spec/policy-graph-json.md;
// everything else here (evidence, purposes, legal bases, …) is what the store and API serve.

export type Language = 'de' | 'en';

export type Role = 'processor' | 'controller' | 'joint_controller' | 'self_hosted' | 'unspecified';
export const ROLES: readonly Role[] = ['processor', 'controller', 'joint_controller', 'self_hosted', 'unspecified'];

export type Mechanism = 'SCC' | 'DPF' | 'BCR' | 'ADEQUACY' | 'ART49' | 'OTHER';
export const MECHANISMS: readonly Mechanism[] = ['SCC', 'DPF', 'BCR', 'ADEQUACY', 'ART49', 'OTHER'];

export type Certainty = 'stated' | 'possible';

/** Where a fact comes from: offsets are into the normalized text (`PolicyGraph.text`). */
export interface Evidence {
  section: string | null;
  start: number;
  end: number;
  quote: string;
}

export interface Transfer {
  /** ISO 3166-1 alpha-2, or null for a third country the text does not name. */
  country: string | null;
  mechanisms: Mechanism[];
  certainty: Certainty;
  /** Participant id from a dataprivacyframework.gov link, where the text gives one. */
  dpfId: string | null;
  evidence: Evidence[];
}

export interface ProcessingLocation {
  country: string | null;
  /** e.g. "Frankfurt am Main", "eu-central-1" */
  region: string | null;
  evidence: Evidence;
}

export interface Link {
  name: string;
  evidence: Evidence;
}

export interface Recipient {
  /** The legal entity as named; the brand where only a brand is given. */
  name: string;
  aliases: string[];
  services: string[];
  legalForm: string | null;
  address: string | null;
  /** ISO alpha-2 of the entity's seat. */
  country: string | null;
  role: Role;
  roleEvidence: Evidence | null;
  purposes: string[];
  dataCategories: string[];
  /** e.g. "Art. 6(1)(a) DSGVO", "§ 25 TDDDG", "§ 26 BDSG" */
  legalBases: string[];
  retention: string[];
  processingLocations: ProcessingLocation[];
  transfers: Transfer[];
  subprocessors: Link[];
  parent: Link | null;
  /** Every sentence that mentions this recipient. */
  mentions: Evidence[];
}

export interface Controller {
  name: string | null;
  legalForm: string | null;
  address: string | null;
  country: string | null;
  email: string | null;
  evidence: Evidence | null;
}

export interface PolicyWideClause {
  mechanisms: Mechanism[];
  evidence: Evidence;
}

export interface PolicyGraph {
  doc: string;
  language: Language;
  controller: Controller;
  dataProtectionOfficer: { name: string | null; email: string | null; evidence: Evidence } | null;
  supervisoryAuthority: { name: string; evidence: Evidence } | null;
  /** "Stand" / last-updated date as ISO yyyy-mm-dd where it parses, else as written. */
  lastUpdated: string | null;
  policyWideClauses: PolicyWideClause[];
  recipients: Recipient[];
  /** The normalized text every evidence offset points into. */
  text: string;
}
