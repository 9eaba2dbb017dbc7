import { COUNTRIES } from '../kb/countries.js';
import { LEGAL_FORMS, matchLegalForm } from '../kb/legalForms.js';

/**
 * The lines of a name-and-address block ("Muster GmbH / Hauptstr. 1 / 12345 Ort / Deutschland /
 * E-Mail: …"), one item at a time: which are the name, which the address, where the block ends.
 * Pure string functions; every pattern is anchored and bounded (items are short lines).
 */
export type ItemKind =
  | 'street' // "Hauptstraße 5", "Am Markt 3a", "100 Main Street"
  | 'postcode' // "12345 Ort", "D-12345 Ort", "CH-8000 Zürich", "1015 AB Amsterdam", "CA 94043"
  | 'country' // "Deutschland", "Switzerland"
  | 'co' // "c/o Beispiel Coworking"
  | 'pobox' // "Postfach 10 20 30"
  | 'contact' // "Tel.: …", "E-Mail: …", "www.…"
  | 'represent' // "vertreten durch …", "Represented by:", "Geschäftsführer: …"
  | 'register' // "Registergericht …", "HRB 1234", "USt-IdNr. …" (the block is over)
  | 'text';

const CO = /^(?:c\/o|℅|z\.\s?Hd?\.|zu Händen|attn\.?|care of)(?=\s|$)/i;
const POBOX = /^(?:Postfach|Postbox|P\.?\s?O\.?\s?Box|Case postale|Boîte postale)\b/i;
const CONTACT =
  /^(?:tel(?:efon|\.)?|phone|fon|fax|telefax|mobil|handy|e-?mail|mail|web(?:site|seite)?|internet|homepage|kontakt|contact)\b|@|\[at\]|\(at\)|\bÄTT\b|https?:\/\/|^www\.|^\+?\d[\d /().-]{6,}$/i;
const REPRESENT =
  /^(?:(?:gesetzlich |rechtlich )?vertreten durch|vertretungsberechtigt|represented by|legally represented|geschäftsführ|managing director|vorstand|vorsitz|board\b|inhaber(?:in)?\b|inh\.\s|owner\b|ceo\b|director\b|präsident|chair|leitung\b|leiter(?:in)?\b|behördenleitung|legal representative|authori[sz]ed representative)/i;
const REGISTER =
  /^(?:register(?:gericht|nummer)?\b|handelsregister|vereinsregister|amtsgericht|registry|registered (?:in|at|office|under)|hrb?\s?\d|vr\s?\d|ust\.?-?id|umsatzsteuer|vat\b|steuer|tax\b|sitz (?:der|des)|company number|aufsichtsbehörde|zuständige)/i;
// A German-style street: words ending in a house number ("Hindenburgstr. 12", "Auf dem Paß 10",
// "Tempelhofer Ufer 23-24", "Schlatkow 6"); at most five words so a sentence with a number is not one.
const STREET_DE = /^(?:\p{L}|\d{1,4}[a-z]{1,2}\b)[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,4}\.? \d{1,4}\s?[a-zA-Z]?(?:\s?[-–/]\s?\d{1,4}\s?[a-zA-Z]?)?$/u;
// "117er Ehrenhof 5", "100 Main Street", "1600 Amphitheatre Pkwy", "Gordon House, Barrow Street"
const STREET_NUMBER_FIRST = /^\d{1,5}[a-z]{0,2}\.? \p{L}[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,4}$/u;
const STREET_WORD =
  /(?:stra(?:ß|ss)e|str\.|gasse|allee|platz|weg|ring|damm|ufer|chaussee|markt|steig|pfad|zeile|graben|wall|kai|promenade|street|road|avenue|boulevard|lane|drive|parkway|square)$|\b(?:st|rd|ave|blvd|pkwy|ln|dr)\.?$/iu;
const POSTCODE = /^(?:(?:D|DE|A|AT|CH|FL|L|LU|B|F|I|NL)\s?[-–]\s?)?\d{4,5}\s+\p{Lu}|^\d{4}\s?[A-Z]{2}\s+\p{Lu}/u;
const US_ZIP = /\b[A-Z]{2}\s\d{5}(?:-\d{4})?$/;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}$/;

