// The multi-hop questions (issue 12): dataPaths, subprocessorChain, sharedVendors, exposure.
// Arguments are checked and names resolved to ids once (../traversal-args.ts); the answer comes
// from the context's traversal backend (Cypher when Neo4j is configured) or SQL. The backends
// return ids; organizations, services, countries and evidence are loaded here per field —
// Prisma batches the findUnique calls of one tick into one query per type.
import { builder, type Context } from '../builder.js';
import { CertaintyEnum, MechanismEnum, RoleEnum } from './enums.js';
import { checkDepth, checkFirst, resolveControllers, resolveCountry, resolveOrganization } from '../traversal-args.js';
import { SqlTraversal } from '../../traversal/sql.js';
import {
  ARRIVAL_EVIDENCE,
  DEFAULT_DEPTH,
  DEFAULT_FIRST,
  MAX_DEPTH,
  MAX_FIRST,
  type Arrival,
  type ChainLink,
  type DataPath,
  type EvidenceRef,
  type Exposure,
  type Hop,
  type SharedVendor,
  type TraversalBackend,
  type VendorUse,
} from '../../traversal/types.js';

function backend(ctx: Context): TraversalBackend {
  return ctx.traversal ?? new SqlTraversal(ctx.prisma);
}

/**
 * The row estimate of a traversal (see ../limits.ts): the walk itself, which grows with the
 * depth, plus `first` answers of the selected size. Out-of-range arguments are clamped so that
 * the resolver, not the estimate, reports them with a clear message.
 */
function traversalComplexity(args: { maxDepth?: number | null; first?: number | null }, childComplexity: number): number {
  const depth = Math.min(Math.max(args.maxDepth ?? DEFAULT_DEPTH, 1), MAX_DEPTH);
  const first = Math.min(Math.max(args.first ?? DEFAULT_FIRST, 1), MAX_FIRST);
  return 1_000 * depth + childComplexity * first;
}

const HopKindEnum = builder.enumType('HopKind', {
  description: 'ENGAGEMENT: controller → recipient; SUBPROCESSOR: organization → its sub-processor; PARENT: subsidiary → group parent.',
  values: ['ENGAGEMENT', 'SUBPROCESSOR', 'PARENT'] as const,
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type PothosObjectFieldBuilder<P> = PothosSchemaTypes.ObjectFieldBuilder<Types, P>;

const organizationField = <P>(t: PothosObjectFieldBuilder<P>, id: (p: P) => string, description?: string) =>
  t.prismaField({
    type: 'Organization',
    description,
    resolve: (query, p, _a, ctx) => ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: id(p) } }),
  });

const organizationsField = <P>(t: PothosObjectFieldBuilder<P>, ids: (p: P) => string[], description?: string) =>
  t.prismaField({
    type: ['Organization'],
    description,
    resolve: (query, p, _a, ctx) => Promise.all(ids(p).map((id) => ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id } }))),
  });

const evidenceField = <P>(t: PothosObjectFieldBuilder<P>, refs: (p: P) => EvidenceRef[]) =>
  t.prismaField({
    type: ['Evidence'],
    description: 'The sentences behind it, in evidence-id order.',
    resolve: (query, p, _a, ctx) => Promise.all(refs(p).map(({ id }) => ctx.prisma.evidence.findUniqueOrThrow({ ...query, where: { id } }))),
  });

const servicesField = <P>(t: PothosObjectFieldBuilder<P>, ids: (p: P) => string[], description: string) =>
  t.prismaField({
    type: ['Service'],
    description,
    resolve: (query, p, _a, ctx) => Promise.all(ids(p).map((id) => ctx.prisma.service.findUniqueOrThrow({ ...query, where: { id } }))),
  });


const HopRef = builder.objectRef<Hop>('TraversalHop').implement({
  description: 'One link between two organizations, aggregated over every current policy version that states it.',
  fields: (t) => ({
    kind: t.field({ type: HopKindEnum, resolve: (h) => h.kind }),
    from: organizationField(t, (h) => h.from),
    to: organizationField(t, (h) => h.to),
    roles: t.field({ type: [RoleEnum], description: 'ENGAGEMENT: the roles the engagements state; otherwise empty.', resolve: (h) => h.roles }),
    evidence: evidenceField(t, (h) => h.evidence),
  }),
});

