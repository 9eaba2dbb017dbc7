import { findVendorByName, VENDORS, type Vendor } from '../kb/vendors.js';
import { isEuOrEea } from '../kb/countries.js';
import { legalFormOf } from '../kb/legalForms.js';
import type { CountryMention } from './countryMentions.js';
import { nameKey, nameTokens, stripLegalForm } from './names.js';
import { namedAsSource } from './candidates.js';
import { NOT_A_USE } from './cues.js';
import { addressAfter, catalogSeat, citySeat, seatFromName, statedSeat, statedSeatOfName } from './seats.js';
import { EntityIndex } from './entityIndex.js';
import { lowerCased, slicesLowerCase } from './lowerCase.js';
import { memoizeByString } from '../util/memoize.js';
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
export const GENERIC_FIRST = new Set(
  'american european europe global international united first general digital deutsche german data web online cloud media service services group new open smart social plus the die der das one my your net'.split(' '),
);
const ALIAS_AFTER =
  /^[^()]{0,220}?\((?:nachfolgend|im Folgenden|im Weiteren|hereinafter|kurz|fortan|zusammen|"|„|“|‚|')\s*(?:bezeichnet als\s*|genannt\s*|referred to as\s*|:\s*)?[„"“‚'‘]?([^)"“”„‘’]{2,40}?)[“"”‘’']?\)/;
const GENERIC_ALIAS = /^(?:anbieter|provider|dienst|service|wir|uns|we|us|verantwortliche[rn]?|controller|plattform|platform|tool|extension|website|webseite|online-meetings?|software|app)$/i;

