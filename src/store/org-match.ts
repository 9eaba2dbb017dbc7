// Which organizations a name designates, best first. Several nodes can answer to one name:
// "Google" is an alias of Google Ireland Limited in one policy and of Google LLC in another,
// and the catalog's brand "Google" has both entities. organization(name:) answers with the
// best of them and organizationMatches(name:) with all of them, so the choice is never silent.
//
// Order: how the name matches (its own name > an alias > a catalog brand or product of its
// vendor), then the most current engagements (as recipient or controller), then name and key
// (the same graph always gives the same order).
import type { PrismaClient } from '../generated/prisma/client.js';
import { loadCatalog } from './catalog.js';
import { orgKey } from './normalize.js';
import { CURRENT, organizationNameWhere } from './queries.js';

export const MATCH_KINDS = ['NAME', 'ALIAS', 'BRAND'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface OrganizationMatch {
  organizationId: string;
  matchedBy: MatchKind;
  /** Current engagements as recipient or controller. */
  engagements: number;
}

/** Candidates read at most: a name shared by more organizations than this is a data problem, and the answer says it is ambiguous anyway. */
const MAX_CANDIDATES = 200;

export async function matchOrganizations(prisma: PrismaClient, name: string): Promise<OrganizationMatch[]> {
  const key = orgKey(name);
  const entity = (await loadCatalog()).entityByName(name);
  const found = await prisma.organization.findMany({
    where: await organizationNameWhere(name),
    select: { id: true, key: true, name: true, aliasKeys: true },
    orderBy: { createdAt: 'asc' },
    take: MAX_CANDIDATES,
  });
  if (!found.length) return [];
  const ids = found.map((o) => o.id);
  const [asRecipient, asController] = await Promise.all([
    prisma.engagement.groupBy({ by: ['recipientId'], where: { recipientId: { in: ids }, version: CURRENT }, _count: { _all: true } }),
    prisma.engagement.groupBy({ by: ['controllerId'], where: { controllerId: { in: ids }, version: CURRENT }, _count: { _all: true } }),
  ]);
  const engagements = new Map<string, number>();
  for (const r of asRecipient) engagements.set(r.recipientId, r._count._all);
  for (const c of asController) engagements.set(c.controllerId, (engagements.get(c.controllerId) ?? 0) + c._count._all);
  const folded = name.trim().toLowerCase();
  const kindOf = (o: (typeof found)[number]): MatchKind => {
    if (o.key === key || orgKey(o.name) === key || o.name.toLowerCase() === folded || o.key === entity?.key) return 'NAME';
    return o.aliasKeys.includes(key) ? 'ALIAS' : 'BRAND';
  };
  return found
    .map((o) => ({ o, m: { organizationId: o.id, matchedBy: kindOf(o), engagements: engagements.get(o.id) ?? 0 } }))
    .sort(
      (a, b) =>
        MATCH_KINDS.indexOf(a.m.matchedBy) - MATCH_KINDS.indexOf(b.m.matchedBy) ||
        b.m.engagements - a.m.engagements ||
        (a.o.name < b.o.name ? -1 : a.o.name > b.o.name ? 1 : 0) ||
        (a.o.key < b.o.key ? -1 : 1),
    )
    .map(({ m }) => m);
}
