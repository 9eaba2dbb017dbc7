import { builder } from '../builder.js';
import { EvidenceKindEnum } from './enums.js';

builder.prismaObject('Evidence', {
  description: 'The sentence in a policy version that supports an edge.',
  // select mode: a query loads the fields it asks for (a page of 50 transfers cites ~150
  // sentences; their unasked ids and links were half of what the page statement returned)
  select: { id: true },
  fields: (t) => ({
    kind: t.expose('kind', { type: EvidenceKindEnum }),
    quote: t.exposeString('quote'),
    section: t.exposeString('section', { nullable: true, description: 'The heading of the section the sentence is in.' }),
    start: t.exposeInt('start', { description: 'Character offset into PolicyVersion.text.' }),
    end: t.exposeInt('end'),
    version: t.relation('version'),
  }),
});

/** Evidence ordered by position in the text. */
export const evidenceQuery = { orderBy: [{ start: 'asc' as const }, { id: 'asc' as const }] };
