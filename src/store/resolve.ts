// Resolves the names of one policy version to shared nodes (organizations, services, regions,
// countries) in a constant number of statements, whatever the number of recipients:
// plan every node in memory, look up existing spellings once, insert the missing ones with
// INSERT … ON CONFLICT DO NOTHING (so concurrent ingests of the same vendor never create
// duplicates), read the ids back, and update only the nodes a policy adds something to.
// Inserts and reads go through insert-rows.ts (raw SQL; it says why); the rare updates use Prisma.
// Inserts go in key order so that concurrent transactions take row locks in one order.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.js';
import { countryByCode } from '../kb/countries.js';
import type { Catalog, CatalogEntity } from './catalog.js';
import { foldName, legalFormFromName, orgKey, serviceKey, uniq } from './normalize.js';
import { insertKeyed, rowSet } from './insert-rows.js';

type Tx = Prisma.TransactionClient;

export interface OrgInput {
  name: string;
  aliases: string[];
  legalForm: string | null;
  country: string | null;
  address: string | null;
  dpfId: string | null;
}

interface OrgRow {
  id: string;
  key: string;
  name: string;
  aliases: string[];
  aliasKeys: string[];
  legalForm: string | null;
  countryCode: string | null;
  address: string | null;
  dpfId: string | null;
  parentId: string | null;
}

interface OrgPlan {
  key: string;
  /** Keys of this spelling, to find a node that already carries one of them as an alias. */
  lookupKeys: string[];
  vendor: CatalogEntity | undefined;
  name: string;
  aliases: string[];
  aliasKeys: string[];
  legalForm: string | null;
  country: string | null;
  address: string | null;
  dpfId: string | null;
}

/** What a name designates, before the database is asked: a catalog entity or its own key. */
export function planOrganization(o: OrgInput, catalog: Catalog): OrgPlan {
  const name = o.name.trim();
  const allNames = uniq([name, ...o.aliases.map((a) => a.trim()).filter(Boolean)]);
  const seat = o.country?.toUpperCase() ?? null;
  const vendor =
    allNames.map((n) => catalog.entityByName(n)).find(Boolean) ?? allNames.map((n) => catalog.entityByBrand(n, seat)).find(Boolean);
  const keys = uniq(allNames.map(orgKey).filter(Boolean));
  const displayName = vendor?.name ?? name;
  return {
    key: vendor ? vendor.key : keys[0],
    lookupKeys: vendor ? [] : keys,
    vendor,
    name: displayName,
    aliases: uniq([...allNames, ...(vendor?.names ?? [])]).filter((n) => n !== displayName),
    aliasKeys: uniq([...keys, ...(vendor?.names ?? []).map(orgKey)]),
    legalForm: o.legalForm ?? vendor?.legalForm ?? legalFormFromName(displayName),
    country: vendor?.country ?? seat,
    address: o.address ?? vendor?.address ?? null,
    dpfId: o.dpfId,
  };
}

/**
 * Where the Data Privacy Framework participant ids of some plans belong. The DPF is the EU's
 * adequacy decision for certified US organizations, so a participant id is a fact about a US
 * entity: a plan seated elsewhere gives its id up. A catalog entity's id goes to its vendor's US
 * entity, planned as one more node (a policy naming "Google Ireland Limited" with
 * dataprivacyframework.gov/participant/5780 certifies Google LLC); without a known US entity the
 * id is placed on no organization. Transfer.dpfId keeps the id the policy cites either way.
 */
export function placeDpfIds(plans: OrgPlan[], catalog: Catalog): { plans: OrgPlan[]; holders: OrgPlan[] } {
  const holders: OrgPlan[] = [];
  const placed = plans.map((p) => {
    if (!p.dpfId || p.country === 'US') return p;
    const us = p.vendor && catalog.usEntityOf(p.vendor);
    if (us) holders.push(planOrganization({ name: us.name, aliases: [], legalForm: null, country: us.country, address: null, dpfId: p.dpfId }, catalog));
    return { ...p, dpfId: null };
  });
  return { plans: placed, holders };
}

