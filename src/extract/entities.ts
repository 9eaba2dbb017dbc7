import { findVendorByName, VENDORS, type Vendor } from '../kb/vendors.js';
import { isEuOrEea } from '../kb/countries.js';
import { legalFormOf } from '../kb/legalForms.js';
import type { CountryMention } from './countryMentions.js';
import { nameKey, nameTokens, stripLegalForm } from './names.js';
import { NOT_A_USE } from './cues.js';
import { literalScanner } from './literalScan.js';
import { EntityIndex } from './entityIndex.js';
import { indicesWithin } from './spans.js';
import type { OrgMention } from './organizations.js';
import type { Segmented } from './segment.js';

/** One organization or product the policy names, with every string the text uses for it. */
export interface Entity {
  id: number;
  name: string;
  legalForm: string | null;
  aliases: Set<string>;
  services: Set<string>;
  vendor: Vendor | null;
  seat: string | null;
  address: string | null;
  /** Country mentions that are this entity's address, not a destination. */
  addressCountries: Set<number>;
  /** Named only by a brand or product ("Matomo"), no legal entity in the text. */
  brandOnly: boolean;
}

export interface Mention {
  entity: number;
  start: number;
  end: number;
}

const AUTHORITY = /beauftragte|aufsichtsbeh|landesamt|datenschutzbeh|gericht|ministerium|bundesamt|finanzamt|commissioner|authority|court/i;
const GENERIC_FIRST = new Set(
  'american european europe global international united first general digital deutsche german data web online cloud media service services group new open smart social plus the die der das one my your net'.split(' '),
);
const ALIAS_AFTER =
  /^[^()]{0,220}?\((?:nachfolgend|im Folgenden|im Weiteren|hereinafter|kurz|fortan|zusammen|"|„|“|‚|')\s*(?:bezeichnet als\s*|genannt\s*|referred to as\s*|:\s*)?[„"“‚'‘]?([^)"“”„‘’]{2,40}?)[“"”‘’']?\)/;
const GENERIC_ALIAS = /^(?:anbieter|provider|dienst|service|wir|uns|we|us|verantwortliche[rn]?|controller|plattform|platform|tool|extension|website|webseite|online-meetings?|software|app)$/i;

