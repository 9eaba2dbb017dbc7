// The vendor catalog (src/kb/vendors.ts) as the store uses it for resolution. An Organization
// node is a legal entity, so every name of a catalog entity — its legal name and former
// names — maps to one key: "Zoom Video Communications, Inc." and "Zoom Communications Inc."
// become one node. A brand or product line alone ("Zoom") maps to the vendor's entity with the
// recipient's seat, else to its first (EU-contracting) entity.
import { VENDORS, findVendorsByName, type Vendor, type VendorEntity } from '../kb/vendors.js';
import { legalFormFromName, orgKey, serviceKey, uniq } from './normalize.js';

export interface CatalogEntity {
  /** Organization.key of this entity. */
  key: string;
  name: string;
  names: string[];
  country: string;
  address: string | null;
  legalForm: string | null;
  vendor: Vendor;
}

export interface Catalog {
  /** The entity this exact legal or former name designates. */
  entityByName(name: string): CatalogEntity | undefined;
  /** The entity a brand, alias or service name designates, preferring the given seat. */
  entityByBrand(name: string, seat?: string | null): CatalogEntity | undefined;
  /** Every entity of every vendor a name designates (for "service: Zoom" filters). */
  entitiesFor(name: string): CatalogEntity[];
  /** Service keys of the vendor a brand, alias or service name designates ("Zoom" → zoom, zoom meetings, …). */
  serviceKeysFor(name: string): string[];
  /**
   * The US legal entity of an entity's vendor ("Google Ireland Limited" → "Google LLC"), the
   * entity itself when it sits in the US: the one a Data Privacy Framework certification
   * belongs to. Undefined when the vendor has no US entity.
   */
  usEntityOf(entity: CatalogEntity): CatalogEntity | undefined;
}

function entityOf(vendor: Vendor, e: VendorEntity): CatalogEntity {
  return {
    key: `entity:${orgKey(e.name)}`,
    name: e.name,
    names: uniq([e.name, ...(e.formerNames ?? [])]),
    country: e.country,
    address: e.address ? [e.address, e.city].filter(Boolean).join(', ') : null,
    legalForm: legalFormFromName(e.name),
    vendor,
  };
}

let catalog: Catalog | null = null;

export function getCatalog(): Catalog {
  if (catalog) return catalog;
  const entities = new Map<string, CatalogEntity>();
  const brands = new Map<string, Vendor[]>();
  const addBrand = (name: string, v: Vendor) => {
    const k = orgKey(name);
    const list = brands.get(k) ?? [];
    if (!list.includes(v)) list.push(v);
    brands.set(k, list);
  };
  for (const v of VENDORS) {
    for (const e of v.entities) {
      const ce = entityOf(v, e);
      for (const n of ce.names) if (!entities.has(orgKey(n))) entities.set(orgKey(n), ce);
    }
    addBrand(v.brand, v);
    for (const a of v.aliases) addBrand(a, v);
    for (const s of v.services) addBrand(s, v);
  }
  const pick = (v: Vendor, seat?: string | null) => {
    const e = (seat && v.entities.find((x) => x.country === seat.toUpperCase())) || v.entities[0];
    return e ? entities.get(orgKey(e.name)) : undefined;
  };
  const serviceKeysFor = (name: string) => {
    const vs = uniq([...(brands.get(orgKey(name)) ?? []), ...(brands.get(serviceKey(name)) ?? [])]);
    return uniq(vs.flatMap((v) => [v.brand, ...v.aliases, ...v.services].map(serviceKey)));
  };
  catalog = {
    serviceKeysFor,
    usEntityOf: (entity) => {
      if (entity.country === 'US') return entity;
      const us = entity.vendor.entities.find((e) => e.country === 'US');
      return us ? entities.get(orgKey(us.name)) : undefined;
    },
    entityByName: (name) => entities.get(orgKey(name)),
    entityByBrand: (name, seat) => {
      const vs = brands.get(orgKey(name)) ?? [];
      return vs.length ? pick(vs[0], seat) : undefined;
    },
    entitiesFor: (name) => {
      const direct = entities.get(orgKey(name));
      if (direct) return [direct];
      const vs = uniq([...(brands.get(orgKey(name)) ?? []), ...(brands.get(serviceKey(name)) ?? []), ...findVendorsByName(name)]);
      return vs.flatMap((v) => v.entities.map((e) => entities.get(orgKey(e.name))!).filter(Boolean));
    },
  };
  return catalog;
}

/** Async for callers written against a lazily loaded catalog. */
export async function loadCatalog(): Promise<Catalog> {
  return getCatalog();
}
