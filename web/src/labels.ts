// Words for the API's codes, as an analyst reads them.
export type Mechanism = 'SCC' | 'DPF' | 'BCR' | 'ADEQUACY' | 'ART49' | 'OTHER';
export type Role = 'PROCESSOR' | 'CONTROLLER' | 'JOINT_CONTROLLER' | 'SELF_HOSTED' | 'UNSPECIFIED';

const MECHANISMS: Record<Mechanism, string> = {
  SCC: 'Standard contractual clauses',
  DPF: 'EU-US Data Privacy Framework',
  BCR: 'Binding corporate rules',
  ADEQUACY: 'Adequacy decision',
  ART49: 'Art. 49 derogation',
  OTHER: 'Other safeguards',
};

/** null: the policy states none (the API's MechanismCount.label says the same). */
function mechanismLabel(m: Mechanism | null): string {
  return m ? MECHANISMS[m] ?? m : 'No mechanism stated';
}

/** Transfer.coveredBy: why a transfer is or is not covered. */
export type Coverage = 'WITHIN_EEA' | 'STATED_MECHANISM' | 'ADEQUACY_DECISION' | 'NONE';

/** What a transfer rests on, in words: its stated mechanisms, else why none is needed, else none. */
export function coverageLabel(mechanisms: Mechanism[], coveredBy: Coverage): string {
  if (mechanisms.length) return mechanisms.map(mechanismLabel).join(', ');
  if (coveredBy === 'ADEQUACY_DECISION') return 'None stated; covered by an adequacy decision';
  if (coveredBy === 'WITHIN_EEA') return 'None needed (EU/EEA)';
  return mechanismLabel(null);
}

const ROLES: Record<Role, string> = {
  PROCESSOR: 'Processor',
  CONTROLLER: 'Controller',
  JOINT_CONTROLLER: 'Joint controller',
  SELF_HOSTED: 'Self-hosted',
  UNSPECIFIED: 'Unspecified',
};

export function roleLabel(r: Role): string {
  return ROLES[r] ?? r;
}

export interface CountryRef {
  code: string;
  nameEn: string;
}

/** A transfer's destination; null is a third country the policy does not name. */
export function countryLabel(c: CountryRef | null | undefined): string {
  return c ? `${c.nameEn} (${c.code})` : 'Unnamed third country';
}
