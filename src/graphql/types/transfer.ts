// Transfer: recipient —TRANSFERS_TO→ country, with the controller whose policy states it.
import { builder } from '../builder.js';
import { CertaintyEnum, MechanismEnum, TransferCoverageEnum } from './enums.js';
import { evidenceQuery } from './evidence.js';
import { transferWhere, type TransferFilter } from '../../store/queries.js';
import { coverageOf } from '../../store/coverage.js';
import { perRequest } from '../request-memo.js';
import { selectsField } from '../selects-field.js';
import { countTransfers, transferPage, TRANSFER_ORDER, type PageQuery } from '../../store/transfer-page.js';
import { resolveFilterIds } from '../../store/transfer-hits.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Context } from '../builder.js';

export const Transfer = builder.prismaNode('Transfer', {
  id: { field: 'id' },
  description: 'A transfer of personal data by a recipient to a country, as one policy version states it.',
  // select mode: a query loads the columns its fields read (a transfers page built every column
  // of its transfers, controllers, recipients, services and countries as JSON, and Node parsed it)
  select: { id: true },
  fields: (t) => ({
    controller: t.relation('controller', { description: 'The controller whose policy states the transfer.' }),
    recipient: t.relation('recipient', { description: 'The organization receiving the data.' }),
    service: t.relation('service', { nullable: true, description: 'The service through which the data flows, where named.' }),
    country: t.relation('country', { nullable: true, description: 'The destination; null for a third country the policy does not name.' }),
    thirdCountry: t.exposeBoolean('thirdCountry', { description: 'Outside the EU/EEA (or unnamed).' }),
    mechanisms: t.expose('mechanisms', { type: [MechanismEnum], description: 'The mechanisms the policy states for this transfer; empty when none is stated.' }),
    coveredBy: t.field({
      type: TransferCoverageEnum,
      description:
        'Why this transfer is or is not covered: WITHIN_EEA, STATED_MECHANISM, ADEQUACY_DECISION (no mechanism stated, but the destination has an EU adequacy decision) or NONE (the "without mechanism" risk).',
      select: { thirdCountry: true, mechanisms: true, country: { select: { adequacy: true } } },
      resolve: (t) => coverageOf(t),
    }),
    certainty: t.expose('certainty', { type: CertaintyEnum }),
    dpfId: t.exposeString('dpfId', {
      nullable: true,
      description:
        'Data Privacy Framework participant id the policy cites for this transfer. It names a US organization: the recipient where it sits in the US, else its vendor\'s US entity (which carries it as Organization.dpfId).',
    }),
    evidence: t.relation('evidence', { query: evidenceQuery }),
    version: t.relation('version', { description: 'The policy version this transfer comes from.' }),
    engagement: t.relation('engagement'),
  }),
});

export const TransferFilterInput = builder.inputType('TransferFilter', {
  fields: (t) => ({
    country: t.string({ description: 'Destination: ISO code ("US") or English/German name.' }),
    mechanism: t.field({ type: MechanismEnum, description: 'Only transfers stating this mechanism.' }),
    noMechanism: t.boolean({ description: 'true: only transfers with no mechanism stated (those an adequacy decision covers included: see coveredBy); false: only with one.' }),
    coveredBy: t.field({ type: TransferCoverageEnum, description: 'Only transfers resting on this; NONE: third-country transfers nothing covers.' }),
    service: t.string({ description: 'A service or its vendor, by name or alias, case-insensitive ("Zoom").' }),
    vendor: t.string({ description: 'The recipient organization, by name or alias.' }),
    controller: t.string({ description: 'The controller, by name or alias.' }),
    certainty: t.field({ type: CertaintyEnum }),
    thirdCountry: t.boolean({ description: 'true: only destinations outside the EU/EEA (unnamed ones included).' }),
    includeHistory: t.boolean({ description: 'Also answer from superseded policy versions (default false).' }),
  }),
});

/** The where-clause of a filter, for the backward-page path (Prisma), resolved once per request. */
const whereOf = (ctx: Context, filter: TransferFilter) => perRequest(ctx, `transferWhere:${JSON.stringify(filter)}`, () => transferWhere(ctx.prisma, filter));
/** The filter's names as ids: from the server's memo, else once per request (the page and totalCount share them). */
const idsOf = (ctx: Context, filter: TransferFilter) =>
  ctx.filterIds ? ctx.filterIds.get(ctx.read, filter) : perRequest(ctx, `filterIds:${JSON.stringify(filter)}`, () => resolveFilterIds(ctx.read, filter));
const countKey = (filter: TransferFilter) => `transferCount:${JSON.stringify(filter)}`;
const WITHOUT_MECHANISM: TransferFilter = { coveredBy: 'NONE' };

/**
 * A page of the connection. A forward page and its totalCount (when the request selects it)
 * come from one statement (src/store/transfer-page.ts); the count is left in the request memo
 * for the totalCount field, which resolves after the page. A backward page (last/before) asks
 * Prisma in the same order.
 */
async function page(ctx: Context, info: GraphQLResolveInfo, filter: TransferFilter, query: PageQuery) {
  if ((query.take ?? 0) < 0) return ctx.prisma.transfer.findMany({ ...(query as Prisma.TransferFindManyArgs), where: await whereOf(ctx, filter), orderBy: TRANSFER_ORDER });
  const { rows, total } = await transferPage(ctx, filter, query, { count: selectsField(info, 'totalCount'), ids: idsOf(ctx, filter) });
  if (total != null) void perRequest(ctx, countKey(filter), async () => total);
  return rows as never[];
}

const total = (ctx: Context, filter: TransferFilter) => perRequest(ctx, countKey(filter), () => countTransfers(ctx.read, filter, idsOf(ctx, filter)));

builder.queryFields((t) => ({
  transfers: t.prismaConnection({
    type: 'Transfer',
    cursor: 'id',
    description: 'Transfers, filtered by destination, mechanism, service or vendor, controller, certainty; in controller-name order.',
    args: { filter: t.arg({ type: TransferFilterInput }) },
    totalCount: (_parent, args, ctx) => total(ctx, (args.filter ?? {}) as TransferFilter),
    resolve: (query, _parent, args, ctx, info) => page(ctx, info, (args.filter ?? {}) as TransferFilter, query),
  }),
  transfersWithoutMechanism: t.prismaConnection({
    type: 'Transfer',
    cursor: 'id',
    description:
      'Risk: transfers to third countries (named or not) for which the policy states no mechanism and no EU adequacy decision covers the destination (coveredBy: NONE). A transfer to CH, GB, JP, … without a stated mechanism is not listed: the adequacy decision covers it (coveredBy: ADEQUACY_DECISION). The US is listed: only a stated DPF covers it.',
    totalCount: (_p, _a, ctx) => total(ctx, WITHOUT_MECHANISM),
    resolve: (query, _p, _a, ctx, info) => page(ctx, info, WITHOUT_MECHANISM, query),
  }),
}));