const ArrivalRef = builder.objectRef<Arrival>('TraversalArrival').implement({
  description: "How a path's last organization reaches the country: its current transfers there, aggregated (one-hop paths: the controller's own transfers only).",
  fields: (t) => ({
    from: organizationField(t, (a) => a.from),
    country: t.prismaField({
      type: 'Country',
      resolve: (query, a, _a, ctx) => ctx.prisma.country.findUniqueOrThrow({ ...query, where: { code: a.country } }),
    }),
    mechanisms: t.field({ type: [MechanismEnum], resolve: (a) => a.mechanisms }),
    certainty: t.field({ type: CertaintyEnum, description: 'STATED when any of the transfers is stated.', resolve: (a) => a.certainty }),
    transfers: t.int({ description: 'How many current transfers state it.', resolve: (a) => a.transfers }),
    evidence: t.prismaField({
      type: ['Evidence'],
      description: `The sentences of at most ${ARRIVAL_EVIDENCE} of the transfers (the first by evidence id).`,
      resolve: (query, a, _a, ctx) => Promise.all(a.evidence.map(({ id }) => ctx.prisma.evidence.findUniqueOrThrow({ ...query, where: { id } }))),
    }),
  }),
});

const DataPathRef = builder.objectRef<DataPath>('DataPath').implement({
  fields: (t) => ({
    depth: t.int({ description: 'Hops between organizations.', resolve: (p) => p.hops.length }),
    organizations: organizationsField(t, (p) => p.organizations, 'Controller first, then each recipient along the path.'),
    hops: t.field({ type: [HopRef], resolve: (p) => p.hops }),
    arrival: t.field({ type: ArrivalRef, resolve: (p) => p.arrival }),
  }),
});

const ChainLinkRef = builder.objectRef<ChainLink>('ChainLink').implement({
  fields: (t) => ({
    depth: t.int({ resolve: (l) => l.hops.length }),
    organizations: organizationsField(t, (l) => l.organizations, 'The organization asked about first, this link’s sub-processor last.'),
    hops: t.field({ type: [HopRef], resolve: (l) => l.hops }),
  }),
});

const VendorUseRef = builder.objectRef<VendorUse>('VendorUse').implement({
  fields: (t) => ({
    controller: organizationField(t, (u) => u.controller),
    roles: t.field({ type: [RoleEnum], resolve: (u) => u.roles }),
    services: servicesField(t, (u) => u.services, 'Services its engagements of this vendor name.'),
    evidence: evidenceField(t, (u) => u.evidence),
  }),
});

const SharedVendorRef = builder.objectRef<SharedVendor>('SharedVendor').implement({
  fields: (t) => ({
    vendor: organizationField(t, (v) => v.vendor),
    controllers: t.field({ type: [VendorUseRef], description: 'Each of the given controllers that engages it (two or more).', resolve: (v) => v.controllers }),
    sharedServices: servicesField(t, (v) => v.sharedServices, 'Services two or more of them name.'),
  }),
});

const ExposurePathRef = builder.objectRef<Exposure>('ExposurePath').implement({
  fields: (t) => ({
    controller: organizationField(t, (e) => e.controller),
    depth: t.int({ resolve: (e) => e.hops.length }),
    organizations: organizationsField(t, (e) => e.organizations, 'Controller first, the vendor last.'),
    hops: t.field({ type: [HopRef], resolve: (e) => e.hops }),
  }),
});

interface Answer<T> {
  /** `first` + 1 rows were asked for, to know whether there are more. */
  rows: T[];
  first: number;
}
const page = <T>(a: Answer<T>) => a.rows.slice(0, a.first);
const truncatedField = <T>(t: PothosObjectFieldBuilder<Answer<T>>) =>
  t.boolean({ description: 'More answers exist than `first`: ask for more or narrow the question.', resolve: (a) => a.rows.length > a.first });

const DataPaths = builder.objectRef<Answer<DataPath> & { controller: string; country: string }>('DataPaths').implement({
  fields: (t) => ({
    controller: organizationField(t, (a) => a.controller, 'The controller the name resolved to.'),
    country: t.prismaField({ type: 'Country', resolve: (query, a, _a, ctx) => ctx.prisma.country.findUniqueOrThrow({ ...query, where: { code: a.country } }) }),
    paths: t.field({ type: [DataPathRef], description: 'Shortest first, then by the organizations’ ids.', resolve: page }),
    truncated: truncatedField(t),
  }),
});

