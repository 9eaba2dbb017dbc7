// Aggregates for dashboards.
import { builder } from '../builder.js';
import { MechanismEnum } from './enums.js';
import { dashboard, type Dashboard } from '../../store/queries.js';
import type { Mechanism } from '../../extract/types.js';
import { countryRow, organizationGone, organizationRow } from '../row-loader.js';
import { selectsOnly, selectsScalarsOnly } from '../../store/relation-json.js';
import type { Country, Organization } from '../../generated/prisma/client.js';

/** What a dashboard shows for each bucket of byMechanism; null is the bucket of transfers that state none. */
const MECHANISM_LABEL: Record<Mechanism, string> = {
  SCC: 'Standard contractual clauses',
  DPF: 'EU-US Data Privacy Framework',
  BCR: 'Binding corporate rules',
  ADEQUACY: 'Adequacy decision (stated)',
  ART49: 'Art. 49 derogation',
  OTHER: 'Other safeguard',
};
const NO_MECHANISM_LABEL = 'No mechanism stated';

const CountryCount = builder.objectRef<Dashboard['byCountry'][number]>('CountryCount').implement({
  fields: (t) => ({
    countryCode: t.exposeString('countryCode', { nullable: true, description: 'null: an unnamed third country.' }),
    country: t.prismaField({
      type: 'Country',
      nullable: true,
      // only the code asked for (`country { code }`): the bucket has it; else the list's
      // countries in one statement
      resolve: (query, c, _a, ctx) => {
        if (!c.countryCode) return null;
        return selectsOnly(query, 'code') ? ({ code: c.countryCode } as Country) : countryRow(ctx, query, c.countryCode);
      },
    }),
    count: t.exposeInt('count'),
  }),
});

const MechanismCount = builder.objectRef<Dashboard['byMechanism'][number]>('MechanismCount').implement({
  fields: (t) => ({
    mechanism: t.expose('mechanism', {
      type: MechanismEnum,
      nullable: true,
      description: 'The stated mechanism; null for the bucket of transfers that state none (noMechanism: true).',
    }),
    noMechanism: t.boolean({ description: 'true for the one bucket of transfers with no mechanism stated (mechanism: null).', resolve: (m) => m.mechanism === null }),
    label: t.string({
      description: `A name to show: "Standard contractual clauses", … and "${NO_MECHANISM_LABEL}" for the null bucket.`,
      resolve: (m) => (m.mechanism ? MECHANISM_LABEL[m.mechanism] : NO_MECHANISM_LABEL),
    }),
    count: t.exposeInt('count', {
      description:
        'Current transfers (any destination) stating this mechanism; a transfer with several counts under each, one with none once under null — including transfers an adequacy decision covers (Dashboard.transfersCoveredByAdequacy) and those within the EEA.',
    }),
  }),
});

const VendorCount = builder.objectRef<Dashboard['topVendors'][number]>('VendorCount').implement({
  fields: (t) => ({
    organization: t.prismaField({
      type: 'Organization',
      // the dashboard's statement brought the organization's own columns: a selection of those
      // (the usual `organization { name }`) needs no statement of its own; else the top list's
      // organizations in one statement
      resolve: async (query, v, _a, ctx) => {
        if (selectsScalarsOnly('Organization', query)) return v.organization as unknown as Organization;
        return (await organizationRow(ctx, query, v.organizationId)) ?? organizationGone(v.organizationId);
      },
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
    transfersWithoutMechanism: t.exposeInt('transfersWithoutMechanism', {
      description:
        'Third-country transfers with no mechanism stated and no EU adequacy decision for the destination (Transfer.coveredBy: NONE; the totalCount of the transfersWithoutMechanism list). Transfers to an adequacy country are covered by the decision and counted in transfersCoveredByAdequacy instead.',
    }),
    transfersCoveredByAdequacy: t.exposeInt('transfersCoveredByAdequacy', {
      description:
        'Third-country transfers with no mechanism stated to a country with an EU adequacy decision (CH, GB, JP, …; never the US): the decision covers them (Transfer.coveredBy: ADEQUACY_DECISION).',
    }),
    byCountry: t.field({ type: [CountryCount], resolve: (d) => d.byCountry }),
    byMechanism: t.field({
      type: [MechanismCount],
      description: `Current transfers per stated mechanism, most first; the bucket with mechanism null (label "${NO_MECHANISM_LABEL}") counts the transfers that state none.`,
      resolve: (d) => d.byMechanism,
    }),
    topVendors: t.field({ type: [VendorCount], resolve: (d) => d.topVendors }),
  }),
});

builder.queryFields((t) => ({
  dashboard: t.field({
    type: DashboardRef,
    args: { top: t.arg.int({ description: 'How many top vendors (default 10).' }) },
    resolve: (_p, args, ctx) => dashboard(ctx.read, Math.min(Math.max(args.top ?? 10, 1), 100)),
  }),
}));
