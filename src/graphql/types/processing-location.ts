// ProcessingLocation: organization —PROCESSES_IN→ country / region.
import { builder } from '../builder.js';
import { evidenceQuery } from './evidence.js';

builder.prismaNode('ProcessingLocation', {
  id: { field: 'id' },
  description: 'organization —PROCESSES_IN→ country / region.',
  fields: (t) => ({
    organization: t.relation('organization'),
    country: t.relation('country', { nullable: true }),
    region: t.relation('region', { nullable: true }),
    evidence: t.relation('evidence', { query: evidenceQuery }),
    version: t.relation('version'),
  }),
});
