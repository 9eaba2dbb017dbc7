import { builder } from '../builder.js';
import { ChangeKind } from '../../generated/prisma/enums.js';

export const ChangeKindEnum = builder.enumType(ChangeKind, {
  name: 'ChangeKind',
  description:
    'What changed between two consecutive versions of a policy. A transfer is identified by vendor and destination; DESTINATION_CHANGED: the vendor still transfers, but to another country (`summary` names the old one).',
});
