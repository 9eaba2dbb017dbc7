// SubprocessorLink: organization —USES_SUBPROCESSOR→ subprocessor.
import { builder } from '../builder.js';
import { evidenceQuery } from './evidence.js';

builder.prismaNode('SubprocessorLink', {
  id: { field: 'id' },
  description: 'organization —USES_SUBPROCESSOR→ subprocessor.',
  fields: (t) => ({
    organization: t.relation('organization'),
    subprocessor: t.relation('subprocessor'),
    evidence: t.relation('evidence', { query: evidenceQuery }),
    version: t.relation('version'),
  }),
});
