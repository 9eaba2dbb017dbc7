// Which organizations a name designates, best first. Several nodes can answer to one name:
// "Google" is an alias of Google Ireland Limited in one policy and of Google LLC in another,
// and the catalog's brand "Google" has both entities. organization(name:) answers with the
// best of them and organizationMatches(name:) with all of them, so the choice is never silent.
//
// Order: how the name matches (its own name > an alias > a catalog brand or product of its
// vendor), then the most current engagements (as recipient or controller), then name and key
// (the same graph always gives the same order).
import type { ReadSql } from '../db.js';
import { loadCatalog } from './catalog.js';
import { orgKey } from './normalize.js';
import { organizationKeys, organizationKeysSql } from './queries.js';
import { SqlParams } from './sql-params.js';

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

/** The organization `o`'s engagements on one side, in current policy versions. */
const currentEngagements = (side: 'recipientId' | 'controllerId') =>
  `(SELECT count(*) FROM "Engagement" e JOIN "PolicyVersion" v ON v.id = e."versionId" AND v."isCurrent" WHERE e."${side}" = o.id)`;

/**
 * The candidates (organizationNameWhere's rule: a key the name or its catalog brand gives, or
 * an alias key) with their current engagements, in one statement through Db.read.
 */
export async function matchOrganizations(read: ReadSql, name: string): Promise<OrganizationMatch[]> {
  const { key, keys } = await organizationKeys(name, { brand: true });
  const entity = (await loadCatalog()).entityByName(name);
  const params = new SqlParams();
  const found = await read<{ id: string; key: string; name: string; aliasKeys: string[]; engagements: number }>(
    `SELECT o.id, o.key, o.name, o."aliasKeys", (${currentEngagements('recipientId')} + ${currentEngagements('controllerId')})::int AS engagements
     FROM "Organization" o WHERE ${organizationKeysSql('o', keys, key, params)}
     ORDER BY o."createdAt" LIMIT ${params.add(MAX_CANDIDATES)}`,
    params.values,
  );
  if (!found.length) return [];
  const folded = name.trim().toLowerCase();
  const kindOf = (o: (typeof found)[number]): MatchKind => {
    if (o.key === key || orgKey(o.name) === key || o.name.toLowerCase() === folded || o.key === entity?.key) return 'NAME';
    return o.aliasKeys.includes(key) ? 'ALIAS' : 'BRAND';
  };
  return found
    .map((o) => ({ o, m: { organizationId: o.id, matchedBy: kindOf(o), engagements: o.engagements } }))
    .sort(
      (a, b) =>
        MATCH_KINDS.indexOf(a.m.matchedBy) - MATCH_KINDS.indexOf(b.m.matchedBy) ||
        b.m.engagements - a.m.engagements ||
        (a.o.name < b.o.name ? -1 : a.o.name > b.o.name ? 1 : 0) ||
        (a.o.key < b.o.key ? -1 : 1),
    )
    .map(({ m }) => m);
}
