import { builder } from '../builder.js';
import { Certainty, EvidenceKind, Mechanism, Role } from '../../generated/prisma/enums.js';

export const MechanismEnum = builder.enumType(Mechanism, {
  name: 'Mechanism',
  description: 'Transfer mechanism: standard contractual clauses, EU-US Data Privacy Framework, binding corporate rules, adequacy decision, Art. 49 derogation, other.',
});
export const CertaintyEnum = builder.enumType(Certainty, {
  name: 'Certainty',
  description: 'STATED: the policy says data goes there; POSSIBLE: it says it may.',
});
export const RoleEnum = builder.enumType(Role, { name: 'Role', description: 'The recipient’s role under the GDPR.' });
export const EvidenceKindEnum = builder.enumType(EvidenceKind, { name: 'EvidenceKind' });
export const TransferCoverageEnum = builder.enumType('TransferCoverage', {
  description:
    'What a transfer rests on. The stored mechanisms are what the policy states; an EU adequacy decision (Art. 45 GDPR) covers a transfer to its country whether the policy says so or not.',
  values: {
    WITHIN_EEA: { description: 'The destination is in the EU/EEA: not a third-country transfer, no mechanism needed.' },
    STATED_MECHANISM: { description: 'A third-country transfer for which the policy states at least one mechanism (see mechanisms).' },
    ADEQUACY_DECISION: {
      description:
        'A third-country transfer with no mechanism stated to a country with an EU adequacy decision (Country.adequacy: CH, GB, JP, CA, IL, KR, NZ, …): the decision covers it. Never the US, whose adequacy (the DPF) covers certified recipients only and counts where the policy states DPF.',
    },
    NONE: { description: 'A third-country transfer (named or not) with no mechanism stated and no adequacy decision for its destination: the risk transfersWithoutMechanism lists.' },
  } as const,
});
