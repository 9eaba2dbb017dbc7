// The ingestPolicy mutation: text, HTML or a URL in; a version or a typed error out.
import { builder } from '../builder.js';
import { FetchFailedError, InvalidInputError, NotAPolicyError } from '../../store/errors.js';
import { ingestInput, type IngestResult } from '../../store/ingest-input.js';
import { ForbiddenError, RateLimitedError, requireScope, UnauthorizedError } from '../auth.js';
import './errors.js';

export const IngestPolicyInput = builder.inputType('IngestPolicyInput', {
  description: 'Exactly one of text, html or url.',
  fields: (t) => ({
    text: t.string(),
    html: t.string(),
    url: t.string({ description: 'http(s) URL, fetched with a timeout, a size limit and a content-type check.' }),
    source: t.string({ description: 'Where the policy is published (defaults to the URL, else a content hash). Same source + new text = new version.' }),
  }),
});

const GraphSummaryRef = builder.objectRef<IngestResult['summary']>('GraphSummary').implement({
  fields: (t) => ({
    recipients: t.exposeInt('recipients'),
    transfers: t.exposeInt('transfers'),
    subprocessors: t.exposeInt('subprocessors'),
    countries: t.exposeStringList('countries', { description: 'ISO codes of named transfer destinations.' }),
  }),
});

const IngestPolicySuccess = builder.objectRef<IngestResult>('IngestPolicySuccess').implement({
  fields: (t) => ({
    created: t.exposeBoolean('created', { description: 'false when this exact text was already stored for this source (or is another source\'s current text: see duplicateOf).' }),
    changed: t.exposeBoolean('changed', { description: 'Whether the graph changed: a new version, or an earlier text made current again (false for the current text again: cached answers stay).' }),
    duplicateOf: t.string({ nullable: true, description: 'The source of the policy that already has this exact text; nothing was stored.', resolve: (r) => r.duplicateOf ?? null }),
    version: t.prismaField({
      type: 'PolicyVersion',
      resolve: (query, r, _a, ctx) => ctx.prisma.policyVersion.findUniqueOrThrow({ ...query, where: { id: r.versionId } }),
    }),
    summary: t.field({ type: GraphSummaryRef, resolve: (r) => r.summary }),
  }),
});

builder.mutationFields((t) => ({
  ingestPolicy: t.field({
    type: IngestPolicySuccess,
    description: 'Extracts a policy and stores it as a version (idempotent by content hash). Needs an API key with the "write" scope.',
    errors: {
      types: [UnauthorizedError, ForbiddenError, RateLimitedError, InvalidInputError, NotAPolicyError, FetchFailedError],
      directResult: true,
      union: { name: 'IngestPolicyResult' },
    },
    args: { input: t.arg({ type: IngestPolicyInput, required: true }) },
    resolve: async (_p, { input }, ctx) => {
      await requireScope(ctx, 'write');
      const result = await ingestInput(ctx.prisma, input, ctx.ingestOptions);
      // the current text again changes no answer; an earlier text made current again does
      if (result.changed) ctx.graphChanged?.();
      return result;
    },
  }),
}));
