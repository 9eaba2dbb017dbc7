import { builder } from '../builder.js';
import { CURRENT, serviceNameWhere } from '../../store/queries.js';

builder.prismaNode('Service', {
  id: { field: 'id' },
  description: 'A product of an organization (Zoom, Google Analytics, Microsoft Teams).',
  // select mode, as Transfer's
  select: { id: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    aliases: t.exposeStringList('aliases'),
    organization: t.relation('organization', { nullable: true }),
    engagements: t.relatedConnection('engagements', {
      cursor: 'id',
      totalCount: true,
      query: { where: { version: CURRENT }, orderBy: { id: 'asc' } },
    }),
    transfers: t.relatedConnection('transfers', {
      cursor: 'id',
      totalCount: true,
      query: { where: { version: CURRENT }, orderBy: { id: 'asc' } },
    }),
  }),
});

builder.queryFields((t) => ({
  services: t.prismaConnection({
    type: 'Service',
    cursor: 'id',
    args: { name: t.arg.string({ description: 'Substring of the name, case-insensitive.' }) },
    totalCount: (_p, args, ctx) =>
      ctx.prisma.service.count({ where: args.name ? { name: { contains: args.name, mode: 'insensitive' } } : {} }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.service.findMany({
        ...query,
        where: args.name ? { name: { contains: args.name, mode: 'insensitive' } } : {},
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
  service: t.prismaField({
    type: 'Service',
    nullable: true,
    args: { name: t.arg.string({ required: true }) },
    resolve: (query, _p, args, ctx) => ctx.prisma.service.findFirst({ ...query, where: serviceNameWhere(args.name) }),
  }),
}));
