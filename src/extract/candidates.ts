/**
 * Recipient candidates that no legal form announces, and the decision whether a candidate
 * receives data. A recipient without "GmbH" or "Inc." is named by how the text presents it:
 *   - an organisation word: "Zammad Foundation", "The Expo Project", "Stiftung Warentest";
 *   - a provider statement: "Anbieter ist …", "provided by …", "betrieben von …";
 *   - an item of a list the text introduces as its recipients: "Wir nutzen folgende Dienstleister:"
 *     then "Mateo: Terminbuchung" or "- Mateo";
 *   - a list of brands after a use: "Spenden über Liberapay, Stripe oder Paypal" (see `Candidate.list`);
 *   - a service noun before a name: "den Dienst Kalendaro", "the tool Kalendaro";
 *   - a heading whose first sentences say data is passed to what it names: "Radhaus Süd" / "… an Radhaus Süd weitergeleitet".
 * Each is a candidate only; `receivesData` then rejects link targets, examples, cookie names,
 * sources of data, tools said to process no personal data, denied tools and public bodies.
 * Every pattern is a flat alternation with bounded gaps.
 */
import { NOT_A_USE } from './cues.js';
import { startsScanner } from './literalScan.js';

export type CandidateKind = 'organisation' | 'provider' | 'service' | 'list-item' | 'brand-list' | 'heading';

export interface Candidate {
  name: string;
  start: number;
  end: number;
  kind: CandidateKind;
  /** Items of one brand list share a number: the list names brands only where one of them is a known name ("Stripe", not "Kreditkarte"). */
  list?: number;
}

