// Region: a processing region (AWS eu-central-1, Frankfurt am Main).
import { builder } from '../builder.js';

builder.prismaNode('Region', {
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    country: t.relation('country', { nullable: true }),
  }),
});
