// Change history (PolicyChange: what changed between consecutive versions of a policy) and the
// webhooks that are told about it.
import { builder } from '../builder.js';
import type { ChangeKind } from '../../generated/prisma/enums.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { MechanismEnum, RoleEnum } from './enums.js';
import { ChangeKindEnum } from './change-kind.js';
import { organizationNameWhere } from '../../store/queries.js';
import './webhooks.js';

const changeOrder = [{ detectedAt: 'desc' as const }, { toVersionId: 'asc' as const }, { position: 'asc' as const }];

builder.prismaNode('PolicyChange', {
  id: { field: 'id' },
  description: 'One difference between a policy’s previous version and the version that replaced it, with the evidence of both sides.',
  fields: (t) => ({
    kind: t.expose('kind', { type: ChangeKindEnum }),
    detectedAt: t.expose('detectedAt', { type: 'DateTime', description: 'When the new version was ingested.' }),
    controller: t.relation('controller', { nullable: true, description: 'The controller of the new version.' }),
    vendor: t.relation('vendor', { nullable: true, description: 'The recipient organization the change is about.' }),
    service: t.relation('service', { nullable: true }),
    country: t.relation('country', { nullable: true, description: 'The destination of the transfer (after the change, for DESTINATION_CHANGED); null for vendor and role changes and unnamed third countries.' }),
    mechanism: t.expose('mechanism', { type: MechanismEnum, nullable: true, description: 'MECHANISM_ADDED / MECHANISM_DROPPED: the mechanism.' }),
    roleBefore: t.expose('roleBefore', { type: RoleEnum, nullable: true }),
    roleAfter: t.expose('roleAfter', { type: RoleEnum, nullable: true }),
    summary: t.exposeString('summary', { description: 'The change in one English sentence.' }),
    before: t.relation('beforeEvidence', { nullable: true, description: 'The sentence of the old version (null for an addition).' }),
    after: t.relation('afterEvidence', { nullable: true, description: 'The sentence of the new version (null for a removal).' }),
    fromVersion: t.relation('fromVersion', { nullable: true }),
    toVersion: t.relation('toVersion'),
  }),
});

builder.prismaObjectField('PolicyVersion', 'changes', (t) =>
  t.relation('changesTo', { description: 'What changed from the previous current version to this one.', query: { orderBy: changeOrder } }),
);

interface ChangesArgs {
  since?: Date | null;
  controller?: string | null;
  vendor?: string | null;
  kind?: ChangeKind | null;
  mechanism?: Prisma.PolicyChangeWhereInput['mechanism'] | null;
}

async function changesWhere(a: ChangesArgs): Promise<Prisma.PolicyChangeWhereInput> {
  const and: Prisma.PolicyChangeWhereInput[] = [];
  if (a.since) and.push({ detectedAt: { gte: a.since } });
  if (a.kind) and.push({ kind: a.kind });
  if (a.mechanism) and.push({ mechanism: a.mechanism });
  if (a.controller) and.push({ controller: await organizationNameWhere(a.controller) });
  if (a.vendor) and.push({ vendor: await organizationNameWhere(a.vendor) });
  return { AND: and };
}

builder.queryFields((t) => ({
  changes: t.prismaConnection({
    type: 'PolicyChange',
    cursor: 'id',
    description: 'Changes across every policy, newest first ("every policy that dropped SCC for Salesforce this month": kind MECHANISM_DROPPED, vendor "Salesforce", mechanism SCC, since the 1st).',
    args: {
      since: t.arg({ type: 'DateTime', description: 'Only changes detected at or after this time.' }),
      controller: t.arg.string({ description: 'The controller, by name or alias.' }),
      vendor: t.arg.string({ description: 'The vendor, by name, alias or brand ("Salesforce").' }),
      kind: t.arg({ type: ChangeKindEnum }),
      mechanism: t.arg({ type: MechanismEnum, description: 'Only mechanism changes of this mechanism.' }),
    },
    totalCount: async (_p, args, ctx) => ctx.prisma.policyChange.count({ where: await changesWhere(args) }),
    resolve: async (query, _p, args, ctx) => ctx.prisma.policyChange.findMany({ ...query, where: await changesWhere(args), orderBy: changeOrder }),
  }),
}));
