// ParentLink: organization —PART_OF→ parent organization.
import { builder } from '../builder.js';
import { evidenceQuery } from './evidence.js';

builder.prismaNode('ParentLink', {
  id: { field: 'id' },
  description: 'child —PART_OF→ parent.',
  fields: (t) => ({
    child: t.relation('child'),
    parent: t.relation('parent'),
    evidence: t.relation('evidence', { query: evidenceQuery }),
    version: t.relation('version'),
  }),
});