// Blocks are read at every introduction of a long text: the legal-form test (one pattern per
// variant) runs only where the item's last word can end a legal form.
const lastWord = (s: string) => /([\p{L}.&+]+)\)?[.,;:]?\s*$/u.exec(s)?.[1].toLowerCase().replace(/\./g, '') ?? '';
const FORM_LAST_WORDS = new Set(LEGAL_FORMS.flatMap((f) => [f.form, ...f.variants]).map(lastWord));
export function endsInLegalForm(s: string): boolean {
  return FORM_LAST_WORDS.has(lastWord(s)) && !!matchLegalForm(s);
}

const COUNTRY_BY_NAME = new Map<string, string>();
for (const c of COUNTRIES) for (const n of c.names) COUNTRY_BY_NAME.set(n.toLowerCase(), c.code);

export function itemKind(raw: string): ItemKind {
  const item = raw.trim().replace(/[.,;]$/, '');
  if (!item) return 'text';
  if (CO.test(item)) return 'co';
  if (POBOX.test(item)) return 'pobox';
  if (REPRESENT.test(item)) return 'represent';
  if (REGISTER.test(item)) return 'register';
  if (CONTACT.test(item)) return 'contact';
  if (COUNTRY_BY_NAME.has(item.toLowerCase())) return 'country';
  // "1600 Amphitheatre Parkway": a house number as long as a postcode, before a street word
  const numberFirst = STREET_NUMBER_FIRST.test(item);
  if (numberFirst && STREET_WORD.test(item)) return 'street';
  if (POSTCODE.test(item) || US_ZIP.test(item) || UK_POSTCODE.test(item)) return 'postcode';
  const streetLike = item.length <= 60 && (STREET_DE.test(item) || numberFirst || (STREET_WORD.test(item) && /\d/.test(item)));
  // the legal-form test (many patterns) only for what looks like a street: "Kanal 8 GmbH" is a name
  return streetLike && !endsInLegalForm(item) ? 'street' : 'text';
}

export const isAddressKind = (k: ItemKind) => k === 'street' || k === 'postcode' || k === 'country' || k === 'co' || k === 'pobox';

/** The name before the address, the address lines, the contact e-mail. */
export interface ParsedBlock {
  /** The name parts joined: a line break becomes a space, a comma stays ("Gerhard Neumann, IAR-ALR"). */
  name: string;
  address: string[];
  /** Offset of the name's first character, for evidence. */
  nameStart: number;
  email: string | null;
  /** Item text of the whole block, for context checks (a DPO's block). */
  items: string[];
}

export interface Item {
  text: string;
  start: number;
  /** Separated from the previous item by a line break (not a comma). */
  newLine: boolean;
}

const EMAIL = /[\w.+-]+(?:@|\[at\]|\(at\)| ÄTT )[\w-]+(?:\.[\w-]+)+/;
const NAME_LABEL = /^(?:Name|Firma|Firmenname|Unternehmen|Organisation|Organization|Company|Verein|Institution|Träger)\s*:\s*/i;
const ADDRESS_LABEL = /^(?:Anschrift|Adresse|Address|Postanschrift|Sitz|Kontakt|Kontaktdaten|Contact)\s*:?\s*/i;
const LEGAL_FORM_ONLY = (s: string) => endsInLegalForm(s) && matchLegalForm(s)?.start === 0;

/**
 * Read a block from its items: name items until the first address item (at most three; a
 * representative named after "vertreten durch" is skipped), then address items.
 * Returns null where no name precedes the address or the items read as prose.
 */
