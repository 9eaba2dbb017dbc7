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