/** Resolve the legal entities named by legal form into entities: one per entity, aliases and seats attached. */
export function buildEntities(text: string, orgs: OrgMention[], countries: CountryMention[], controllerKeys: string[]): { entities: Entity[]; orgMentions: Mention[] } {
  const entities: Entity[] = [];
  const orgMentions: Mention[] = [];
  const index = new EntityIndex<Entity>();
  const isController = (name: string) => {
    const k = nameTokens(name);
    return controllerKeys.some((c) => {
      const ck = c.split(' ');
      return k.length > 0 && (k.join(' ') === c || (k.every((t) => ck.includes(t)) && k[0] === ck[0]));
    });
  };
  for (const [i, o] of orgs.entries()) {
    if (AUTHORITY.test(o.name) || isController(o.name)) continue;
    const key = nameKey(o.name);
    if (!key) continue;
    // one key, two legal forms, two entities: "GitHub, Inc." and its subsidiary "GitHub BV"
    let e = index.find(exactKey(o.name), formKey(o.legalForm), o.name, (x) => sameEntity(x, o));
    if (!e) {
      if (entities.length >= MAX_ORGANIZATIONS) continue;
      e = {
        id: entities.length,
        name: o.name,
        legalForm: o.legalForm,
        aliases: new Set(),
        services: new Set(),
        vendor: findVendorByName(o.name) ?? null,
        seat: null,
        address: null,
        addressCountries: new Set(),
        brandOnly: false,
      };
      entities.push(e);
      index.add(e, e.id, exactKey(e.name), formKey(e.legalForm!), e.name);
    } else if (o.name !== e.name && nameTokens(o.name).length < nameTokens(e.name).length) e.aliases.add(o.name);
    orgMentions.push({ entity: e.id, start: o.start, end: o.end });
    const seat = addressAfter(text, o.end, countries);
    if (seat) {
      seat.countryIndex.forEach((i) => e!.addressCountries.add(i));
      if (!e.seat && seat.code) e.seat = seat.code;
      if (!e.address && seat.address) e.address = seat.address;
    }
    // "Resend (Plus Five Five, Inc.)": a brand right before the entity in parentheses
    const brand = /(\p{Lu}[\p{L}\d.]+(?: \p{Lu}[\p{L}\d.]+)?) \($/u.exec(text.slice(Math.max(0, o.start - 40), o.start));
    // a numbered heading ("IV. Zoom (Zoom Communications, Inc.)") is not part of the brand
    const brandName = brand?.[1].replace(/^(?:[IVXLC]+|\d+)\.\s+/, '');
    if (brandName && !GENERIC_ALIAS.test(brandName)) e.aliases.add(brandName);
    // The alias must belong to this mention: the window ends at the paragraph's end and at the
    // next organization named ("… die sevDesk GmbH.\n\n8. Zoom\n\n… Zoom Communications, Inc.
    // („Zoom“)" gave sevDesk the alias "Zoom").
    let next = i + 1; // orgs come sorted by start (findOrganizations)
    while (next < orgs.length && orgs[next].start < o.end) next++;
    const nextOrg = orgs[next]?.start ?? Infinity;
    const window = text.slice(o.end, Math.min(o.end + 320, nextOrg)).split(/\n\s*\n/)[0];
    const alias = ALIAS_AFTER.exec(window);
    if (alias && !GENERIC_ALIAS.test(alias[1].trim()) && !/\d{3}/.test(alias[1])) e.aliases.add(alias[1].trim());
  }
  const statesNationality = NATIONALITY_STATED.test(text);
  for (const e of entities) {
    e.vendor ??= [...e.aliases].map((a) => findVendorByName(a)).find(Boolean) ?? null;
    if (!e.seat) e.seat = (statesNationality ? statedNationality(text, e) : null) ?? (e.vendor ? catalogSeat(e) : null);
  }
  return { entities, orgMentions };
}

/**
 * Distinct organizations kept per document. No real policy names more than a few hundred; a
 * crafted one with tens of thousands would make every later stage (mentions, scopes,
 * recipients) grow with them. Mentions of organizations beyond the first this many are dropped.
 */
const MAX_ORGANIZATIONS = 1000;

/** Names that are one entity whatever else holds: the same key and the same legal form. */
const exactKey = (name: string) => `${nameKey(name)}\u0000${legalFormOf(name)?.form ?? ''}`;
const formKey = (form: string) => form.replace(/\W/g, '').toLowerCase();

/** "Cisco Inc." and "Cisco Systems, Inc.": same first word, same legal form, one name inside the other. */
function sameEntity(e: Entity, o: OrgMention): boolean {
  if (e.legalForm === null || formKey(e.legalForm) !== formKey(o.legalForm)) return false;
  const a = nameTokens(e.name), b = nameTokens(o.name);
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length > 0 && s[0] === l[0] && s.every((t) => l.includes(t));
}

const NATIONALITY = ' (?:ist|is) (?:ein|an?) (US|amerikanisch|britisch|UK|irisch|schweizer|kanadisch|australisch)';
/** The statement without the name: a text without it needs no search per name (one scan instead of one per entity). */
const NATIONALITY_STATED = new RegExp(NATIONALITY, 'i');

/** "Resend ist ein US-Unternehmen", "X is a US company": the seat said in words. */
function statedNationality(text: string, e: Entity): string | null {
  for (const n of [e.name, ...e.aliases]) {
    const m = new RegExp(`${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},?${NATIONALITY}`, 'i').exec(text);
    if (m) return ({ us: 'US', amerikanisch: 'US', britisch: 'GB', uk: 'GB', irisch: 'IE', schweizer: 'CH', kanadisch: 'CA', australisch: 'AU' } as Record<string, string>)[m[1].toLowerCase()];
  }
  return null;
}

function catalogSeat(e: Entity): string | null {
  const key = nameKey(e.name);
  const entity = e.vendor!.entities.find((x) => nameKey(x.name) === key || (x.formerNames ?? []).some((f) => nameKey(f) === key));
  return entity?.country ?? (e.vendor!.entities.length === 1 ? e.vendor!.entities[0].country : null);
}

/**
 * The address that follows a company name: "…, Inc., 55 Almaden Blvd, San Jose, CA 95113, USA" or
 * "(USA)" or lines below it. Returns the seat country and which country mentions belong to the address.
 */
function addressAfter(text: string, end: number, countries: CountryMention[]): { code: string | null; address: string | null; countryIndex: number[] } | null {
  let window = text.slice(end, end + 220);
  const cut = window.search(/\((?:nachfolgend|im Folgenden|hereinafter)|(?<=[a-zäöü]{3}|[A-Z]{2,3}|\d)\.\s+\p{Lu}|\.\s+(?:[A-ZÄÖÜ][a-zäöü]+\s+){1,2}[a-zäöü]|\)\s*[.,;]?\s+[a-zäöü]{2,}|[;:]\s/u);
  if (cut >= 0) window = window.slice(0, cut + 1);
  const lines = window.split('\n');
  // an address runs on the same line or over the next few short lines
  let span = lines[0];
  for (let i = 1; i < Math.min(lines.length, 5) && lines[i].length < 60 && !/[.!?]$/.test(lines[i]); i++) span += '\n' + lines[i];
  const spanEnd = end + span.length;
  const inSpan = indicesWithin(countries, end, spanEnd).map((i) => [countries[i], i] as const);
  // the country closes the address: take the last one that reads as part of it ("Atlanta, Georgia 30363, USA")
  for (let k = inSpan.length - 1; k >= 0; k--) {
    const [c, i] = inSpan[k];
    const between = text.slice(end, c.start);
    if (/[.!?]\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(between) && !/\d/.test(between)) continue;
    if (/^[\s,(]*$/.test(between) || /[,\n(]\s*$/.test(between) || /\d/.test(between)) {
      const address = text.slice(end, c.end).replace(/^[\s,(]+/, '').replace(/\s+/g, ' ').trim();
      return { code: c.code, address: address.length > 3 ? address : null, countryIndex: inSpan.map(([, j]) => j).filter((j) => j <= i) };
    }
  }
  const de = /^[\s,]+([^\n]{0,80}?(?<![A-Z]{2} )\b\d{5} [A-ZÄÖÜ][\p{L}-]+(?: am Main| an der \p{L}+)?)/u.exec(span);
  if (de) return { code: 'DE', address: de[1].trim(), countryIndex: [] };
  return null;
}

/** Strings the text may use for an entity besides its legal name, each mapped to whether it is a product. */
export function surfaceNames(e: Entity): Map<string, 'service' | 'alias'> {
  const out = new Map<string, 'service' | 'alias'>();
  const bare = stripLegalForm(e.name);
  if (bare !== e.name && bare.length >= 3) out.set(bare, 'alias');
  for (const a of e.aliases) out.set(a, 'alias');
  const first = bare.split(/[\s,]/)[0];
  if (first.length >= 4 && /^\p{Lu}/u.test(first) && !GENERIC_FIRST.has(first.toLowerCase()) && nameTokens(bare).length > 1) out.set(first, 'alias');
  if (e.vendor) {
    for (const s of e.vendor.services) out.set(s, 'service');
    for (const a of [e.vendor.brand, ...e.vendor.aliases]) if (!out.has(a)) out.set(a, 'alias');
  }
  out.delete(e.name);
  return out;
}

const USE =
  /\b(?:nutz|verwend|einsetz|setz|eingesetzt|eingebunden|integriert|benutz|gehostet|host|betreib|use|using|provid|operat|power)\w*|\b(?:Anbieter|Dienst|Tool|Plugin|Plattform|Software|via|über|mit Hilfe|mittels|bei)\b/i;

export interface CatalogHit {
  name: string;
  vendor: Vendor;
  start: number;
  end: number;
}

const CATALOG_NAMES = new Map<string, Vendor>();
for (const v of VENDORS) for (const n of [...v.services, v.brand, ...v.aliases]) if (n.length >= 3 && !CATALOG_NAMES.has(n)) CATALOG_NAMES.set(n, v);
// One alternation over every catalog name, longest first, so the text is scanned once.
const CATALOG = literalScanner(
  [...CATALOG_NAMES.keys()].sort((a, b) => b.length - a.length),
  '(?<![\\p{L}\\d./@-])',
  '(?![\\p{L}\\d]|\\.[a-z]|-[\\p{L}])',
  false,
);

/** Every place the text names a product or brand of the catalog. */
export function findCatalogHits(text: string): CatalogHit[] {
  return CATALOG.scan(text).map((m) => ({ name: m[0], vendor: CATALOG_NAMES.get(m[0])!, start: m.index, end: m.index + m[0].length }));
}

/** A hit that names a product in use, not an example, a denial or a link. */
export function isUse(hit: CatalogHit, seg: Segmented, sentenceIndex: number): boolean {
  const s = seg.sentences[sentenceIndex];
  const before = s.text.slice(0, hit.start - s.start);
  if (NOT_A_USE.test(before) || /https?:\/\/\S*$|www\.\S*$/.test(before)) return false;
  // "in Rechenzentren von AWS": infrastructure of another recipient, a sub-processor rather than a recipient
  if (/(?:Rechenzentren|Rechenzentrum|Servern|Infrastruktur|data cent(?:er|re)s?|infrastructure|servers) (?:von|der|des|bei|of|by|from) $/i.test(before)) return false;
  const heading = seg.sections[s.section].start === s.start && s.text.replace(/^[\d.\s]+/, '').replace(/:$/, '').trim() === hit.name;
  const near = s.text.slice(Math.max(0, hit.start - s.start - 60), hit.end - s.start + 40);
  return heading || USE.test(near);
}

/**
 * Products and brands of the catalog that the text names as used although it names no legal
 * entity for them ("Diese Website benutzt Matomo"): each becomes a brand-only entity.
 */
export function brandOnlyEntities(hits: { hit: CatalogHit; used: boolean }[], entities: Entity[], controllerKeys: string[]): Entity[] {
  const byVendor = new Map<string, Set<string>>();
  for (const { hit, used } of hits) {
    if (!used || ownerOf(hit.vendor, entities) || controllerKeys.includes(nameKey(hit.name))) continue;
    if (!byVendor.has(hit.vendor.key)) byVendor.set(hit.vendor.key, new Set());
    byVendor.get(hit.vendor.key)!.add(hit.name);
  }
  const out: Entity[] = [];
  for (const [key, names] of byVendor) {
    const v = VENDORS.find((x) => x.key === key)!;
    const brand = [...names].find((n) => n === v.brand) ?? [...names].sort((a, b) => a.length - b.length)[0];
    out.push({
      id: entities.length + out.length,
      name: brand,
      legalForm: null,
      aliases: new Set([...names].filter((n) => n !== brand && !v.services.includes(n))),
      services: new Set([...names].filter((n) => v.services.includes(n))),
      vendor: v,
      seat: null,
      address: null,
      addressCountries: new Set(),
      brandOnly: true,
    });
  }
  return out;
}

/**
 * The entity in the text that makes a catalog product: the same catalog vendor, one of the
 * vendor's legal entities, or a legal entity with the brand's first word ("Google Calendar" →
 * "Google Ireland Limited").
 */
export function ownerOf(vendor: Vendor, entities: Entity[]): Entity | undefined {
  const { keys, first } = ownerKeys(vendor);
  return (
    entities.find((e) => e.vendor?.key === vendor.key) ??
    entities.find((e) => keys.has(nameKey(e.name))) ??
    entities.find((e) => !e.brandOnly && first && first.length >= 4 && nameTokens(e.name)[0] === first)
  );
}

// What identifies a vendor's maker depends on the catalog entry alone: computed once per vendor.
const OWNER_KEYS = new WeakMap<Vendor, { keys: Set<string>; first: string | undefined }>();
function ownerKeys(vendor: Vendor): { keys: Set<string>; first: string | undefined } {
  let k = OWNER_KEYS.get(vendor);
  if (!k) {
    k = { keys: new Set(vendor.entities.flatMap((x) => [x.name, ...(x.formerNames ?? [])]).map(nameKey)), first: nameTokens(vendor.brand)[0] };
    OWNER_KEYS.set(vendor, k);
  }
  return k;
}

export const isThirdCountryCode = (code: string | null): code is string => !!code && !isEuOrEea(code);
