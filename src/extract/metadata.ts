import type { Evidence, Language } from './types.js';
import type { Segmented } from './segment.js';
import { startsScanner } from './literalScan.js';
import { multiScanner, type MultiScanner } from './multiScan.js';

// German and English function words, counted in one pass
const LANGUAGE_WORDS = multiScanner([/\b(?:und|der|die|das|wir|ihre|nicht|werden|Daten|mit|für|auf)\b/, /\b(?:and|the|we|your|not|will|data|with|for|on|of)\b/]);

export function detectLanguage(text: string): Language {
  const [de, en] = LANGUAGE_WORDS.scan(text.slice(0, 20000));
  return de.length >= en.length ? 'de' : 'en';
}

/** The vocabulary of a privacy policy, by family: a text must use several families, not one word twice. */
const PRIVACY_FAMILIES: RegExp[] = [
  /Datenschutz|privacy|data protection/i,
  /personenbezogen|personal (?:data|information)/i,
  /DSGVO|DS-GVO|GDPR|BDSG|TDDDG|TTDSG|\bDSG\b/i,
  /Verantwortliche|verantwortlich|controller/i,
  /verarbeit|process(?:ing|es|ed)?\b/i,
  /Rechtsgrundlage|Art\.? ?6|legal basis|lawful basis|berechtigte[ns]? Interesse|legitimate interest|Einwilligung|consent/i,
  /Auskunft|Widerspruch|Löschung|Berichtigung|Betroffene|right (?:to|of) (?:access|erasure|object)|data subject/i,
  /gespeichert|Speicherdauer|speichern|stored|retention|retain/i,
  /Cookie|IP-Adresse|IP address|Server-?Log|Empfänger|recipient|Auftragsverarbeit|processor|Drittland|third countr/i,
];

/** A privacy policy talks about personal data and data protection more than in passing: at least two families of its vocabulary (one word repeated is not enough). */
export function looksLikePolicy(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let families = 0;
  for (const re of PRIVACY_FAMILIES) if (re.test(sample) && ++families >= 2) return true;
  return false;
}

const MONTHS: Record<string, number> = {
  januar: 1, january: 1, jan: 1, februar: 2, february: 2, feb: 2, märz: 3, march: 3, mar: 3, april: 4, apr: 4, mai: 5, may: 5,
  juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, october: 10,
  okt: 10, oct: 10, november: 11, nov: 11, dezember: 12, december: 12, dez: 12, dec: 12,
};
const DATE_CUE =
  /\b(?:Stand|Zuletzt (?:aktualisiert|geändert)|Letzte (?:Aktualisierung|Änderung)|Last (?:updated|modified|revised)|Effective(?: date)?|Gültig ab|Version vom)\b[:\s]*(?:vom\s+|am\s+|on\s+)?(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4}|\p{L}+\s+\d{4})/iu;

/** The "Stand" date as ISO yyyy-mm-dd (yyyy-mm for a month), or as written when it does not parse. */
// every match starts with one of these words (lower-cased): they find the few places worth trying DATE_CUE at
const DATE_CUE_SCAN = startsScanner(DATE_CUE, ['stand', 'zuletzt', 'letzte', 'last', 'effective', 'gültig', 'version']);