// One word of a name: a capitalised or camel-cased word, a domain-like word ("chaos.social"), digits or "³" inside.
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{N}³²&'’.+-]{0,30}|\p{Ll}{1,12}\p{Lu}[\p{L}\p{N}]{0,20})`;
// Organisation words that make a name an organisation without a legal form.
const ORG_AFTER = String.raw`(?:Foundation|Stiftung|Project|Projekt|Fördergesellschaft|Association|Society|Initiative|Collective|Kollektiv|Genossenschaft|Consortium|Institute|Institut|University|Universität)`;
const ORG_BEFORE = String.raw`(?:Stiftung|Verein|Universität|Hochschule|Institut)`;
/** "Zammad Foundation", "The Expo Project", "Ideen Stiftung": up to three name words before the organisation word. */
const ORGANISATION_AFTER = new RegExp(String.raw`(?<![\p{L}\p{N}./@-])(?:The )?(?:${NAME_WORD} ){1,3}${ORG_AFTER}\b`, 'gu');
/** "Stiftung Warentest", "Universität Musterstadt": the organisation word and one or two name words. */
const ORGANISATION_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}./@-])${ORG_BEFORE}(?: ${NAME_WORD}){1,2}\b`, 'gu');
/** Words that start a phrase, not a name: "Die Stiftung", "Unsere Foundation". */
const NOT_A_NAME_WORD = /^(?:The|Die|Der|Das|Den|Dem|Des|Eine?[mnrs]?|Unsere?[mnrs]?|Our|This|That|These|Diese[mnrs]?|Jede[mnrs]?|Each|Any|Every|Alle|All|Für|For|Von|Of|Mit|With|Im|In|An|Am|Bei|By|Zur|Zum|Als|Auch|Sowie|Und|Oder|And|Or|Open|Source|Free|Freie|Gemeinnützige|Non|Profit|Eingetragene|Wir|We|Sie|You|Ihre?[rs]?|Your|Datenschutz\S*|Privacy|Data|Daten)$/;

/** "Anbieter ist …", "provided by …": the name runs up to the first comma, bracket or line end (two lines for a name set on its own line). */
const PROVIDER =
  /\b(?:Anbieter(?:in)? (?:dieses Dienstes |des Dienstes |der Plattform |des Tools |dieser Website |dieser Seite )?ist|(?:provided|operated|offered|hosted|run) by|(?:betrieben|angeboten|bereitgestellt|gehostet) (?:wird |werden )?(?:von|durch))(?: the| die| der| dem| das)?:?[ \t]*\n?[ \t]*\n?[ \t]*/giu;
// every match starts with one of these words (lower-cased): they find the few places worth trying PROVIDER at
const PROVIDER_SCAN = startsScanner(PROVIDER, ['anbieter', 'provided', 'operated', 'offered', 'hosted', 'run', 'betrieben', 'angeboten', 'bereitgestellt', 'gehostet']);
const PROVIDER_NAME = new RegExp(String.raw`^(?:${NAME_WORD}|\p{Ll}[\p{L}\p{N}.-]{2,30})(?: (?:${NAME_WORD}|of|for|für|de|&)){0,4}`, 'u');

const SITE_OPERATED = /\b(?:Website|Webseite|Internetseite|Seite|Homepage|Onlineangebot|App|website|site|app) (?:is |wird |werden )?$/;

/** "den Dienst Kalendaro", "das Tool Kalendaro", "the service Kalendaro": a service noun and the name it gives. */
const SERVICE_NAMED = new RegExp(
  String.raw`\b(?:den Dienst|das Tool|die Software|die Plattform|den Service|die App|das Plugin|the service|the tool|the platform|the app|the plugin) (${NAME_WORD}(?: ${NAME_WORD}){0,2})`,
  'gu',
);
/** A heading line of one to three name words, its own paragraph: "Radhaus Süd". */
const HEADING_LINE = /(?<=^|\n\n)(?:(?:\d{1,2}\.)*\d{1,2}\.? )?(\p{Lu}[\p{L}\p{N}&'’.+-]{1,30}(?: \p{Lu}[\p{L}\p{N}&'’.+-]{1,30}){0,2})[ \t]*\n\n/gu;
/** Data handed on to whoever the sentence names. */
const PASSED_ON = /\b(?:weitergeleitet|weitergegeben|übermittelt|übertragen|geteilt|transferred|passed on|forwarded|shared with|disclosed to)\b/i;

/** A line that introduces a list of recipients: "… folgende Dienstleister:", "We use these tools:". */
const LIST_INTRO =
  /(?:dienstleister|dienstleistern|anbieter|anbietern|tools?|dienste|auftragsverarbeiter|plattformen|software|services|providers|processors|vendors|platforms)\b(?: [^\s:]+){0,8}:[ \t]*$/i;
/** Labels of a list item that name no recipient ("Zweck: …", "Wichtig: …") and the "… ist:" that introduces the controller. */
const NOT_AN_ITEM = /^(?:Wichtig|Hinweis|Achtung|Zweck|Zwecke|Rechtsgrundlage|Speicherdauer|Empfänger|Anbieter|Kategorien|Daten|Datenkategorien|Note|Important|Purpose|Purposes|Legal basis|Retention|Recipients?|Provider|Data|Categories)$/i;
/** "- Mateo: Terminbuchung", "• Mateo", "Mateo – CRM": the name at the start of a list item. */
const ITEM_NAME = String.raw`([\p{L}\p{N}][\p{L}\p{N}³&'’.+-]{1,30}(?: [\p{L}\p{N}][\p{L}\p{N}³&'’.+-]{0,30}){0,3})`;
/** A bulleted or numbered item may be the name alone; an unmarked line must have the "Name: purpose" shape (a bare short line may be the next heading). */
const LIST_ITEM = new RegExp(
  String.raw`^[ \t]*(?:(?:[-•*–·▪◦]|\d{1,2}[.)])[ \t]*${ITEM_NAME}[ \t]*(?::[ \t]+\S|[ \t]+[–-][ \t]+\S|[ \t]*\(|[ \t]*$)|${ITEM_NAME}[ \t]*(?::[ \t]+\S|[ \t]+[–-][ \t]+\S|[ \t]*\())`,
  'u',
);

/** A use followed by a list of names: "die Dienste von A, B und C", "via A, B or C". */
const LIST_ITEM_NAME = String.raw`[\p{L}\p{N}][\p{L}\p{N}.&'’-]{1,30}(?: \p{Lu}[\p{L}\p{N}.&'’-]{1,30})?`;
const BRAND_LIST = new RegExp(
  String.raw`\b(?:(?:Diensten?|Services|services|Angebote|Zahlungsdienste|Zahlungsdienstleister|Zahlungsanbieter|Anbietern?|providers|Tools|tools|Plattformen|platforms) (?:von|of|wie|such as|like)|(?:Spenden|spenden|Zahlungen|zahlen|bezahlen|Bezahlung|payments|donations|donate|pay) (?:\S+ ){0,3}?(?:über|via|through|mit|with)|(?:nutzen wir|verwenden wir|setzen wir|wir nutzen|wir verwenden|we use|we rely on)(?: die Dienste von| the services of)?) ((?:${LIST_ITEM_NAME}, ){1,8}${LIST_ITEM_NAME},? (?:und|oder|sowie|and|or) ${LIST_ITEM_NAME})`,
  'gu',
);

// Where an organisation word stands: the name patterns run only around these, not at every position of the text.
const ORG_AFTER_AT = new RegExp(String.raw`${ORG_AFTER}\b`, 'gu');
const ORG_BEFORE_AT = new RegExp(String.raw`${ORG_BEFORE}\b`, 'gu');
const ORGANISATION_BEFORE_AT = new RegExp(ORGANISATION_BEFORE.source, 'uy');
/** Three name words and "The " reach at most this far before the organisation word. */
const NAME_REACH = 110;

/**
 * The matches of ORGANISATION_AFTER / _BEFORE, found from the organisation words: the same
 * matches as a scan of the whole text, at a fraction of its cost (the name pattern is tried at
 * every position otherwise). A window starts after white space, so the pattern's lookbehind
 * judges its first character as in the whole text.
 */
function organisationMatches(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const anchors = re === ORGANISATION_AFTER ? ORG_AFTER_AT : ORG_BEFORE_AT;
  anchors.lastIndex = 0;
  let done = 0; // matches do not overlap: the next starts after the last one's end
  for (let a: RegExpExecArray | null; (a = anchors.exec(text)); ) {
    if (a.index < done) continue;
    if (re === ORGANISATION_BEFORE) {
      ORGANISATION_BEFORE_AT.lastIndex = a.index;
      const m = ORGANISATION_BEFORE_AT.exec(text);
      if (m) {
        out.push(m);
        done = m.index + m[0].length;
        anchors.lastIndex = Math.max(anchors.lastIndex, done);
      }
      continue;
    }
    let from = Math.max(done, a.index - NAME_REACH);
    while (from > done && from < a.index && !/\s/.test(text[from - 1])) from++;
    const window = text.slice(from, a.index + a[0].length + 1);
    re.lastIndex = 0;
    let hit: RegExpExecArray | null = null;
    for (let m: RegExpExecArray | null; (m = re.exec(window)); ) if (m.index + m[0].length >= a.index - from + a[0].length) hit = m;
    if (!hit) continue;
    hit.index += from;
    out.push(hit);
    done = hit.index + hit[0].length;
  }
  return out;
}

/** Every candidate the text presents as an organisation, a provider, an item of a list of recipients or of brands. */
export function findCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (name: string, start: number, kind: CandidateKind, list?: number) => {
    // a name ends with its sentence ("… den Dienst Kalendaro. Wenn Sie …")
    const clean = name.split(/[.!?]\s/)[0].replace(/[.,;:’'-]+$/, '').trim();
    if (clean.length < 3 || clean.length > 60 || /^\d/.test(clean)) return;
    out.push({ name: clean, start, end: start + clean.length, kind, list });
  };
  for (const re of [ORGANISATION_AFTER, ORGANISATION_BEFORE]) {
    for (const m of organisationMatches(text, re)) {
      const words = m[0].split(' ');
      // drop leading words that start a phrase ("Die Wikimedia Foundation" → "Wikimedia Foundation") but keep a title's "The"
      let skip = 0;
      while (skip < words.length - 1 && NOT_A_NAME_WORD.test(words[skip]) && !(skip === 0 && words[0] === 'The' && words.length > 2 && !NOT_A_NAME_WORD.test(words[1]))) skip++;
      const kept = words.slice(skip);
      if (kept.length < 2 || kept.slice(re === ORGANISATION_AFTER ? 0 : 1).every((w) => NOT_A_NAME_WORD.test(w))) continue;
      add(kept.join(' '), m.index + words.slice(0, skip).join(' ').length + (skip ? 1 : 0), 'organisation');
    }
  }
  for (const m of PROVIDER_SCAN.scan(text)) {
    const at = m.index + m[0].length;
    // "Diese Website wird betrieben von …", "This website is operated by:" names the controller
    if (SITE_OPERATED.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const name = PROVIDER_NAME.exec(text.slice(at, at + 120).split(/\. /)[0]);
    // a domain is where a service is reached, not who runs it
    if (!name || NOT_A_NAME_WORD.test(name[0].split(' ')[0]) || /\.\p{Ll}{2,}$/u.test(name[0])) continue;
    // a lower-case name stands alone ("servers provided by phasedrei."), not before more words ("provided by website visitors")
    if (/^\p{Ll}/u.test(name[0]) && !/^(?:[.,;:)(\n]|$)/.test(text.slice(at + name[0].length, at + name[0].length + 1))) continue;
    add(name[0], at, 'provider');
  }
  SERVICE_NAMED.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = SERVICE_NAMED.exec(text)); ) {
    if (!NOT_A_NAME_WORD.test(m[1].split(' ')[0])) add(m[1], m.index + m[0].length - m[1].length, 'service');
  }
  listItems(text, add);
  HEADING_LINE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = HEADING_LINE.exec(text)); ) {
    // the heading's name must come back in the next lines, in a sentence that passes data on
    const name = m[1];
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 600);
    const passes = next.split(/(?<=[.!?])\s+/).slice(0, 3).some((x) => PASSED_ON.test(x) && (x.includes(name) || /\b(?:das Unternehmen|the company)\b/i.test(x)));
    if (passes && next.includes(name)) add(name, m.index + m[0].indexOf(name), 'heading');
  }
  BRAND_LIST.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = BRAND_LIST.exec(text)); ) {
    let offset = m.index + m[0].length - m[1].length;
    for (const part of m[1].split(/, (?:und |oder |sowie |and |or )?|,? (?:und|oder|sowie|and|or) /)) {
      const at = text.indexOf(part, offset);
      if (/^\p{Lu}|\p{Ll}\p{Lu}/u.test(part)) add(part, at, 'brand-list', m.index);
      offset = at + part.length;
    }
  }
  const withArticle = wordsAfterArticle(text);
  return out.filter((c) => c.kind === 'organisation' || c.kind === 'provider' || nameLike(c.name, withArticle)).sort((a, b) => a.start - b.start);
}

/** Words of the web page, of categories, browsers and systems that a list names, none a recipient. */
const GENERIC =
  /^(?:Cookies?|Newsletter|Kontaktformular|Kontakt|Website|Webseite|Plugins?|Server|Hosting|Webhosting|Tracking|Analyse|Webanalyse|Analytics|Marketing|Werbung|Zahlung|Zahlungsabwicklung|Versand|Support|Kundenservice|Social Media|Soziale Netzwerke|Pixel|Local Storage|E-Mail|Email|Mail|Payment|Payments|Shipping|Advertising|Statistik|Statistiken|Karten|Maps|Videos?|Schriftarten|Fonts|Buchhaltung|Sonstige|Other|Others|Andere|Weitere|Intern|Internal|Extern|External|Kreditkarte|Lastschrift|Rechnung|Überweisung|Vorkasse|Nachnahme|Banken?|Behörden|Steuerberater|Dritte|Dritten|Chrome|Google Chrome|Firefox|Mozilla Firefox|Safari|Edge|Microsoft Edge|Opera|Internet Explorer|Windows|macOS|Linux|Android|iOS)$/i;
/** Endings of German and English common nouns: "Verwaltung", "Sicherheit", "Kunden", "Messaging". */
const NOUN_ENDING = /(?:ung|ungen|heit|keit|schaft|tion|tionen|ität|ismus|nahme|ern|ten|ken|gen|nen|ien|ies|ing|ment|ments)$/;

/**
 * Whether a name that only its position in a list shows is a name rather than a
 * common noun: a shape no noun has (camel case, digits, dots, capitals: "PostHog", "Ko-fi.com",
 * "GMX"), or a word with no noun ending that the text never puts after an article ("die
 * Lastschrift" makes "Lastschrift" a noun).
 */
function nameLike(name: string, withArticle: Set<string>): boolean {
  if (GENERIC.test(name)) return false;
  if (/\p{Ll}\p{Lu}|\d|\.\p{L}|^\p{Lu}{2,}\b/u.test(name)) return true;
  const words = name.split(' ');
  return !words.some((w) => withArticle.has(w)) && !NOUN_ENDING.test(words[words.length - 1]);
}

const ARTICLE_WORD = /\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|unser|unsere|unseren|unserem|Ihre|Ihren|ihre|the|a|an|our|your|this|per|zur|zum|vom|beim|im) (\p{Lu}\p{Ll}+)\b/gu;
/** Every capitalised word the text puts right after an article: one scan, so the test per candidate is a look-up. */
function wordsAfterArticle(text: string): Set<string> {
  const out = new Set<string>();
  ARTICLE_WORD.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = ARTICLE_WORD.exec(text)); ) out.add(m[1]);
  return out;
}

/** Items of a list whose introduction names recipients, one per line until a blank line or prose. */
function listItems(text: string, add: (name: string, start: number, kind: CandidateKind) => void): void {
  let pos = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; pos += lines[i].length + 1, i++) {
    if (!LIST_INTRO.test(lines[i]) || /\b(?:ist|is|sind|are):[ \t]*$/.test(lines[i])) continue;
    let at = pos + lines[i].length + 1;
    for (let j = i + 1; j < lines.length && j <= i + 30; at += lines[j].length + 1, j++) {
      // one blank line may separate the introduction from its list; any other ends the list
      if (!lines[j].trim()) {
        if (j === i + 1) continue;
        break;
      }
      const m = LIST_ITEM.exec(lines[j]);
      const item = m && [m[0], m[1] ?? m[2]];
      // prose is no list item: a long line without the "Name:" shape ends the list
      if (!item || (lines[j].length > 160 && !/^[^:]{1,40}: /.test(lines[j]))) break;
      // an address line ("Hauptstraße 6") is no item
      if (!NOT_AN_ITEM.test(item[1]) && !GENERIC.test(item[1]) && !/\d$/.test(item[1])) add(item[1], at + lines[j].indexOf(item[1]), 'list-item');
      // "Hosting: Serverwerk", "Zahlung: Stripe": under a category label the name is the value
      const value = GENERIC.test(item[1]) ? /^[^:]{1,40}:[ \t]+([\p{L}\p{N}][\p{L}\p{N}³&'’.+-]{1,30}(?: [\p{L}\p{N}][\p{L}\p{N}³&'’.+-]{0,30}){0,3})/u.exec(lines[j].trim()) : null;
      if (value) add(value[1], at + lines[j].indexOf(value[1], lines[j].indexOf(':')), 'list-item');
    }
  }
}

/** Words that say data flows to, or a service is used from, whoever the sentence names. */
const RECEIVING =
  /\b(?:nutz|verwend|einsetz|einges|eingebunden|Anbieter|Dienst|bereitgestellt|betrieben|betreibt|gehostet|hostet|übermittel|weitergegeben|weitergeleitet|übertragen|Server|verarbeite|erhebt|erhoben|Auftrag|Empfänger|provid|operat|host|transfer|shar|process|collect|recipient|use[sd]?\b|using|servers?\b)/i;

/**
 * Whether the sentence that names an organisation without legal form says data goes there or a
 * service of it is used; a line that is only the name (an address block) is read with the
 * sentences before and after it in its section.
 */
export function presentedAsRecipient(name: string, sentence: string, neighbours: string[]): boolean {
  if (RECEIVING.test(sentence)) return true;
  const rest = sentence.replace(name, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return rest.length <= 3 && neighbours.some((s) => RECEIVING.test(s));
}

/** Bodies that receive data by law, not as the controller's recipients. */
const PUBLIC_BODY =
  /\b(?:Finanzamt|Finanzämter|Finanzbehörde|Behörde|Polizei|Staatsanwaltschaft|Gericht|Aufsichtsbehörde|Ministerium|Bundesamt|Landesamt|Datenschutzbeauftragte|Commissioner|Authority|Court|Police|Tax Office)\b/i;
/** The candidate is where data comes from: "Daten von X", "received from X". */
const SOURCE = /\b(?:Daten|Informationen|data|information) (?:\S+ ){0,3}(?:von|aus|from) (?:de[rnm] |the )?$|\b(?:erhalten|bekommen|received|obtain(?:ed)?) (?:\S+ ){0,4}(?:von|from) (?:de[rnm] |the )?$/i;
/** Whether the text before a name makes it where data comes from ("Daten aus dem X-Profil"). */
export const namedAsSource = (before: string): boolean => SOURCE.test(before);
/** The tool is said to process no personal data: "X verarbeitet keine personenbezogenen Daten". */
const NO_PERSONAL_DATA = /^[^.]{0,80}\b(?:verarbeitet|erhebt|speichert|sammelt|processes|collects|stores) (?:dabei )?(?:keine|no) (?:personenbezogenen |personal )?(?:Daten|data)\b/i;
/** A cookie's name: "Cookie X", "X-Cookie", "_x_session". */
/** A policy the candidate publishes is no sign it receives data: "die Datenschutzerklärung der X-Stiftung". */
const POLICY_OF = /\b(?:Datenschutzerklärung|Datenschutzhinweise|Datenschutzbestimmungen|Datenschutzrichtlinie|Nutzungsbedingungen|privacy policy|privacy statement|privacy notice|cookie statement|cookie policy|terms of (?:use|service))\b[^.]{0,20}\b(?:der|des|von|vom|of|from|at|by)\s+(?:the\s+)?["„“]?$/i;
const COOKIE = /\bCookies? (?:namens |named |mit dem Namen )?["„“]?$/i;

/**
 * Whether a candidate at [start, end) in the sentence from `sentenceStart` receives data: not a
 * link target, an example, a denied tool, a cookie's name, a source, a tool that processes no
 * personal data, or a public body.
 */
export function receivesData(text: string, start: number, end: number, sentenceStart: number, sentenceEnd: number): boolean {
  const before = text.slice(sentenceStart, start);
  const name = text.slice(start, end);
  if (/https?:\/\/\S*$|www\.\S*$|@\S*$/.test(before) || NOT_A_USE.test(before) || SOURCE.test(before) || POLICY_OF.test(before) || COOKIE.test(before)) return false;
  if (/^[-_]?Cookies?\b/i.test(text.slice(end, end + 8))) return false;
  if (PUBLIC_BODY.test(name)) return false;
  return !NO_PERSONAL_DATA.test(text.slice(end, sentenceEnd));
}

/**
 * "die Open-Source-Software X", "the open source tool X", "unsere eigene X-Instanz", "a self-hosted
 * instance": software the text presents as installed by the controller, not a service it subscribes to.
 */
const OWN_INSTALLATION =
  /\bopen[- ]?source\b|\bquelloffen|\beigene[nrm]? (?:[\p{L}\d.]+-)?Instanz\b|\b(?:our|its) own (?:\S+ )?instance\b|\bself-hosted\b|\bselbst gehostet|\bselbstgehostet/iu;

/** Whether one of the sentences that name a self-hostable tool presents it as the controller's own installation. */
export function presentedAsOwnInstallation(sentences: string[]): boolean {
  return sentences.some((s) => OWN_INSTALLATION.test(s));
}