/** Resolve the legal entities named by legal form into entities: one per entity, aliases and seats attached. */
export function buildEntities(text: string, orgs: OrgMention[], countries: CountryMention[], controllerKeys: string[]): { entities: Entity[]; orgMentions: Mention[] } {
  const entities: Entity[] = [];
  const orgMentions: Mention[] = [];
  const stated = new Map<number, string>();
  const byCity = new Map<number, string>();
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
    // The address and the alias must belong to this mention: their window ends at the next
    // organization named ("GitHub, Inc., … USA; GitHub B.V., …, Niederlande"; "… die sevDesk
    // GmbH.\n\n8. Zoom\n\n… Zoom Communications, Inc. („Zoom“)" gave sevDesk the alias "Zoom").
    let next = i + 1; // orgs come sorted by start (findOrganizations)
    while (next < orgs.length && orgs[next].start < o.end) next++;
    const nextOrg = orgs[next]?.start ?? Infinity;
    const seat = addressAfter(text, o.end, countries, nextOrg);
    if (seat) {
      seat.countryIndex.forEach((i) => e!.addressCountries.add(i));
      if (!e.seat && seat.code) e.seat = seat.code;
      if (!e.address && seat.address) e.address = seat.address;
    }
    if (!stated.has(e.id)) {
      const words = statedSeat(text, o.start, o.end, countries, nextOrg);
      if (words) stated.set(e.id, words);
    }
    if (!seat?.code && !byCity.has(e.id)) {
      const city = citySeat(text, o.end, nextOrg);
      if (city) byCity.set(e.id, city);
    }
    // "Resend (Plus Five Five, Inc.)": a brand right before the entity in parentheses
    const brand = /(\p{Lu}[\p{L}\d.]+(?: \p{Lu}[\p{L}\d.]+)?) \($/u.exec(text.slice(Math.max(0, o.start - 40), o.start));
    // a numbered heading ("IV. Zoom (Zoom Communications, Inc.)") is not part of the brand
    const brandName = brand?.[1].replace(/^(?:[IVXLC]+|\d+)\.\s+/, '');
    if (brandName && !GENERIC_ALIAS.test(brandName)) e.aliases.add(brandName);
    // the alias window also ends at the paragraph's end
    const window = text.slice(o.end, Math.min(o.end + 320, nextOrg)).split(/\n\s*\n/)[0];
    const alias = ALIAS_AFTER.exec(window);
    if (alias && !GENERIC_ALIAS.test(alias[1].trim()) && !/\d{3}/.test(alias[1])) e.aliases.add(alias[1].trim());
  }
  for (const e of entities) {
    e.vendor ??= [...e.aliases].map((a) => findVendorByName(a)).find(Boolean) ?? null;
    // no address: the seat said in words next to the name or an alias, else the catalog's for exactly this entity
    // a city after the name last: a legal form of one country's law outweighs it ("X LLC (Frankfurt)" is
    // a US company, its parenthesis more likely where its servers stand)
    e.seat ??= stated.get(e.id) ?? [...e.aliases].map((a) => statedSeatOfName(text, a, countries)).find(Boolean) ?? (e.vendor ? catalogSeat(e.name, e.vendor) : null) ?? seatFromName(e.name) ?? byCity.get(e.id) ?? null;
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
const exactKey: (name: string) => string = memoizeByString((name) => `${nameKey(name)}\u0000${legalFormOf(name)?.form ?? ''}`, 8192);
const formKey = (form: string) => form.replace(/\W/g, '').toLowerCase();

/** "Cisco Inc." and "Cisco Systems, Inc.": same first word, same legal form, one name inside the other. */
function sameEntity(e: Entity, o: OrgMention): boolean {
  if (e.legalForm === null || formKey(e.legalForm) !== formKey(o.legalForm)) return false;
  const a = nameTokens(e.name), b = nameTokens(o.name);
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length > 0 && s[0] === l[0] && s.every((t) => l.includes(t));
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

// "über" starts with a letter outside \w, so the words are bounded by letters (\p{L}), not by \b
const USE =
  /\b(?:nutz|verwend|einsetz|setz|eingesetzt|eingebunden|einbind|integriert|benutz|gehostet|host|betreib|use|using|provid|operat|power|embed)\w*|\bbinde[nt]?\b|(?<!\p{L})(?:Anbieter|Dienst|Tool|Plugin|Plattform|Software|via|über|mit Hilfe|mittels|bei|arbeite[nt]? (?:\p{L}+ ){0,2}mit|zusammen|work(?:s|ing)? with)(?!\p{L})/iu;

export interface CatalogHit {
  name: string;
  vendor: Vendor;
  start: number;
  end: number;
}

const CATALOG_NAMES = new Map<string, Vendor>();
for (const v of VENDORS) for (const n of [...v.services, v.brand, ...v.aliases]) if (n.length >= 3 && !CATALOG_NAMES.has(n)) CATALOG_NAMES.set(n, v);

/** A name reduced to its letters and digits, lower-cased: "Jitsi-Meet", "Jitsi Meet" and "jitsimeet" meet here. */
const compact = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const tokenCount = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;

// Catalog names by compact key (the first name wins: services before brand before aliases), as a
// trie over the keys' code units, so the window over the text's words stops as soon as no key can follow.
interface KeyNode {
  next: Map<number, KeyNode>;
  /** the catalog name whose key ends here */
  name?: string;
}
const KEYS: KeyNode = { next: new Map() };
const names: string[] = [];
for (const n of CATALOG_NAMES.keys()) {
  const k = compact(n);
  if (k.length < 3 || !/\p{L}/u.test(k)) continue;
  let node = KEYS;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) node.next.set(c, (child = { next: new Map() }));
    node = child;
  }
  if (node.name !== undefined) continue;
  node.name = n;
  names.push(n);
}
const MAX_WORDS = Math.max(...names.map(tokenCount));
// Most words of a text start no key, and are passed over with one look-up of their first three
// code units (those under 256, numbered by UNIT; 0 stands for a word that is shorter).
const UNIT = new Uint8Array(256);
let unitCount = 0;
const keys = names.map(compact);
for (const k of keys) for (let i = 0; i < 3; i++) if (k.charCodeAt(i) < 256 && !UNIT[k.charCodeAt(i)]) UNIT[k.charCodeAt(i)] = ++unitCount;
const RADIX = unitCount + 1;
const KEY_STARTS = new Uint8Array(RADIX ** 3);
for (const k of keys) {
  const [u0, u1, u2] = [0, 1, 2].map((i) => (k.charCodeAt(i) < 256 ? UNIT[k.charCodeAt(i)] : -1));
  if (u0 < 0) continue;
  KEY_STARTS[u0 * RADIX * RADIX] = 1;
  if (u1 < 0) continue;
  KEY_STARTS[u0 * RADIX * RADIX + u1 * RADIX] = 1;
  if (u2 >= 0) KEY_STARTS[u0 * RADIX * RADIX + u1 * RADIX + u2] = 1;
}
/** Whether a key can start with the lower-cased word s[from, to): false only where none can. */
function mayStartKey(s: string, from: number, to: number): boolean {
  let index = 0;
  for (let i = 0, scale = RADIX * RADIX; i < 3 && from + i < to; i++, scale /= RADIX) {
    const c = s.charCodeAt(from + i);
    if (c >= 256) return true;
    if (!UNIT[c]) return false;
    index += UNIT[c] * scale;
  }
  return KEY_STARTS[index] === 1;
}
/** The node reached from `node` by the code units of s[from, to), if the trie has it. */
function follow(node: KeyNode | undefined, s: string, from: number, to: number): KeyNode | undefined {
  for (let i = from; i < to && node; i++) node = node.next.get(s.charCodeAt(i));
  return node;
}
// between two words of one name: nothing but a space, a hyphen or a dot inside a domain ("Jitsi-Meet", "meet.jit.si", "Bunny CDN")
const JOINS = [' ', '-', '‑', '.', ' & '];
const CAMEL = /\p{Ll}\p{Lu}/u;

// Whether a code point is a word character ([\p{L}\p{N}]): a table for the BMP, filled as characters are met.
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const IS_WORD = new Uint8Array(65536); // 0 unknown, 1 no, 2 yes

for (let c = 0; c < 128; c++) IS_WORD[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 2 : 1;

/** Code units of the word character at `i` (2 for a pair), 0 where none starts there; as `/[\p{L}\p{N}]/u` reads the text. */
function wordUnits(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return IS_WORD[c] - 1;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  if (!IS_WORD[c]) IS_WORD[c] = WORD_CHAR.test(text[i]) ? 2 : 1;
  return IS_WORD[c] === 2 ? 1 : 0;
}

/** The end of the run of word characters from `i`. */
function wordEnd(text: string, i: number): number {
  for (let u: number; (u = wordUnits(text, i)); ) i += u;
  return i;
}

/**
 * Whether a surface that has a catalog name's letters is that name: the same letters in the same
 * case (only spaces or hyphens differ: "Bunny CDN" for BunnyCDN); or another case where the text
 * capitalises it ("Paypal", "Posthog"); or all lower case where the catalog name is no plain word
 * ("paypal" for PayPal, "google analytics") — a lower-case "stripe" or "teams" is an ordinary word.
 */
function sameName(surface: string, name: string): boolean {
  if (surface === name) return true;
  const letters = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
  if (letters(surface) === letters(name)) return true;
  if (/^\p{Lu}/u.test(surface)) return true;
  return surface === surface.toLowerCase() && tokenCount(surface) === tokenCount(name) && (CAMEL.test(name) || tokenCount(name) > 1);
}

/**
 * Every place the text names a product or brand of the catalog, tolerant of case, spaces and hyphens.
 * The words are the text's runs of [\p{L}\p{N}], read code unit by code unit (a RegExp match and a
 * lower-cased copy per word cost most of this scan), lower-cased from the text lower-cased once
 * where that is the same.
 */
export function findCatalogHits(text: string): CatalogHit[] {
  const out: CatalogHit[] = [];
  const lower = lowerCased(text);
  const sliced = slicesLowerCase(text, lower);
  const step = (node: KeyNode, from: number, to: number) => {
    if (sliced) return follow(node, lower, from, to);
    const word = text.slice(from, to).toLowerCase();
    return follow(node, word, 0, word.length);
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 128 ? IS_WORD[c] === 1 : !wordUnits(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let end = wordEnd(text, i);
    i = end;
    // most words start no catalog name: the words after one are read only where it does
    if (sliced && !mayStartKey(lower, start, end)) continue;
    let node = step(KEYS, start, end);
    if (!node) continue;
    // a name stands on its own: not inside a path, an e-mail address or a domain
    if (/[./@-]/.test(text[start - 1] ?? '')) continue;
    let found: { name: string; end: number } | null = null;
    for (let j = 0; ; ) {
      const name = node.name;
      if (name && !/^(?:\.[a-z]|-\p{L})/u.test(text.slice(end, end + 2)) && sameName(text.slice(start, end), name)) found = { name, end };
      if (++j >= MAX_WORDS) break;
      // the next word, where only a join stands between
      const join = JOINS.find((g) => text.startsWith(g, end) && wordUnits(text, end + g.length));
      if (join === undefined) break;
      const nextEnd = wordEnd(text, end + join.length);
      node = step(node, end + join.length, nextEnd);
      if (!node) break;
      end = nextEnd;
    }
    if (!found) continue;
    out.push({ name: found.name, vendor: CATALOG_NAMES.get(found.name)!, start, end: found.end });
    i = found.end;
  }
  return out;
}

/** A hit that an example, a denial, a link or another's infrastructure names, not a use: "kein Google Analytics", "z. B. Google". */
export function isNotAUse(hit: CatalogHit, seg: Segmented, sentenceIndex: number): boolean {
  const s = seg.sentences[sentenceIndex];
  // the cues look a few words back: a bounded window keeps a long sentence with many hits linear
  const before = s.text.slice(Math.max(0, hit.start - s.start - 300), hit.start - s.start);
  if (NOT_A_USE.test(before) || /https?:\/\/\S*$|www\.\S*$/.test(before.slice(-200)) || namedAsSource(before.slice(-120))) return true;
  // "in Rechenzentren von AWS": infrastructure of another recipient, a sub-processor rather than a recipient
  return /(?:Rechenzentren|Rechenzentrum|Servern|Infrastruktur|data cent(?:er|re)s?|infrastructure|servers) (?:von|der|des|bei|of|by|from) $/i.test(before);
}

/** A hit that names a product in use, not an example, a denial or a link. */
export function isUse(hit: CatalogHit, seg: Segmented, sentenceIndex: number): boolean {
  if (isNotAUse(hit, seg, sentenceIndex)) return false;
  const s = seg.sentences[sentenceIndex];
  // (a heading is short: no compacting of a long sentence once per hit)
  const heading = seg.sections[s.section].start === s.start && s.text.length <= hit.end - hit.start + 40 && compact(s.text.replace(/^[\d.\s]+/, '').replace(/:$/, '')) === compact(hit.name);
  const near = s.text.slice(Math.max(0, hit.start - s.start - 60), hit.end - s.start + 40);
  return heading || USE.test(near);
}

// between two items of one list: "A, B", "A (hosting) und B", "A; B", "A sowie B", "A, and B"
const LIST_JOIN = /^(?:\s?\([^()\n]{0,60}\))?\s?(?:,|;|&|\bund\b|\band\b|\boder\b|\bor\b|\bsowie\b)\s?(?:(?:und|and|oder|or|sowie)\s)?$/;

/**
 * Hits listed with a used hit are used too: "such as AWS (hosting), Stripe (payments) and Zendesk
 * (support)" names a use once, for its whole list. Not where the hit itself is denied or an example
 * ("kein A oder B"). `used[k]` belongs to `hits[k]`, sorted by start.
 */
export function usedWithList(text: string, hits: CatalogHit[], used: boolean[], seg: Segmented, sentenceAt: (offset: number) => number): boolean[] {
  const out = [...used];
  // runs of hits joined as one list within a sentence
  let run: number[] = [];
  const close = () => {
    if (run.some((k) => used[k])) for (const k of run) if (!out[k] && !isNotAUse(hits[k], seg, sentenceAt(hits[k].start))) out[k] = true;
    run = [];
  };
  for (let k = 0; k < hits.length; k++) {
    const prev = run[run.length - 1];
    const joined = prev !== undefined && hits[k].start - hits[prev].end <= 80 && sentenceAt(hits[prev].start) === sentenceAt(hits[k].start) && LIST_JOIN.test(text.slice(hits[prev].end, hits[k].start));
    if (!joined) close();
    run.push(k);
  }
  close();
  return out;
}

/**
 * Products and brands of the catalog that the text names as used although it names no legal
 * entity for them ("Diese Website benutzt Matomo"): each becomes a brand-only entity.
 */
export function brandOnlyEntities(
  hits: { hit: CatalogHit; used: boolean }[],
  entities: Entity[],
  controllerKeys: string[],
  /** the entity of the text that makes a vendor's products (ownerOf, or a provider the text introduces) */
  makerOf: (vendor: Vendor) => Entity | undefined,
): Entity[] {
  const byVendor = new Map<string, Set<string>>();
  for (const { hit, used } of hits) {
    if (!used || makerOf(hit.vendor) || controllerKeys.includes(nameKey(hit.name))) continue;
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
