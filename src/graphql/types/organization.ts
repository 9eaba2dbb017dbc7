// Organization: a legal entity resolved across policies — as a vendor (footprint) and as a
// controller (vendor tree).
import { builder } from '../builder.js';
import { RoleEnum } from './enums.js';
import { CURRENT, countryCode, organizationDirectWhere, organizationNameWhere } from '../../store/queries.js';
import type { Prisma } from '../../generated/prisma/client.js';

export const Organization = builder.prismaNode('Organization', {
  id: { field: 'id' },
  description: 'A legal entity (controller, vendor, sub-processor, parent): one node however many policies name it.',
  fields: (t) => ({
    name: t.exposeString('name'),
    aliases: t.exposeStringList('aliases', { description: 'Other names seen for this organization (former names, brands, spellings).' }),
    legalForm: t.exposeString('legalForm', { nullable: true }),
    country: t.relation('country', { nullable: true, description: 'Seat.' }),
    address: t.exposeString('address', { nullable: true }),
    dpfId: t.exposeString('dpfId', { nullable: true }),
    parent: t.relation('parent', { nullable: true, description: 'Corporate parent.' }),
    children: t.relation('children'),
    seatedInThirdCountry: t.boolean({
      nullable: true,
      select: { country: { select: { eea: true } } },
      resolve: (o) => (o.country ? !o.country.eea : null),
    }),
    services: t.relation('services', { query: { orderBy: { name: 'asc' } } }),
    policies: t.relation('policies', { description: 'Policies this organization publishes as controller.' }),
    // --- as a vendor: its footprint
    // Footprint and vendor tree are asked of one organization at a time: a query per parent with
    // LIMIT and an indexed count, rather than relatedConnection's relation count, which Prisma
    // computes as a GROUP BY over every current engagement in the database (38 ms on 2,000
    // policies for one vendor, growing with the corpus).
    engagements: t.prismaConnection({
      type: 'Engagement',
      cursor: 'id',
      description: 'Footprint as a vendor: which controllers engage it, in which roles (current policy versions).',
      args: { role: t.arg({ type: RoleEnum }) },
      totalCount: (o, args, ctx) => ctx.prisma.engagement.count({ where: engagementsOf('recipientId', o.id, args.role) }),
      resolve: (query, o, args, ctx) =>
        ctx.prisma.engagement.findMany({ ...query, where: engagementsOf('recipientId', o.id, args.role), orderBy: { id: 'asc' } }),
    }),
    transfers: t.prismaConnection({
      type: 'Transfer',
      cursor: 'id',
      description: 'Transfers this organization makes as a recipient (current policy versions).',
      totalCount: (o, _a, ctx) => ctx.prisma.transfer.count({ where: { recipientId: o.id, version: CURRENT } }),
      resolve: (query, o, _a, ctx) => ctx.prisma.transfer.findMany({ ...query, where: { recipientId: o.id, version: CURRENT }, orderBy: { id: 'asc' } }),
    }),
    subprocessors: t.relatedConnection('subprocessorLinks', {
      cursor: 'id',
      totalCount: true,
      description: 'Its sub-processors, as policies state them.',
      query: { where: { version: CURRENT }, orderBy: { id: 'asc' } },
    }),
    subprocessorFor: t.relatedConnection('subprocessorOfLinks', {
      cursor: 'id',
      totalCount: true,
      query: { where: { version: CURRENT }, orderBy: { id: 'asc' } },
    }),
    processingLocations: t.relation('processingLocations', { query: { where: { version: CURRENT } } }),
    // --- as a controller: its vendor tree
    vendors: t.prismaConnection({
      type: 'Engagement',
      cursor: 'id',
      description: 'Vendor tree as a controller: every engagement of its current policy versions (recipient → subprocessors, parent).',
      totalCount: (o, _a, ctx) => ctx.prisma.engagement.count({ where: engagementsOf('controllerId', o.id) }),
      resolve: (query, o, _a, ctx) => ctx.prisma.engagement.findMany({ ...query, where: engagementsOf('controllerId', o.id), orderBy: { id: 'asc' } }),
    }),
    transfersAsController: t.prismaConnection({
      type: 'Transfer',
      cursor: 'id',
      totalCount: (o, _a, ctx) => ctx.prisma.transfer.count({ where: { controllerId: o.id, version: CURRENT } }),
      resolve: (query, o, _a, ctx) => ctx.prisma.transfer.findMany({ ...query, where: { controllerId: o.id, version: CURRENT }, orderBy: { id: 'asc' } }),
    }),
  }),
});

