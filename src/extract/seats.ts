import { CITY_NAMES, countryOfCity } from '../kb/cities.js';
import { legalFormOf } from '../kb/legalForms.js';
import { findCountries } from './countryMentions.js';
import { nameKey } from './names.js';
import type { Vendor } from '../kb/vendors.js';
import type { CountryMention } from './countryMentions.js';
import { firstAtOrAfter } from './spans.js';

// Where an organization sits: its address after the name, the seat said in words around it
// ("X, a US company", "das irische Unternehmen X", "mit Sitz in den USA"), or the catalog's
// seat for exactly that legal entity. Pure functions over the text and its country mentions.

export interface AddressSeat {
  code: string | null;
  address: string | null;
  /** Indexes (into the country mentions) that are part of the address, not destinations. */
  countryIndex: number[];
}

// A US address without a country line still says where it is: "San Francisco, CA 94105".
const US_STATE_ZIP =
  /\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]),? \d{5}(?:-\d{4})?\b/;
// A German postcode and town; five digits before a street word are a US house number ("10000 Elm Street").
const DE_POSTCODE =
  /^[\s,]+([^\n]{0,80}?(?<![A-Z]{2} )\b\d{5} [A-ZÄÖÜ][\p{L}-]+(?: am Main| an der \p{L}+)?)/u;
const US_HOUSE_NUMBER = /^\d{5} (?:\p{Lu}\p{Ll}+ ){0,2}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Way|Lane|Court|Parkway|Pkwy|Place|Plaza|Highway)\b/u;

/**
 * The address that follows a company name: "…, Inc., 55 Almaden Blvd, San Jose, CA 95113, USA" or
 * "(USA)" or lines below it. It ends where the next organization is named (`limit`): a list of
 * two entities ("X, Inc., … USA; X B.V., …, Niederlande") gives each its own country.
 */
