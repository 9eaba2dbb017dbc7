import { builder } from '../builder.js';
import { CURRENT, countryCode } from '../../store/queries.js';

builder.prismaNode('Country', {
  id: { field: 'code' },
  description: 'ISO 3166-1 country with EU/EEA membership and adequacy status.',
  // select mode, as Transfer's
  select: { code: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    nameEn: t.exposeString('nameEn'),
    nameDe: t.exposeString('nameDe'),
    eu: t.exposeBoolean('eu'),
    eea: t.exposeBoolean('eea'),
    adequacy: t.exposeBoolean('adequacy', { description: 'Covered as a whole by an EU adequacy decision (the US is not: DPF covers certified organizations only).' }),
    thirdCountry: t.boolean({ select: { eea: true }, resolve: (c) => !c.eea }),
    transfers: t.relatedConnection('transfers', {
      cursor: 'id',
      totalCount: true,
      query: { where: { version: CURRENT }, orderBy: { id: 'asc' } },
    }),
    regions: t.relation('regions'),
  }),
});

builder.queryFields((t) => ({
  countries: t.prismaField({
    type: ['Country'],
    args: { thirdCountry: t.arg.boolean(), withTransfers: t.arg.boolean({ description: 'Only destinations of current transfers.' }) },
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.country.findMany({
        ...query,
        where: {
          ...(args.thirdCountry != null ? { eea: !args.thirdCountry } : {}),
          ...(args.withTransfers ? { transfers: { some: { version: CURRENT } } } : {}),
        },
        orderBy: { code: 'asc' },
      }),
  }),
  country: t.prismaField({
    type: 'Country',
    nullable: true,
    args: { code: t.arg.string({ required: true, description: 'ISO code or English/German name.' }) },
    resolve: (query, _p, args, ctx) => ctx.prisma.country.findUnique({ ...query, where: { code: countryCode(args.code) } }),
  }),
}));