/** Two plans for one key (a recipient and its alias in one policy) become one node. */
function mergePlans(a: OrgPlan, b: OrgPlan): OrgPlan {
  return {
    ...a,
    aliases: uniq([...a.aliases, ...b.aliases, ...(b.name !== a.name ? [b.name] : [])]).filter((n) => n !== a.name),
    aliasKeys: uniq([...a.aliasKeys, ...b.aliasKeys]),
    legalForm: a.legalForm ?? b.legalForm,
    country: a.country ?? b.country,
    address: a.address ?? b.address,
    dpfId: a.dpfId ?? b.dpfId,
  };
}

export class Resolver {
  /** The stored name of every organization resolved so far, by id. */
  private names = new Map<string, string>();

  constructor(
    private tx: Tx,
    private catalog: Catalog,
  ) {}

  /**
   * Ids of the organizations the inputs name, in input order. `parents[i]`, when given, is the
   * index of input i's corporate parent; it is recorded on a node that has none yet.
   */
  async organizations(inputs: OrgInput[], parents: (number | null)[] = []): Promise<string[]> {
    const { plans, holders } = placeDpfIds(
      inputs.map((o) => planOrganization(o, this.catalog)),
      this.catalog,
    );
    const lookupKeys = uniq(plans.flatMap((p) => p.lookupKeys));
    if (lookupKeys.length) {
      // A name seen before under another spelling resolves to the oldest node carrying it.
      const known = await this.tx.$queryRawUnsafe<{ key: string; aliasKeys: string[] }[]>(
        'SELECT "key", "aliasKeys" FROM "Organization" WHERE "key" = ANY($1::text[]) OR "aliasKeys" && $1::text[] ORDER BY "createdAt", "key"',
        lookupKeys,
      );
      for (const p of plans) {
        if (!p.lookupKeys.length) continue;
        const hit = known.find((k) => p.lookupKeys.includes(k.key) || k.aliasKeys.some((a) => p.lookupKeys.includes(a)));
        if (hit) p.key = hit.key;
      }
    }
    const byKey = new Map<string, OrgPlan>();
    for (const p of [...plans, ...holders]) byKey.set(p.key, byKey.has(p.key) ? mergePlans(byKey.get(p.key)!, p) : p);
    const merged = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
    await this.countries(merged.map((p) => p.country));

    const rows = await insertKeyed<Prisma.OrganizationCreateManyInput, OrgRow>(
      this.tx,
      rowSet(
        'Organization',
        ['id', 'key', 'name', 'aliases', 'aliasKeys', 'legalForm', 'countryCode', 'address', 'dpfId'],
        merged.map((p) => ({
          id: randomUUID(),
          key: p.key,
          name: p.name,
          aliases: p.aliases,
          aliasKeys: p.aliasKeys,
          legalForm: p.legalForm,
          countryCode: p.country,
          address: p.address,
          dpfId: p.country === 'US' ? p.dpfId : null,
        })),
      ),
      ['id', 'key', 'name', 'aliases', 'aliasKeys', 'legalForm', 'countryCode', 'address', 'dpfId', 'parentId'],
    );
    const ids = idsByKey(rows, plans.map((p) => p.key));
    for (const r of rows) this.names.set(r.id, r.name);

    const parentOf = new Map<string, string>();
    parents.forEach((pi, i) => {
      if (pi != null && ids[pi] !== ids[i] && !parentOf.has(ids[i])) parentOf.set(ids[i], ids[pi]);
    });
    // In key order, like the inserts: concurrent batches lock shared rows in one order.
    for (const row of [...rows].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const p = byKey.get(row.key)!;
      const fill: Prisma.OrganizationUncheckedUpdateInput = {};
      const newAliases = p.aliases.filter((a) => a !== row.name && !row.aliases.includes(a));
      const newKeys = p.aliasKeys.filter((k) => !row.aliasKeys.includes(k));
      if (newAliases.length) fill.aliases = { push: newAliases };
      if (newKeys.length) fill.aliasKeys = { push: newKeys };
      if (!row.legalForm && p.legalForm) fill.legalForm = p.legalForm;
      if (!row.countryCode && p.country) fill.countryCode = p.country;
      if (!row.address && p.address) fill.address = p.address;
      // only on a node seated in the US (a node's first seat stays: see placeDpfIds)
      if (!row.dpfId && p.dpfId && (row.countryCode ?? p.country) === 'US') fill.dpfId = p.dpfId;
      if (!row.parentId && parentOf.has(row.id)) fill.parentId = parentOf.get(row.id);
      if (Object.keys(fill).length) await this.tx.organization.update({ where: { id: row.id }, data: fill });
    }
    return ids;
  }