export function addressAfter(text: string, end: number, countries: CountryMention[], limit = Infinity): AddressSeat | null {
  let window = text.slice(end, Math.min(end + 220, limit));
  const cut = window.search(/\((?:nachfolgend|im Folgenden|hereinafter)|(?<=[a-zäöü]{3}|[A-Z]{2,3}|\d)\.\s+\p{Lu}|\.\s+(?:[A-ZÄÖÜ][a-zäöü]+\s+){1,2}[a-zäöü]|\)\s*[.,;]?\s+[a-zäöü]{2,}|[;:]\s/u);
  if (cut >= 0) window = window.slice(0, cut + 1);
  const lines = window.split('\n');
  // an address runs on the same line or over the next few short lines
  let span = lines[0];
  for (let i = 1; i < Math.min(lines.length, 6) && lines[i].length < 60 && !/[.!?]$/.test(lines[i]); i++) span += '\n' + lines[i];
  const spanEnd = end + span.length;
  const inSpan: number[] = [];
  for (let i = firstAtOrAfter(countries, end); i < countries.length && countries[i].start < spanEnd; i++) if (countries[i].end <= spanEnd) inSpan.push(i);
  // the country closes the address: take the last one that reads as part of it ("Atlanta, Georgia 30363, USA")
  for (let k = inSpan.length - 1; k >= 0; k--) {
    const c = countries[inSpan[k]];
    const between = text.slice(end, c.start);
    if (/[.!?]\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(between) && !/\d/.test(between)) continue;
    if (/^[\s,(]*$/.test(between) || /[,\n(]\s*$/.test(between) || /\d/.test(between)) {
      const address = text.slice(end, c.end).replace(/^[\s,(]+/, '').replace(/\s+/g, ' ').trim();
      return { code: c.code, address: address.length > 3 ? address : null, countryIndex: inSpan.slice(0, k + 1) };
    }
  }
  const us = US_STATE_ZIP.exec(span);
  if (us) return { code: 'US', address: span.slice(0, us.index + us[0].length).replace(/^[\s,(]+/, '').replace(/\s+/g, ' ').trim(), countryIndex: [] };
  const de = DE_POSTCODE.exec(span);
  if (de && !US_HOUSE_NUMBER.test(span.slice(de.index + de[0].length - de[1].length + de[1].search(/\d{5} /)))) return { code: 'DE', address: de[1].trim(), countryIndex: [] };
  return null;
}

// Nationality adjectives and nouns as policies write them, German (any ending) and English.
const NATIONALITIES: [RegExp, string][] = [
  [/^(?:US|U\.S\.|US-amerikanisch|amerikanisch|American|USA)/i, 'US'],
  [/^(?:irisch|Irish)/i, 'IE'],
  [/^(?:britisch|British|UK|englisch)/i, 'GB'],
  [/^(?:schweizerisch|schweizer|Swiss)/i, 'CH'],
  [/^(?:kanadisch|Canadian)/i, 'CA'],
  [/^(?:australisch|Australian)/i, 'AU'],
  [/^(?:niederländisch|holländisch|Dutch)/i, 'NL'],
  [/^(?:französisch|French)/i, 'FR'],
  [/^(?:schwedisch|Swedish)/i, 'SE'],
  [/^(?:israelisch|Israeli)/i, 'IL'],
  [/^(?:japanisch|Japanese)/i, 'JP'],
  [/^(?:österreichisch|Austrian)/i, 'AT'],
  [/^(?:deutsch|German)/i, 'DE'],
];
const ADJ = String.raw`(?:US-amerikanisch|amerikanisch|US|U\.S\.|American|irisch|Irish|britisch|British|UK|englisch|schweizerisch|schweizer|Swiss|kanadisch|Canadian|australisch|Australian|niederländisch|holländisch|Dutch|französisch|French|schwedisch|Swedish|israelisch|Israeli|japanisch|Japanese|österreichisch|Austrian|deutsch|German)`;
const ORG_NOUN = String.raw`(?:Unternehmens?|Anbieters?|Dienstleisters?|Firma|Gesellschaft|Konzerns?|Softwareunternehmens?|Technologieunternehmens?|company|provider|firm|corporation|business|vendor)`;
/** After the name: "X ist ein US-Unternehmen", "X, a US company", "X, ein irisches Unternehmen". */
const STATED_AFTER = new RegExp(String.raw`^(?:,?\s(?:ist|is)|,)\s(?:ein|eine|an?|the)\s(${ADJ})(?:e[nrs]?)?(?:-|\s)${ORG_NOUN}\b`, 'iu');
/** Before the name: "das US-amerikanische Unternehmen X", "des US-Anbieters X", "the Irish company X". */
const STATED_BEFORE = new RegExp(String.raw`\b(${ADJ})(?:e[nrs]?)?(?:-|\s)${ORG_NOUN}\s$`, 'iu');
/** "X mit Sitz in den USA", "X, based in Ireland": the country mention the phrase ends on. */
const SEAT_PHRASE = /^\s?[,(]?\s?(?:mit (?:Haupt)?[Ss]itz (?:in|im)|ansässig in|(?:headquartered|based|located|registered|incorporated|domiciled) in)\s(?:den |der |dem |the )?$/;

function nationality(word: string): string | null {
  for (const [re, code] of NATIONALITIES) if (re.test(word)) return code;
  return null;
}

/**
 * The seat stated in words next to a name (at [start, end)), if any; `limit` is where the next
 * organization begins, so that "X und Y mit Sitz in den USA" does not seat X.
 */
export function statedSeat(text: string, start: number, end: number, countries: CountryMention[], limit = Infinity): string | null {
  const after = text.slice(end, Math.min(end + 90, limit));
  const a = STATED_AFTER.exec(after);
  if (a) return nationality(a[1]);
  const before = STATED_BEFORE.exec(text.slice(Math.max(0, start - 50), start));
  if (before) return nationality(before[1]);
  // "mit Sitz in" + the country mention right after it
  for (let i = firstAtOrAfter(countries, end); i < countries.length && countries[i].start < end + 60 && countries[i].end <= Math.min(end + 90, limit); i++) {
    if (SEAT_PHRASE.test(text.slice(end, countries[i].start))) return countries[i].code;
  }
  return null;
}

/** The seat of a name wherever the text states it in words: every occurrence of the name is looked at. */
export function statedSeatOfName(text: string, name: string, countries: CountryMention[]): string | null {
  if (name.length < 3) return null;
  let seen = 0;
  for (let at = text.indexOf(name); at >= 0 && seen < 50; at = text.indexOf(name, at + name.length), seen++) {
    const seat = statedSeat(text, at, at + name.length, countries);
    if (seat) return seat;
  }
  return null;
}

const CITY = CITY_NAMES.map((n) => n.replace(/[.]/g, '\\.')).join('|');
// "X GmbH, Berlin (Hosting)", "X Ltd., 4 Mill Lane, London", "X AG, 8001 Zürich": a city that is a
// whole comma part of the address (postcode and district number aside), at most the third
const CITY_PART = new RegExp(String.raw`^\s?[,(]\s?(?:(?:[^,()\n.;:]|\.(?=\s?[\p{Ll}\d])){1,60},\s?){0,2}(?:[A-Z]{1,2}-)?(?:\d{4,5}\s)?(${CITY})(?:\s\d{1,2})?\s?(?=[,)(\n;]|\.(?:\s|$)|$)`, 'u');
// "X GmbH mit Sitz in München", "X AG aus Zürich", "X Ltd, based in London"
const CITY_PHRASE = new RegExp(String.raw`^\s?[,(]?\s?(?:mit (?:Haupt)?[Ss]itz in|aus|ansässig in|(?:headquartered|based|located|registered|incorporated) in)\s(${CITY})(?![\p{L}\d])`, 'u');

/**
 * The seat a city right after a name says, where no country is named: "X GmbH, Berlin", "X AG aus
 * Zürich" (src/kb/cities.ts); `limit` is where the next organization begins.
 */
export function citySeat(text: string, end: number, limit = Infinity): string | null {
  const after = text.slice(end, Math.min(end + 140, limit));
  const m = CITY_PHRASE.exec(after) ?? CITY_PART.exec(after);
  return m ? countryOfCity(m[1]) : null;
}

/** The catalog's seat for this legal entity: only where the name is exactly one of the vendor's legal entities. */
export function catalogSeat(name: string, vendor: Vendor): string | null {
  const key = nameKey(name);
  const entity = vendor.entities.find((x) => nameKey(x.name) === key || (x.formerNames ?? []).some((f) => nameKey(f) === key));
  return entity?.country ?? null;
}

/** A brand named without a legal entity identifies one only where the catalog knows a single legal entity for it. */
export function brandSeat(vendor: Vendor | null): string | null {
  return vendor && vendor.entities.length === 1 ? vendor.entities[0].country : null;
}

/**
 * What the name itself says where nothing else does: a country in it ("Cloudflare Germany GmbH",
 * "Vendo Ireland Limited"), else a legal form that exists in one country only (e.V., UG, LLC, Oy).
 */
export function seatFromName(name: string): string | null {
  const inName = findCountries(name);
  if (inName.length === 1) return inName[0].code;
  const countries = legalFormOf(name)?.countries ?? [];
  return countries.length === 1 ? countries[0] : null;
}
