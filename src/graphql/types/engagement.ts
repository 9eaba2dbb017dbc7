// Engagement: controller —ENGAGES→ recipient (via services), with role, purposes, data, legal bases.
import { builder } from '../builder.js';
import { RoleEnum } from './enums.js';
import { evidenceQuery } from './evidence.js';

builder.prismaNode('Engagement', {
  id: { field: 'id' },
  description: 'A controller engages a recipient (via services) as one policy version states it.',
  fields: (t) => ({
    controller: t.relation('controller'),
    recipient: t.relation('recipient'),
    service: t.relation('service', { nullable: true, description: 'The first service named.' }),
    services: t.relation('services'),
    role: t.expose('role', { type: RoleEnum }),
    purposes: t.exposeStringList('purposes'),
    dataCategories: t.exposeStringList('dataCategories'),
    legalBases: t.exposeStringList('legalBases'),
    retention: t.exposeStringList('retention'),
    transfers: t.relation('transfers', { query: { orderBy: { id: 'asc' } } }),
    evidence: t.relation('evidence', { query: evidenceQuery, description: 'The role sentence and every mention.' }),
    version: t.relation('version'),
  }),
});