  /** The stored name of an organization `organizations()` returned (the node's, which may predate this spelling). */
  nameOf(id: string): string {
    return this.names.get(id) ?? '';
  }

  /** Ids of services by name, each owned by the organization given beside it (first owner wins). */
  async services(items: { name: string; organizationId: string }[]): Promise<string[]> {
    if (!items.length) return [];
    const { keys, first } = firstPerKey(items, (s) => serviceKey(s.name));
    const rows = await insertKeyed<Prisma.ServiceCreateManyInput, { id: string; key: string; organizationId: string | null }>(
      this.tx,
      rowSet(
        'Service',
        ['id', 'key', 'name', 'aliases', 'organizationId'],
        [...first].map(([key, s]) => ({ id: randomUUID(), key, name: s.name, aliases: [], organizationId: s.organizationId })),
      ),
      ['id', 'key', 'organizationId'],
    );
    for (const r of rows) {
      if (!r.organizationId) await this.tx.service.update({ where: { id: r.id }, data: { organizationId: first.get(r.key)!.organizationId } });
    }
    return idsByKey(rows, keys);
  }

  /** Country codes outside the reference data (kb countries are synced when the database opens). */
  async countries(codes: (string | null)[]): Promise<void> {
    const unknown = uniq(codes.filter((c): c is string => !!c && !countryByCode(c))).sort();
    if (unknown.length) {
      await this.tx.country.createMany({ data: unknown.map((code) => ({ code, nameEn: code, nameDe: code })), skipDuplicates: true });
    }
  }

  /** Ids of regions (a name within a country), in input order. */
  async regions(items: { name: string; countryCode: string | null }[]): Promise<string[]> {
    if (!items.length) return [];
    const { keys, first } = firstPerKey(items, (r) => `${r.countryCode ?? '-'}:${foldName(r.name)}`);
    const rows = await insertKeyed<Prisma.RegionCreateManyInput, { id: string; key: string }>(
      this.tx,
      rowSet('Region', ['id', 'key', 'name', 'countryCode'], [...first].map(([key, r]) => ({ id: randomUUID(), key, name: r.name, countryCode: r.countryCode }))),
      ['id', 'key'],
    );
    return idsByKey(rows, keys);
  }
}

/** Each item's key, and the first item of every key in key order (the order inserts lock rows in). */
function firstPerKey<T>(items: T[], keyOf: (item: T) => string): { keys: string[]; first: Map<string, T> } {
  const keys = items.map(keyOf);
  const first = new Map<string, T>();
  keys.forEach((k, i) => first.has(k) || first.set(k, items[i]));
  return { keys, first: new Map([...first].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/** The id stored under each key, in the order of `keys`. */
function idsByKey(rows: { id: string; key: string }[], keys: string[]): string[] {
  const idOf = new Map(rows.map((r) => [r.key, r.id]));
  return keys.map((k) => idOf.get(k)!);
}