const SubprocessorChain = builder.objectRef<Answer<ChainLink> & { organization: string }>('SubprocessorChain').implement({
  fields: (t) => ({
    organization: organizationField(t, (a) => a.organization),
    links: t.field({ type: [ChainLinkRef], description: 'Every path of sub-processor links below it, shortest first.', resolve: page }),
    truncated: truncatedField(t),
  }),
});

const SharedVendors = builder.objectRef<Answer<SharedVendor> & { controllers: string[] }>('SharedVendors').implement({
  fields: (t) => ({
    controllers: organizationsField(t, (a) => a.controllers, 'The controllers the names resolved to.'),
    vendors: t.field({ type: [SharedVendorRef], description: 'Most-shared first.', resolve: page }),
    truncated: truncatedField(t),
  }),
});

const ExposureRef = builder.objectRef<Answer<Exposure> & { vendor: string }>('Exposure').implement({
  fields: (t) => ({
    vendor: organizationField(t, (a) => a.vendor),
    paths: t.field({ type: [ExposurePathRef], description: 'Every path from a controller to the vendor, shortest first.', resolve: page }),
    truncated: truncatedField(t),
  }),
});

builder.queryFields((t) => {
  const depthArg = t.arg.int({ defaultValue: DEFAULT_DEPTH, required: true, description: `Most hops between organizations, 1 to ${MAX_DEPTH}.` });
  const firstArg = t.arg.int({ defaultValue: DEFAULT_FIRST, required: true, description: `Most answers, 1 to ${MAX_FIRST}.` });
  const complexity = ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }) =>
    traversalComplexity(args as { maxDepth?: number; first?: number }, childComplexity);
  return {
    dataPaths: t.field({
      type: DataPaths,
      description:
        "Every path by which a controller's data can reach a country: controller → recipient (engagement) → sub-processors / group parents → …, ending with transfers to the country. Cycles cut.",
      extensions: { complexity },
      args: {
        controller: t.arg.string({ required: true, description: 'Name, alias or Organization id.' }),
        country: t.arg.string({ required: true, description: 'ISO code or name.' }),
        maxDepth: depthArg,
        first: firstArg,
      },
      resolve: async (_p, args, ctx) => {
        const [maxDepth, first] = [checkDepth(args.maxDepth), checkFirst(args.first)];
        const [controller, country] = await Promise.all([resolveOrganization(ctx, args.controller, 'controller'), resolveCountry(ctx.prisma, args.country)]);
        return { controller, country, first, rows: await backend(ctx).dataPaths({ controller, country, maxDepth, first: first + 1 }) };
      },
    }),
    subprocessorChain: t.field({
      type: SubprocessorChain,
      description: 'The sub-processor chain below an organization, across every current policy that states a link. Cycles cut.',
      extensions: { complexity },
      args: { organization: t.arg.string({ required: true, description: 'Name, alias or Organization id.' }), maxDepth: depthArg, first: firstArg },
      resolve: async (_p, args, ctx) => {
        const [maxDepth, first] = [checkDepth(args.maxDepth), checkFirst(args.first)];
        const organization = await resolveOrganization(ctx, args.organization, 'organization');
        return { organization, first, rows: await backend(ctx).subprocessorChain({ organization, maxDepth, first: first + 1 }) };
      },
    }),
    sharedVendors: t.field({
      type: SharedVendors,
      description: 'Vendors (and their services) that two or more of the given controllers engage, with each one’s role.',
      extensions: { complexity },
      args: { controllers: t.arg.stringList({ required: true, description: 'Names, aliases or Organization ids (2 to 50).' }), first: firstArg },
      resolve: async (_p, args, ctx) => {
        const first = checkFirst(args.first);
        const controllers = await resolveControllers(ctx, args.controllers);
        return { controllers, first, rows: await backend(ctx).sharedVendors({ controllers, first: first + 1 }) };
      },
    }),
    exposure: t.field({
      type: ExposureRef,
      description: 'Every controller whose data reaches this vendor, directly or through a chain, with the path: who is affected if it changes (breach, DPF loss).',
      extensions: { complexity },
      args: { vendor: t.arg.string({ required: true, description: 'Name, alias or Organization id.' }), maxDepth: depthArg, first: firstArg },
      resolve: async (_p, args, ctx) => {
        const [maxDepth, first] = [checkDepth(args.maxDepth), checkFirst(args.first)];
        const vendor = await resolveOrganization(ctx, args.vendor, 'vendor');
        return { vendor, first, rows: await backend(ctx).exposure({ vendor, maxDepth, first: first + 1 }) };
      },
    }),
  };
});
