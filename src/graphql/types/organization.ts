// Organization: a legal entity resolved across policies — as a vendor (footprint) and as a
// controller (vendor tree).
import { builder, type Context } from '../builder.js';
import { countJson, findManyJson } from '../../store/find-many-json.js';
import type { FindManyArgs } from '../../store/relation-json.js';
import { RoleEnum } from './enums.js';
import { CURRENT, countryCode } from '../../store/queries.js';
import { matchOrganizations, type OrganizationMatch } from '../../store/org-match.js';
import { organizationGone, organizationRow } from '../row-loader.js';
import type { Prisma } from '../../generated/prisma/client.js';

export const Organization = builder.prismaNode('Organization', {
  id: { field: 'id' },
  description: 'A legal entity (controller, vendor, sub-processor, parent): one node however many policies name it.',
  // select mode, as Transfer's
  select: { id: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    aliases: t.exposeStringList('aliases', { description: 'Other names seen for this organization (former names, brands, spellings).' }),
    legalForm: t.exposeString('legalForm', { nullable: true }),
    country: t.relation('country', { nullable: true, description: 'Seat.' }),
    address: t.exposeString('address', { nullable: true }),
    dpfId: t.exposeString('dpfId', {
      nullable: true,
      description:
        'Data Privacy Framework participant id, as a policy cites it: only on organizations seated in the US (a policy citing one for "Google Ireland Limited" certifies Google LLC, which gets it).',
    }),
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
      totalCount: (o, args, ctx) => countOf(ctx, 'Engagement', engagementsOf('recipientId', o.id, args.role), (where) => ctx.prisma.engagement.count({ where })),
      resolve: (query, o, args, ctx) =>
        pageOf(ctx, 'Engagement', { ...query, where: engagementsOf('recipientId', o.id, args.role), orderBy: ID_ORDER }, (a) => ctx.prisma.engagement.findMany(a)),
    }),
    transfers: t.prismaConnection({
      type: 'Transfer',
      cursor: 'id',
      description: 'Transfers this organization makes as a recipient (current policy versions).',
      totalCount: (o, _a, ctx) => countOf(ctx, 'Transfer', { recipientId: o.id, version: CURRENT }, (where) => ctx.prisma.transfer.count({ where })),
      resolve: (query, o, _a, ctx) => pageOf(ctx, 'Transfer', { ...query, where: { recipientId: o.id, version: CURRENT }, orderBy: ID_ORDER }, (a) => ctx.prisma.transfer.findMany(a)),
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
      // Prisma's batched loads, not one statement: the tree's nested pages and counts per
      // recipient, each a correlated scan of its current links, cost PostgreSQL twice what Prisma's
      // one scan of all the page's links does (AWIN AG on 10,000 policies: 50–64 vs 27–28 ms of
      // PostgreSQL CPU, 75–94 vs 63–65 ms in all)
      totalCount: (o, _a, ctx) => countOf(ctx, 'Engagement', engagementsOf('controllerId', o.id), (where) => ctx.prisma.engagement.count({ where })),
      resolve: (query, o, _a, ctx) => ctx.prisma.engagement.findMany({ ...query, where: engagementsOf('controllerId', o.id), orderBy: ID_ORDER }),
    }),
    transfersAsController: t.prismaConnection({
      type: 'Transfer',
      cursor: 'id',
      totalCount: (o, _a, ctx) => countOf(ctx, 'Transfer', { controllerId: o.id, version: CURRENT }, (where) => ctx.prisma.transfer.count({ where })),
      resolve: (query, o, _a, ctx) => pageOf(ctx, 'Transfer', { ...query, where: { controllerId: o.id, version: CURRENT }, orderBy: ID_ORDER }, (a) => ctx.prisma.transfer.findMany(a)),
    }),
  }),
});

/** The order of the organization's connections. */
const ID_ORDER = { id: 'asc' as const };

/**
 * A connection page in one statement through Db.read with every relation its selection reads
 * (find-many-json.ts), or Prisma's findMany for a shape that module does not translate.
 */
async function pageOf<A extends FindManyArgs, R>(ctx: Context, model: string, args: A, prisma: (args: A) => Promise<R[]>): Promise<R[]> {
  return ((await findManyJson(ctx.read, model, args)) as R[] | null) ?? prisma(args);
}

/** A connection's totalCount, through Db.read as pageOf's page. */
async function countOf<W>(ctx: Context, model: string, where: W, prisma: (where: W) => Promise<number>): Promise<number> {
  return (await countJson(ctx.read, model, where)) ?? prisma(where);
}

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

const OrganizationMatchKind = builder.enumType('OrganizationMatchKind', {
  description: 'How an organization answers to a name, strongest first.',
  values: {
    NAME: { description: 'Its own name (or its catalog legal or former name).' },
    ALIAS: { description: 'An alias a policy used for it.' },
    BRAND: { description: 'A brand or product of its catalog vendor ("Google Analytics" for Google Ireland Limited and Google LLC).' },
  } as const,
});

const OrganizationMatchRef = builder.objectRef<OrganizationMatch>('OrganizationMatch').implement({
  description: 'One organization answering to a name, with why and how much it is engaged.',
  fields: (t) => ({
    organization: t.prismaField({
      type: 'Organization',
      resolve: async (query, m, _a, ctx) => (await organizationRow(ctx, query, m.organizationId)) ?? organizationGone(m.organizationId),
    }),
    matchedBy: t.field({ type: OrganizationMatchKind, resolve: (m) => m.matchedBy }),
    engagements: t.exposeInt('engagements', { description: 'Current engagements as recipient or controller: the tie-break within one kind of match.' }),
  }),
});

/** Candidates listed unless `first` asks for another number. */
const DEFAULT_CANDIDATES = 10;

const OrganizationMatches = builder.objectRef<{ name: string; matches: OrganizationMatch[] }>('OrganizationMatches').implement({
  description: 'The organizations a name designates, best first (the order of organization(name:)).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name asked for.' }),
    best: t.prismaField({
      type: 'Organization',
      nullable: true,
      description: 'What organization(name:) answers; null when nothing matches.',
      resolve: (query, r, _a, ctx) => (r.matches[0] ? organizationRow(ctx, query, r.matches[0].organizationId) : null),
    }),
    ambiguous: t.boolean({ description: 'More than one organization answers to the name: best is a choice, see candidates.', resolve: (r) => r.matches.length > 1 }),
    totalCount: t.int({ description: 'How many organizations answer to the name.', resolve: (r) => r.matches.length }),
    candidates: t.field({
      type: [OrganizationMatchRef],
      args: { first: t.arg.int({ description: `How many, best first (default ${DEFAULT_CANDIDATES}, at most 200).` }) },
      resolve: (r, args) => r.matches.slice(0, Math.min(Math.max(args.first ?? DEFAULT_CANDIDATES, 0), 200)),
    }),
  }),
});


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
    description:
      'The organization a name designates best (normalized: legal form, case and punctuation ignored): its own name before an alias before a catalog brand or product of its vendor ("Google Analytics" → Google\'s entities), then the most current engagements, then name. Several can answer to one name ("Google"): organizationMatches lists them all.',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (query, _p, args, ctx) => {
      const [best] = await matchOrganizations(ctx.read, args.name);
      return best ? organizationRow(ctx, query, best.organizationId) : null;
    },
  }),
  organizationMatches: t.field({
    type: OrganizationMatches,
    description: 'Every organization a name designates, best first in the order organization(name:) picks by, and whether the name is ambiguous.',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_p, args, ctx) => ({ name: args.name, matches: await matchOrganizations(ctx.read, args.name) }),
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