function engagementsOf(side: 'recipientId' | 'controllerId', id: string, role?: Prisma.EngagementWhereInput['role'] | null): Prisma.EngagementWhereInput {
  return { [side]: id, version: CURRENT, ...(role ? { role } : {}) };
}

builder.prismaObjectField('Organization', 'controllers', (t) =>
  t.field({
    type: [Organization],
    description: 'Distinct controllers that engage this organization (current policy versions).',
    select: { engagementsAsRecipient: { where: { version: CURRENT }, select: { controller: true } } },
    resolve: (o) => [...new Map(o.engagementsAsRecipient.map((e) => [e.controller.id, e.controller])).values()],
  }),
);

export const OrganizationFilterInput = builder.inputType('OrganizationFilter', {
  fields: (t) => ({
    name: t.string({ description: 'Substring of the name or an alias, case-insensitive.' }),
    seat: t.string({ description: 'Seat country: ISO code or name.' }),
    role: t.field({ type: RoleEnum, description: 'Engaged in this role by some controller.' }),
    isController: t.boolean({ description: 'Publishes a policy.' }),
    isRecipient: t.boolean({ description: 'Engaged as a recipient by some controller.' }),
    seatedInThirdCountry: t.boolean(),
  }),
});

function organizationWhere(f: typeof OrganizationFilterInput.$inferInput | null | undefined): Prisma.OrganizationWhereInput {
  const and: Prisma.OrganizationWhereInput[] = [];
  if (!f) return {};
  if (f.name) and.push({ OR: [{ name: { contains: f.name, mode: 'insensitive' } }, { aliases: { has: f.name } }] });
  if (f.seat) and.push({ countryCode: countryCode(f.seat) });
  if (f.role) and.push({ engagementsAsRecipient: { some: { role: f.role, version: CURRENT } } });
  if (f.isController != null) and.push(f.isController ? { policies: { some: {} } } : { policies: { none: {} } });
  if (f.isRecipient != null)
    and.push(f.isRecipient ? { engagementsAsRecipient: { some: { version: CURRENT } } } : { engagementsAsRecipient: { none: { version: CURRENT } } });
  if (f.seatedInThirdCountry != null) and.push({ country: { eea: !f.seatedInThirdCountry } });
  return { AND: and };
}

builder.queryFields((t) => ({
  organizations: t.prismaConnection({
    type: 'Organization',
    cursor: 'id',
    args: { filter: t.arg({ type: OrganizationFilterInput }) },
    totalCount: (_p, args, ctx) => ctx.prisma.organization.count({ where: organizationWhere(args.filter) }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.organization.findMany({ ...query, where: organizationWhere(args.filter), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
  organization: t.prismaField({
    type: 'Organization',
    nullable: true,
    description: 'One organization by name or alias (normalized: legal form, case and punctuation ignored).',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (query, _p, args, ctx) =>
      // its own name or alias first; else a catalog brand's first entity ("Google" → Google Ireland/LLC)
      (await ctx.prisma.organization.findFirst({ ...query, where: await organizationDirectWhere(args.name), orderBy: { createdAt: 'asc' } })) ??
      ctx.prisma.organization.findFirst({ ...query, where: await organizationNameWhere(args.name), orderBy: { createdAt: 'asc' } }),
  }),
  thirdCountryRecipients: t.prismaConnection({
    type: 'Organization',
    cursor: 'id',
    description: 'Risk: recipients seated outside the EU/EEA.',
    totalCount: (_p, _a, ctx) => ctx.prisma.organization.count({ where: thirdCountryRecipientWhere }),
    resolve: (query, _p, _a, ctx) =>
      ctx.prisma.organization.findMany({ ...query, where: thirdCountryRecipientWhere, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
}));

const thirdCountryRecipientWhere: Prisma.OrganizationWhereInput = {
  country: { eea: false },
  engagementsAsRecipient: { some: { version: CURRENT } },
};
