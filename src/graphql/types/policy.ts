// Policy (a controller's policy at one source) and PolicyVersion (each distinct text).
import { builder } from '../builder.js';
import { evidenceQuery } from './evidence.js';
import { MechanismEnum } from './enums.js';

builder.prismaNode('Policy', {
  id: { field: 'id' },
  description: 'A controller’s privacy policy as published at one source.',
  fields: (t) => ({
    source: t.exposeString('source'),
    controller: t.relation('controller', { nullable: true }),
    currentVersion: t.relation('currentVersion', { nullable: true }),
    versions: t.relation('versions', { query: { orderBy: [{ ingestedAt: 'desc' }, { id: 'asc' }] } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the current version last changed (an ingest of the current text again leaves it).' }),
  }),
});

builder.prismaNode('PolicyVersion', {
  id: { field: 'id' },
  description: 'One distinct text of a policy.',
  // The full text can be large: load it only when asked for.
  select: { id: true },
  fields: (t) => ({
    contentHash: t.exposeString('contentHash', { description: 'SHA-256 of the normalized text.' }),
    isCurrent: t.exposeBoolean('isCurrent'),
    language: t.exposeString('language'),
    lastUpdated: t.exposeString('lastUpdated', { nullable: true, description: '"Stand" date as ISO yyyy-mm-dd where it parses.' }),
    doc: t.exposeString('doc'),
    contentType: t.exposeString('contentType', { nullable: true }),
    ingestedAt: t.expose('ingestedAt', { type: 'DateTime' }),
    text: t.exposeString('text', { description: 'The normalized text every evidence offset points into.' }),
    controllerName: t.exposeString('controllerName', { nullable: true }),
    controllerEmail: t.exposeString('controllerEmail', { nullable: true }),
    dpoName: t.exposeString('dpoName', { nullable: true }),
    dpoEmail: t.exposeString('dpoEmail', { nullable: true }),
    supervisoryAuthority: t.exposeString('supervisoryAuthority', { nullable: true }),
    policy: t.relation('policy'),
    engagements: t.relatedConnection('engagements', { cursor: 'id', totalCount: true, query: { orderBy: { id: 'asc' } } }),
    transfers: t.relatedConnection('transfers', { cursor: 'id', totalCount: true, query: { orderBy: { id: 'asc' } } }),
    subprocessorLinks: t.relation('subprocessorLinks'),
    parentLinks: t.relation('parentLinks'),
    processingLocations: t.relation('processingLocations'),
    clauses: t.relation('clauses'),
    controllerEvidence: t.relation('evidence', { query: { where: { kind: 'CONTROLLER' }, ...evidenceQuery } }),
  }),
});

builder.queryFields((t) => ({
  policies: t.prismaConnection({
    type: 'Policy',
    cursor: 'id',
    args: { controller: t.arg.string({ description: 'Substring of the controller’s name.' }) },
    totalCount: (_p, args, ctx) => ctx.prisma.policy.count({ where: policyWhere(args.controller) }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.policy.findMany({ ...query, where: policyWhere(args.controller), orderBy: [{ source: 'asc' }, { id: 'asc' }] }),
  }),
}));

function policyWhere(controller: string | null | undefined) {
  return controller ? { controller: { name: { contains: controller, mode: 'insensitive' as const } } } : {};
}

builder.prismaObject('PolicyClause', {
  description: 'A policy-wide transfer clause ("all transfers to third countries use SCCs").',
  fields: (t) => ({
    mechanisms: t.expose('mechanisms', { type: [MechanismEnum] }),
    evidence: t.relation('evidence', { query: evidenceQuery }),
  }),
});
