// The vendor catalog as the store uses it for resolution: every known name of a vendor
// (legal names, former names, brands, aliases) maps to one catalog key, so "Zoom Video
// Communications, Inc." and "Zoom Communications Inc." become one Organization node.
// The catalog itself lives in src/kb/vendors.ts (owned by the kb); it is read tolerantly so
// the store does not break while that module evolves, and a tiny built-in list covers
// renames when the kb module is absent.
import { orgKey, serviceKey, uniq } from './normalize.js';

export interface CatalogVendor {
  key: string;
  name: string;
  names: string[];
  services: string[];
  legalForm: string | null;
  country: string | null;
}

const FALLBACK: CatalogVendor[] = [
  {
    key: 'zoom',
    name: 'Zoom Communications, Inc.',
    names: ['Zoom Communications, Inc.', 'Zoom Video Communications, Inc.', 'Zoom'],
    services: ['Zoom', 'Zoom Meetings', 'Zoom Webinars'],
    legalForm: 'Inc.',
    country: 'US',
  },
];

export interface Catalog {
  byName(name: string): CatalogVendor | undefined;
  byService(name: string): CatalogVendor | undefined;
  size: number;
}

let loaded: Promise<Catalog> | null = null;

export function loadCatalog(): Promise<Catalog> {
  loaded ??= (async () => {
    let vendors: CatalogVendor[] = [];
    try {
      const spec = '../kb/vendors.js';
      const mod = (await import(/* @vite-ignore */ spec)) as Record<string, unknown>;
      vendors = fromKb(mod);
    } catch {
      vendors = [];
    }
    return buildCatalog([...vendors, ...FALLBACK]);
  })();
  return loaded;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? [x] : x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string' ? [(x as { name: string }).name] : []));
  return [];
}

function fromKb(mod: Record<string, unknown>): CatalogVendor[] {
  const list = Object.values(mod).find(
    (v) => Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] && 'name' in (v[0] as object),
  ) as Record<string, unknown>[] | undefined;
  if (!list) return [];
  return list.map((e) => {
    const name = String(e.name ?? e.legalName ?? '');
    const names = uniq(
      ['name', 'legalName', 'canonicalName', 'brand', 'aliases', 'formerNames', 'names', 'entities', 'otherNames'].flatMap((k) =>
        strings(e[k]),
      ),
    );
    return {
      key: String(e.id ?? e.key ?? orgKey(name)),
      name: String(e.legalName ?? e.name),
      names,
      services: strings(e.services),
      legalForm: typeof e.legalForm === 'string' ? e.legalForm : null,
      country: typeof e.country === 'string' ? e.country : typeof e.seat === 'string' ? e.seat : null,
    };
  });
}

function buildCatalog(vendors: CatalogVendor[]): Catalog {
  const names = new Map<string, CatalogVendor>();
  const services = new Map<string, CatalogVendor>();
  for (const v of vendors) {
    for (const n of v.names) if (!names.has(orgKey(n))) names.set(orgKey(n), v);
    for (const s of v.services) if (!services.has(serviceKey(s))) services.set(serviceKey(s), v);
  }
  return {
    byName: (n) => names.get(orgKey(n)),
    byService: (s) => services.get(serviceKey(s)),
    size: vendors.length,
  };
}
