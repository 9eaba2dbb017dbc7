// Aggregates for dashboards.
import { builder } from '../builder.js';
import { MechanismEnum } from './enums.js';
import { dashboard, type Dashboard } from '../../store/queries.js';

const CountryCount = builder.objectRef<Dashboard['byCountry'][number]>('CountryCount').implement({
  fields: (t) => ({
    countryCode: t.exposeString('countryCode', { nullable: true, description: 'null: an unnamed third country.' }),
    country: t.prismaField({
      type: 'Country',
      nullable: true,
      resolve: (query, c, _a, ctx) => (c.countryCode ? ctx.prisma.country.findUnique({ ...query, where: { code: c.countryCode } }) : null),
    }),
    count: t.exposeInt('count'),
  }),
});

const MechanismCount = builder.objectRef<Dashboard['byMechanism'][number]>('MechanismCount').implement({
  fields: (t) => ({
    mechanism: t.expose('mechanism', { type: MechanismEnum, nullable: true, description: 'null: no mechanism stated.' }),
    count: t.exposeInt('count'),
  }),
});

const VendorCount = builder.objectRef<Dashboard['topVendors'][number]>('VendorCount').implement({
  fields: (t) => ({
    organization: t.prismaField({
      type: 'Organization',
      resolve: (query, v, _a, ctx) => ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: v.organizationId } }),
    }),
    controllers: t.exposeInt('controllers', { description: 'How many controllers engage this vendor.' }),
    engagements: t.exposeInt('engagements'),
  }),
});

const DashboardRef = builder.objectRef<Dashboard>('Dashboard').implement({
  description: 'Counts over current policy versions.',
  fields: (t) => ({
    policies: t.exposeInt('policies'),
    currentVersions: t.exposeInt('currentVersions'),
    organizations: t.exposeInt('organizations'),
    services: t.exposeInt('services'),
    transfers: t.exposeInt('transfers'),
    thirdCountryTransfers: t.exposeInt('thirdCountryTransfers'),
    transfersWithoutMechanism: t.exposeInt('transfersWithoutMechanism', { description: 'Third-country transfers with no mechanism stated.' }),
    byCountry: t.field({ type: [CountryCount], resolve: (d) => d.byCountry }),
    byMechanism: t.field({ type: [MechanismCount], resolve: (d) => d.byMechanism }),
    topVendors: t.field({ type: [VendorCount], resolve: (d) => d.topVendors }),
  }),
});

builder.queryFields((t) => ({
  dashboard: t.field({
    type: DashboardRef,
    args: { top: t.arg.int({ description: 'How many top vendors (default 10).' }) },
    resolve: (_p, args, ctx) => dashboard(ctx.prisma, Math.min(Math.max(args.top ?? 10, 1), 100)),
  }),
}));