export function parseBlock(items: Item[]): ParsedBlock | null {
  const name: Item[] = [];
  const address: string[] = [];
  const texts: string[] = [];
  let email: string | null = null;
  let representing = false;
  let nameDone = false;
  // building or department lines under a legal name count only once an address follows
  let pending: string[] = [];
  for (const [i, it] of items.entries()) {
    let t = it.text.trim().replace(/^[-•*–·▪]\s+/, '');
    const e = EMAIL.exec(t);
    if (NAME_LABEL.test(t) && !nameDone) t = t.replace(NAME_LABEL, '');
    else if (ADDRESS_LABEL.test(t) && name.length) {
      nameDone = true;
      t = t.replace(ADDRESS_LABEL, '');
      if (!t) continue;
    }
    // "San Francisco, CA 94105": a city before the postcode on the same line is address
    const next = items[i + 1];
    const cityBeforePostcode = address.length > 0 && !!next && !next.newLine && itemKind(next.text) === 'postcode' && /^\p{Lu}[\p{L} .'-]{1,40}$/u.test(t);
    const kind = cityBeforePostcode ? 'postcode' : itemKind(t);
    if (kind === 'register') break;
    // a text item after the address, or after a name that ended in its legal form, ends the block
    if (kind === 'text' && !representing && (nameDone || (name.length && !LEGAL_FORM_ONLY(t) && endsInLegalForm(name[name.length - 1].text)))) {
      // a description after the legal name on the same line ("Muster Ltd, a company registered in …") ends it
      if (!it.newLine && !nameDone) break;
      if (!nameDone && !address.length && name.length) {
        // "Muster GmbH / Gordon House / Hauptstr. 1": a building or department line under a legal name
        pending.push(t);
        continue;
      }
      break;
    }
    if (isAddressKind(kind)) texts.push(...pending);
    pending = [];
    texts.push(t);
    if (e && !email) email = e[0];
    if (kind === 'represent') {
      nameDone = true;
      representing = true;
      continue;
    }
    if (isAddressKind(kind)) {
      if (!name.length) return null;
      nameDone = true;
      representing = false;
      if (kind !== 'co') address.push(t.replace(/[.,;]$/, ''));
      continue;
    }
    if (kind === 'contact') {
      nameDone = true;
      continue;
    }
    // a text item: part of the name or a representative's name
    if (representing) continue;
    if (!it.newLine && name.length && LEGAL_FORM_ONLY(t)) {
      name.push({ ...it, text: t });
      continue;
    }
    if (name.length >= 3 || t.length > 120) return null;
    if (t) name.push({ ...it, text: t });
  }
  if (!name.length) return null;
  const joined = name
    .map((n, i) => (i === 0 ? '' : n.newLine ? ' ' : ', ') + n.text.replace(/[,;:]$/, ''))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/\.$/, (dot, at, s: string) => (endsInLegalForm(s) ? dot : ''))
    .trim();
  return { name: joined, address, nameStart: name[0].start, email, items: texts };
}

/**
 * The seat from an address: a country line, a country-prefixed postcode, the postcode's shape,
 * the block's domains. A bare five-digit postcode is German unless the legal form belongs to
 * countries without Germany ("Beispiel S.r.l., Via Roma 1, 00100 Roma").
 */
export function countryOfAddress(address: string[], blockText: string, formCountries: readonly string[] = []): string | null {
  for (const a of address) {
    const c = COUNTRY_BY_NAME.get(a.toLowerCase());
    if (c) return c;
    const tail = /,\s*([\p{L} ]{4,40})$/u.exec(a)?.[1];
    if (tail && COUNTRY_BY_NAME.has(tail.toLowerCase())) return COUNTRY_BY_NAME.get(tail.toLowerCase())!;
  }
  for (const a of address) {
    const prefixed = /^(D|DE|A|AT|CH|FL|L|LU|B|F|I|NL)\s?[-–]\s?\d{4,5}\s/.exec(a)?.[1];
    if (prefixed) return ({ D: 'DE', DE: 'DE', A: 'AT', AT: 'AT', CH: 'CH', FL: 'LI', L: 'LU', LU: 'LU', B: 'BE', F: 'FR', I: 'IT', NL: 'NL' } as Record<string, string>)[prefixed];
    if (US_ZIP.test(a)) return 'US';
    if (/^\d{4}\s?[A-Z]{2}\s/.test(a)) return 'NL';
    if (/^\d{5}\s+\p{Lu}/u.test(a)) return formCountries.length && !formCountries.includes('DE') ? formCountries[0] : 'DE';
    if (/^\d{4}\s+\p{Lu}/u.test(a)) {
      // four digits: Austria or Switzerland (or another country the block would name); the block's domains tell
      if (/\.ch\b|\bSchweiz\b|\bSwitzerland\b/i.test(blockText)) return 'CH';
      if (/\.at\b|Österreich|\bAustria\b/i.test(blockText)) return 'AT';
      return formCountries.length === 1 ? formCountries[0] : null;
    }
  }
  return null;
}
