// Risk: sentences of current policy versions that cite the EU-US Privacy Shield. The Court of
// Justice struck it down on 16 July 2020 (Schrems II), so the extractor never reads it as a
// mechanism (a US transfer resting on it has none) — which also means no Transfer field says a
// policy still names it. This answers from the stored evidence, using the extractor's own cue.
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { CURRENT } from '../../store/queries.js';
import { PRIVACY_SHIELD } from '../../extract/cues.js';

interface ShieldRow {
  evidenceId: string;
  controllerId: string | null;
  recipientId: string | null;
  transferId: string | null;
}

const PrivacyShieldReference = builder.objectRef<ShieldRow>('PrivacyShieldReference').implement({
  description: 'A sentence in a current policy version that cites the (invalid since July 2020) EU-US Privacy Shield.',
  fields: (t) => ({
    evidence: t.prismaField({
      type: 'Evidence',
      resolve: (query, r, _a, ctx) => ctx.prisma.evidence.findUniqueOrThrow({ ...query, where: { id: r.evidenceId } }),
    }),
    controller: t.prismaField({
      type: 'Organization',
      nullable: true,
      description: 'The controller whose policy says it.',
      resolve: (query, r, _a, ctx) => (r.controllerId ? ctx.prisma.organization.findUnique({ ...query, where: { id: r.controllerId } }) : null),
    }),
    recipient: t.prismaField({
      type: 'Organization',
      nullable: true,
      description: 'The recipient the sentence is about; null for a policy-wide clause.',
      resolve: (query, r, _a, ctx) => (r.recipientId ? ctx.prisma.organization.findUnique({ ...query, where: { id: r.recipientId } }) : null),
    }),
    transfer: t.prismaField({
      type: 'Transfer',
      nullable: true,
      description: 'The transfer the sentence is evidence for, if any.',
      resolve: (query, r, _a, ctx) => (r.transferId ? ctx.prisma.transfer.findUnique({ ...query, where: { id: r.transferId } }) : null),
    }),
  }),
});

/** One row per sentence and recipient: a sentence stored as both a mention and a transfer's evidence counts once, as the transfer's. */
async function privacyShieldRows(prisma: import('../../generated/prisma/client.js').PrismaClient): Promise<ShieldRow[]> {
  // the database narrows by substring; the extractor's regex decides (word boundaries, "Privacy-Shield")
  const candidates = await prisma.evidence.findMany({
    where: { version: CURRENT, OR: [{ quote: { contains: 'shield', mode: 'insensitive' } }, { quote: { contains: 'datenschutzschild', mode: 'insensitive' } }] },
    select: {
      id: true,
      versionId: true,
      start: true,
      transferId: true,
      quote: true,
      transfer: { select: { recipientId: true } },
      engagement: { select: { recipientId: true } },
      subprocessorLink: { select: { subprocessorId: true } },
      version: { select: { policy: { select: { controllerId: true } } } },
    },
    orderBy: [{ versionId: 'asc' }, { start: 'asc' }, { id: 'asc' }],
  });
  const rows = new Map<string, ShieldRow>();
  for (const e of candidates) {
    if (!PRIVACY_SHIELD.test(e.quote)) continue;
    const recipientId = e.transfer?.recipientId ?? e.engagement?.recipientId ?? e.subprocessorLink?.subprocessorId ?? null;
    const key = `${e.versionId}\u0000${e.start}\u0000${recipientId ?? ''}`;
    const row = { evidenceId: e.id, controllerId: e.version.policy.controllerId, recipientId, transferId: e.transferId };
    const seen = rows.get(key);
    if (!seen || (!seen.transferId && row.transferId)) rows.set(key, row);
  }
  return [...rows.values()];
}

builder.queryFields((t) => ({
  privacyShieldReferences: t.connection(
    {
      type: PrivacyShieldReference,
      description: 'Risk: sentences that still cite the EU-US Privacy Shield (invalid since 16 July 2020), in text order per policy version.',
      resolve: async (_p, args, ctx) => {
        const rows = await privacyShieldRows(ctx.prisma);
        return { ...resolveArrayConnection({ args, defaultSize: 50, maxSize: 200 }, rows), totalCount: rows.length };
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }),
      }),
    },
  ),
}));
