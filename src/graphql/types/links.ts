// Sub-processing, corporate parents, processing locations and regions.
import { builder } from '../builder.js';
import { evidenceQuery } from './evidence.js';
import { MechanismEnum } from './enums.js';

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

builder.prismaNode('Region', {
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    country: t.relation('country', { nullable: true }),
  }),
});

builder.prismaObject('PolicyClause', {
  description: 'A policy-wide transfer clause ("all transfers to third countries use SCCs").',
  fields: (t) => ({
    mechanisms: t.expose('mechanisms', { type: [MechanismEnum] }),
    evidence: t.relation('evidence', { query: evidenceQuery }),
  }),
});