export function findLastUpdated(text: string): string | null {
  const m = DATE_CUE_SCAN.scan(text, 1)[0];
  if (!m) return null;
  const d = m[1];
  const pad = (n: number) => String(n).padStart(2, '0');
  let x: RegExpExecArray | null;
  if ((x = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2,4})$/.exec(d))) {
    const y = x[3].length === 2 ? 2000 + +x[3] : +x[3];
    return `${y}-${pad(+x[2])}-${pad(+x[1])}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  if ((x = /^(\d{1,2})\.?\s+(\p{L}+)\s+(\d{4})$/u.exec(d)) && MONTHS[x[2].toLowerCase()]) return `${x[3]}-${pad(MONTHS[x[2].toLowerCase()])}-${pad(+x[1])}`;
  if ((x = /^(\p{L}+)\s+(\d{1,2}),?\s+(\d{4})$/u.exec(d)) && MONTHS[x[1].toLowerCase()]) return `${x[3]}-${pad(MONTHS[x[1].toLowerCase()])}-${pad(+x[2])}`;
  if ((x = /^(\p{L}+)\s+(\d{4})$/u.exec(d)) && MONTHS[x[1].toLowerCase()]) return `${x[2]}-${pad(MONTHS[x[1].toLowerCase()])}`;
  return d;
}

const EMAIL = /[\w.+-]+(?:@|\[at\]|\(at\))[\w-]+(?:\.[\w-]+)+/;

export function findDataProtectionOfficer(seg: Segmented, evidenceOf: (i: number) => Evidence): { name: string | null; email: string | null; evidence: Evidence } | null {
  const i = seg.sentences.findIndex((s) => /Datenschutzbeauftragte|data protection officer|\bDPO\b/i.test(s.text));
  if (i < 0) return null;
  const near = seg.sentences.slice(i, i + 4).map((s) => s.text).join('\n');
  const name = /Datenschutzbeauftragte[rn]?\s+((?:\p{Lu}\p{Ll}+\s){1,2}\p{Lu}\p{Ll}+)/u.exec(seg.sentences[i].text)?.[1] ?? null;
  return { name, email: EMAIL.exec(near)?.[0] ?? null, evidence: evidenceOf(i) };
}

const AUTHORITY =
  /(?:Der |Die )?(?:Landesbeauftragte[rn]? für (?:den )?Datenschutz[\p{L} ]*|Bayerische[sn]? Landesamt für Datenschutzaufsicht|Landesamt für Datenschutzaufsicht|Hamburgische[rn]? Beauftragte[rn]? für Datenschutz[\p{L} ]*|Berliner Beauftragte[rn]? für Datenschutz[\p{L} ]*|Bundesbeauftragte[rn]? für (?:den )?Datenschutz[\p{L} ]*|Landesdatenschutzbeauftragte[rn]?[\p{L} ]*|Unabhängige[sn]? Landeszentrum für Datenschutz[\p{L} ]*)/u;

export function findSupervisoryAuthority(seg: Segmented, evidenceOf: (i: number) => Evidence): { name: string; evidence: Evidence } | null {
  for (let i = 0; i < seg.sentences.length; i++) {
    const m = AUTHORITY.exec(seg.sentences[i].text);
    if (m) {
      let name = m[0].trim();
      const next = seg.sentences[i + 1]?.text ?? '';
      if (/(?:Datenschutz und Informationsfreiheit|für Datenschutz)$/.test(name) && /^[\p{Lu}][\p{L}-]+(?:\s[\p{L}-]+)?$/u.test(next)) name += ' ' + next;
      return { name, evidence: evidenceOf(i) };
    }
  }
  return null;
}

const LEGAL_BASIS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/Art(?:ikel|\.)?\s?6\s?(?:Abs(?:atz|\.)?\s?1|\(1\))\s?(?:S(?:atz|\.)\s?1\s?)?(?:lit\.?|Buchst(?:abe|\.)?)?\s?\(?([a-f])\)?(?![\p{L}])/giu, (m) => `Art. 6(1)(${m[1].toLowerCase()}) DSGVO`],
  [/§\s?25\s?(?:Abs\.?\s?(\d)\s?)?(?:TDDDG|TTDSG)/g, (m) => `§ 25${m[1] ? `(${m[1]})` : ''} TDDDG`],
  [/§\s?26\s?(?:Abs\.?\s?\d\s?)?BDSG/g, () => '§ 26 BDSG'],
  [/Art(?:ikel|\.)?\s?9\s?(?:Abs(?:atz|\.)?\s?2|\(2\))\s?(?:lit\.?)?\s?\(?([a-j])\)?/giu, (m) => `Art. 9(2)(${m[1].toLowerCase()}) DSGVO`],
];

/**
 * The legal bases named in a recipient's sentences, as read in them joined by line breaks (the
 * order of the patterns, then of the text), each sentence read once per document however many
 * recipients share it. A citation may run over a line break ("… fallen unter § 25\nAbs. 2
 * TDDDG."), so the junction of two sentences is read too: the end of one and the start of the
 * next, as far as a citation reaches (JUNCTION), keeping what starts before the break.
 */
export function legalBasesReader(sentences: readonly { text: string }[]): (indices: number[]) => string[] {
  const inSentence = new Map<number, string[][]>();
  const atJunction = new Map<string, string[][]>();
  const of = (i: number) => {
    let hits = inSentence.get(i);
    if (!hits) inSentence.set(i, (hits = LEGAL_BASIS.map((basis) => labelsOf(sentences[i].text, basis))));
    return hits;
  };
  const junction = (a: number, b: number) => {
    const key = `${a} ${b}`;
    let hits = atJunction.get(key);
    if (!hits) {
      const tail = sentences[a].text.slice(-JUNCTION);
      const text = `${tail}\n${sentences[b].text.slice(0, JUNCTION)}`;
      atJunction.set(key, (hits = LEGAL_BASIS.map((basis) => labelsOf(text, basis, tail.length + 1))));
    }
    return hits;
  };
  return (indices) => {
    const parts: string[][][] = [];
    indices.forEach((i, k) => {
      parts.push(of(i));
      if (k + 1 < indices.length) parts.push(junction(i, indices[k + 1]));
    });
    // by pattern, then by part: one set, filled in that order
    const labels = new Set<string>();
    for (let k = 0; k < LEGAL_BASIS.length; k++) for (const hits of parts) for (const label of hits[k]) labels.add(label);
    return [...labels];
  };
}

/** Longer than any citation LEGAL_BASIS matches ("Artikel 6 Absatz 1 Satz 1 Buchstabe (f)"), with room for its look-ahead. */
const JUNCTION = 60;

/** The labels of `basis`'s matches in `text` that start before `startsBefore`. */
function labelsOf(text: string, [re, label]: [RegExp, (m: RegExpExecArray) => string], startsBefore = Infinity): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < startsBefore) out.push(label(m));
  return out;
}

const DATA_CATEGORIES: [string, RegExp][] = [
  ['IP address', /IP-Adresse|IP address/i],
  ['name', /\b(?:Vor- und Nachname|Namen?|Nachname|full name|name)\b/],
  ['email address', /E-?Mail-Adresse|e-?mail address/i],
  ['phone number', /Telefonnummer|Rufnummer|phone number/i],
  ['postal address', /Anschrift|Postanschrift|postal address/i],
  ['usage data', /Nutzungsdaten|Nutzungsverhalten|usage data|Seitenaufrufe|page views/i],
  ['device data', /Geräte-?(?:informationen|daten|typ)|Browser(?:typ|informationen)?|Betriebssystem|device (?:data|information)|user agent/i],
  ['location data', /Standortdaten|location data/i],
  ['payment data', /Zahlungsdaten|Bankdaten|Kreditkarte|payment data|bank details/i],
  ['content data', /Inhaltsdaten|Chat|Nachrichten|Audio|Video|message content/i],
  ['cookies', /Cookies?/],
  ['meeting metadata', /Meeting-Metadaten|Metadaten|metadata/i],
];

const PURPOSES: [string, RegExp][] = [
  ['hosting', /Hosting|hosten|Server bereit|hosting/i],
  ['web analytics', /Analyse|Webanalyse|Reichweitenmessung|Statistik|analytics/i],
  ['advertising', /Werbung|Werbe|Marketing|Retargeting|advertising/i],
  ['video conferencing', /Videokonferenz|Online-Meeting|Webinar|Konferenz|video conferenc/i],
  ['payment processing', /Zahlung|Bezahl|payment/i],
  ['newsletter', /Newsletter/i],
  ['appointment booking', /Termin|appointment|booking/i],
  ['spam protection', /Spam|Bot|Captcha/i],
  ['error tracking', /Fehler|error|crash/i],
  ['customer management', /CRM|Kundenverwaltung|Kundendaten/i],
  ['email', /E-Mail-(?:Versand|Hosting|Postfach)|email hosting/i],
  ['messaging', /Messenger|Telegram|WhatsApp/i],
];

// each list read in one pass over a sentence
const DATA_CATEGORY_SCAN = multiScanner(DATA_CATEGORIES.map(([, re]) => re));
const PURPOSE_SCAN = multiScanner(PURPOSES.map(([, re]) => re));

const RETENTION = /\b(?:gelöscht|Löschung|Speicherdauer|aufbewahrt|gespeichert)\b[^.]{0,80}\b(?:\d+|zwei|drei|sechs|zwölf)\s+(?:Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Stunden)|\b(?:deleted|retained|stored|retention)\b[^.]{0,80}\b\d+\s+(?:days|weeks|months|years|hours)/i;

/**
 * Data categories, purposes and retention statements (the first three) of a recipient, read
 * from the sentences that concern it. No phrase of the first two lists can span a line break
 * (keep it so: no \s, "." or negated class in them), so the sentences joined name what one of
 * them names; each sentence is therefore read once per document, however many recipients of a
 * block share it.
 */
export function sentenceTopics(sentences: readonly { text: string }[]): { dataCategories(indices: number[]): string[]; purposes(indices: number[]): string[]; retention(indices: number[]): string[] } {
  const reader = (list: [string, RegExp][], scanner: MultiScanner) => {
    const seen = new Map<number, boolean[]>();
    const of = (i: number) => {
      let hits = seen.get(i);
      if (!hits) seen.set(i, (hits = scanner.tests(sentences[i].text)));
      return hits;
    };
    return (indices: number[]) => {
      const names: string[] = [];
      for (let k = 0; k < list.length; k++) if (indices.some((i) => of(i)[k])) names.push(list[k][0]);
      return names;
    };
  };
  const statesRetention = new Map<number, boolean>();
  const states = (i: number) => {
    let yes = statesRetention.get(i);
    if (yes === undefined) statesRetention.set(i, (yes = RETENTION.test(sentences[i].text)));
    return yes;
  };
  const retention = (indices: number[]) => {
    const out: string[] = [];
    for (const i of indices) if (out.length < 3 && states(i)) out.push(sentences[i].text);
    return out;
  };
  return { dataCategories: reader(DATA_CATEGORIES, DATA_CATEGORY_SCAN), purposes: reader(PURPOSES, PURPOSE_SCAN), retention };
}

