import type { OrgMention } from './organizations.js';
import type { Segmented } from './segment.js';
import type { Controller, Evidence } from './types.js';
import { countryOfAddress, itemKind, parseBlock, type Item, type ParsedBlock } from './addressBlock.js';
import { nameTokens } from './names.js';
import { legalFormOf } from '../kb/legalForms.js';
import { findVendorByName } from '../kb/vendors.js';
import { lowerCased, slicesLowerCase } from './lowerCase.js';

/**
 * The controller: the entity a controller statement or heading introduces, read from the
 * name-and-address block that follows it. Several introductions vote (a heading and its
 * sentence, the imprint); a block that belongs to the data-protection officer loses. Without
 * any introduction, only an organisation the text names as the one processing is done for
 * ("im Auftrag der X", 'X ("we")'), else the brand of the site's own e-mail domain as the text
 * spells it. Otherwise null: a wrong controller is worse than none.
 */

// How strongly an introduction names the controller.
const enum Weight { Imprint = 1.5, Operator = 2, Heading = 2.5, Statement = 3 }

// A statement that introduces the controller; the name follows the match. Gaps are bounded
// and stop at a colon or line end; a period only inside a citation ("Art. 4 Nr. 7").
// The three alternatives exclude each other (one way to match each character: no backtracking blow-up).
const GAP = String.raw`(?:[^.:\n]|\.(?=\s?[\p{Ll}\d])|(?<=\b(?:Art|Abs|Nr|lit|bzw|Ziff|S|ggf|gem|vgl|insb|i\.\s?S|z\.\s?B|i\.\s?V\.\s?m))\.(?!\s?[\p{Ll}\d]))`;
const ARTICLE = String.raw`(?:\s+(?:die|der|das|den|dem|the))?`;
// `legalName`: the phrase inflects what follows ("ein Angebot des Vereins") or also introduces
// descriptions ("We are a small team"); only a name with its legal form is taken.
// `hints`: lower-case words one of which the line must contain before the pattern is tried (most lines have none).
const STATEMENTS: { re: RegExp; weight: Weight; hints: string[]; legalName?: boolean }[] = [
  // "Verantwortlicher im Sinne der DSGVO ist:", "Die verantwortliche Stelle … ist die", "Verantwortlich für … sind:"
  { re: new RegExp(String.raw`(?:^|\b)(?:(?:Die|Der)\s+)?(?:datenschutzrechtlich\s+)?(?:Verantwortliche[rn]?|verantwortliche\s+Stelle|Verantwortlich(?:er|e)?)\b${GAP}{0,220}?\s(?:ist|sind)${ARTICLE}\s*(?::\s*|(?=\s)|$)`, 'u'), hints: ['verantwortlich'], weight: Weight.Statement },
  // "Für die Datenverarbeitung verantwortlich ist die …"
  { re: new RegExp(String.raw`\bFür\s+(?:die|den|das)\s${GAP}{0,120}?\sverantwortlich(?:\s+im\s+Sinne${GAP}{0,80}?)?\s+(?:ist|sind)${ARTICLE}\s*:?`, 'u'), hints: ['verantwortlich'], weight: Weight.Statement },
  // "The controller within the meaning of the GDPR is:", "The party responsible for processing data is:"
  { re: new RegExp(String.raw`\b(?:the\s+)?(?:data\s+)?controller\b${GAP}{0,200}?\s(?:is|are)${ARTICLE}\s*(?::\s*|(?=\s)|$)`, 'iu'), hints: ['controller'], weight: Weight.Statement },
  { re: new RegExp(String.raw`\b(?:responsible\s+(?:party|person|body|entity)|(?:party|person|body|entity)\s+responsible|responsible\s+for\s+(?:the\s+)?(?:data\s+)?processing)\b${GAP}{0,160}?\s(?:is|are)${ARTICLE}\s*(?::\s*|(?=\s)|$)`, 'iu'), hints: ['responsible'], weight: Weight.Statement },
  // "Betreiber dieser Website ist", "Anbieter dieser Seiten ist", "Diensteanbieter im Sinne … ist"
  { re: new RegExp(String.raw`\b(?:Betreiber(?:in)?|Anbieter(?:in)?)\s+(?:dieser|der|des|unserer|unseres)\s+(?:Website|Webseiten?|Internetseiten?|Seiten?|Homepage|App|Anwendung|Plattform|Online[- ]?Angebots?|Dienstes|Angebots)\s+(?:ist|sind)${ARTICLE}\s*:?`, 'iu'), hints: ['betreiber', 'anbieter'], weight: Weight.Operator },
  { re: new RegExp(String.raw`\bDiensteanbieter(?:in)?\b${GAP}{0,80}?\s(?:ist|sind)${ARTICLE}\s*:?`, 'u'), hints: ['diensteanbieter'], weight: Weight.Operator },
  // "Die Datenverarbeitung … erfolgt durch den Websitebetreiber Muster GmbH"
  { re: /\berfolgt durch (?:den|die) (?:Website|Webseiten|Seiten)?[Bb]etreiber(?:in)?\s+/u, hints: ['erfolgt durch'], weight: Weight.Operator },
  // "This website is operated by:", "Our app is provided by Muster Ltd"
  { re: /(?:^|[.!?]\s+)(?:This|Our)\s+(?:website|web ?site|site|app|application|domain|online service|online offering)s?\s+(?:is|are)\s+(?:operated|run|provided|owned|published)\s+by\s*:?/u, hints: ['by'], weight: Weight.Operator },
  // "Wir, die Muster GmbH, …", "We, Muster Ltd, …"
  { re: /(?:^|[.!?]\s)(?:Wir|We)(?:,\s+(?:die|der|das|the)?|\s+(?:die|der|das|the))\s*/u, hints: ['wir', 'we'], weight: Weight.Operator },
  // "Diese Website ist ein Angebot der Muster GmbH", "We are Muster Ltd, a company …"
  { re: /\b(?:ist|sind) ein(?:e)? (?:Angebot|Service|Dienst|Projekt|Produkt|Website|Plattform) (?:der|des|von)\s+/u, hints: ['ein'], weight: Weight.Operator, legalName: true },
  { re: /(?:^|[.!?]\s)We are\s+/u, hints: ['we are'], weight: Weight.Operator, legalName: true },
];

// A line ending in a colon that speaks of the controller introduces the block below it:
// "Kontaktdaten des Verantwortlichen:", "You can reach the responsible person at:".
const COLON_INTRO = /(?:Verantwortlich|verantwortlich|controller|Controller|responsible|Responsible)[^\n]{0,160}:$/u;

// Headings (a line of their own) over the controller's block.
const HEADING = new RegExp(
  String.raw`^(?:(?:\d{1,2}\.)*\d{1,2}[.)]?\s+|[IVX]{1,4}\.\s+|[A-Z]\)\s+)?(?:` +
    [
      String.raw`Name und (?:Anschrift|Kontaktdaten|Adresse) de[rs] (?:[^\n]{0,40}\s)?(?:Verantwortlichen|verantwortlichen Stelle)`,
      String.raw`(?:Kontaktdaten|Angaben|Informationen|Hinweise?)\s+(?:zum|zur|zu|über|de[rs]|für)\s+(?:den\s+|die\s+|dem\s+)?(?:Verantwortlichen|verantwortlichen Stelle)`,
      String.raw`(?:Kontaktdaten\s+|Angaben zum\s+)?Verantwortliche[rn]?(?:\s+Stelle)?(?:\s+(?:für|im Sinne|gemäß|nach|i\.\s?S\.|und|\()[^\n]{0,70})?`,
      String.raw`Wer ist (?:[^\n]{0,60}\s)?verantwortlich[^\n]{0,60}`,
      String.raw`(?:Name and (?:address|contact details) of the |Owner and )?(?:data )?controller(?:\s+(?:within|in|under|according|pursuant|and|\()[^\n]{0,70})?`,
      String.raw`Responsible(?: party| person| body| entity)?(?:\s+(?:for|in|within|according)\s[^\n]{0,70})?`,
      String.raw`Who (?:we are|is responsible[^\n]{0,50})`,
    ].join('|') +
    String.raw`)\s*:?$`,
  'iu',
);
// Imprint headings and the operator's own heading: weaker, they need not name the controller.
const IMPRINT_HEADING =
  /^(?:(?:\d{1,2}\.)*\d{1,2}[.)]?\s+|[IVX]{1,4}\.\s+)?(?:Impressum|Imprint|Herausgeber(?:in)?|Publisher|Legal notice|Site notice|(?:Angaben|Informationen|Information)\s+(?:gemäß|gem\.|nach|according to|pursuant to)\s+§\s?5\s+(?:TMG|DDG)\b[^\n]{0,30}|(?:According|Pursuant) to (?:German )?§\s?5\s+(?:TMG|DDG)\b[^\n]{0,20}|Betreiber(?:in)?(?:\s+(?:der|dieser|des)\s+(?:Website|Webseite|Seite|App|Plattform|Dienstes))?|Anbieter(?:in)?\s+(?:der|dieser)\s+(?:Website|Webseite|Seite|App)|Diensteanbieter(?:in)?|Operator|Website operator|Service provider)\s*:?$/iu;

// A label with the block on its own line: "Verantwortlicher: Muster AG, Hauptstr. 1, 12345 Ort".
const LABEL =
  /^(?:(?:\d{1,2}\.)*\d{1,2}[.)]?\s+)?(?:(?:Kontaktdaten\s+(?:des\s+)?)?Verantwortliche[rn]?(?:\s+Stelle)?|Verantwortlich|(?:Data\s+)?Controller|Responsible(?:\s+party)?)(?:\s+(?:im|i\.\s?S\.|gemäß|gem\.|nach|für|for|within|in|under|according|pursuant|\()[^:\n]{0,160})?\s*:\s*(?=\S)/iu;
const IMPRINT_LABEL = /^(?:Herausgeber(?:in)?|Publisher|(?:Angaben|Informationen|Information)\s+(?:gemäß|gem\.|nach|according to|pursuant to)\s+§\s?5\s+(?:TMG|DDG))\s*:\s*(?=\S)/iu;

// A statement scoped to one service ("im Rahmen von X", "when you use X") is about that service's provider.
const VENDOR_SCOPE = /\b(?:im Rahmen (?:der|des|von)|bei (?:der )?Nutzung (?:von|der|des)|beim Besuch (?:von|der|des)|hinsichtlich|in Bezug auf|when (?:you )?(?:use|using|visit)|in connection with)\b/i;

// Content responsibility (§ 18 MStV), a DPO, an authority: not the controller.
const NOT_CONTROLLER_CONTEXT = /\b(?:Inhalte?s?|content|redaktionell|editorial|MStV|RStV)\b|§\s?55\b/i;
const DPO = /datenschutzbeauftragt|data protection officer|\bDPO\b|\bDSB\b|privacy officer/i;
const AUTHORITY = /Aufsichtsbehörde|Landesbeauftragte|Bundesbeauftragte|Landesamt für Datenschutz|Datenschutzbehörde|supervisory authority|Commissioner|Beauftragte[rn]? für (?:den )?Datenschutz/i;
// Definitions and references instead of a name ("die natürliche oder juristische Person, die …")
const GENERIC =
  /§|natürliche oder juristische|natural or legal|im Sinne|within the meaning|Grundverordnung|General Data Protection|\bDSGVO\b|\bGDPR\b|\bArt\.|\b(?:dieser|diese[rn]?|this|our|unsere[rn]?) (?:Website|Webseite|Seite|site|website|Datenschutzerklärung|privacy)|\b(?:folgende|following|nachfolgend|unten|oben|below|above|siehe|see)\b|Impressum|imprint/i;
// A role instead of a name ("ist der Websitebetreiber", "is the site owner")
const ROLE_NOUN = /^(?:(?:Website|Webseiten|Seiten|Plattform|App)-?)?(?:betreiber|anbieter|inhaber|verantwortliche|dienstleister)(?:in|s|n)?\b|^(?:website |site )?(?:operator|owner|provider)s?\b/i;
const FUNCTION_WORD =
  /^(?:die|der|das|den|dem|des|ein|eine|einer|wir|uns|unser|unsere|ihr|ihre|sie|es|er|jede[rs]?|diese[rs]?|verpflichtet|zuständig|you|we|our|us|this|these|a|an|it|he|she|they|obliged|responsible)\b/i;
// Organisation words: a name without legal form that still names an organisation.
const ORG_WORD =
  /(?:verein|stiftung|foundation|gesellschaft|institut|universität|university|hochschule|klinik|klinikum|universitätsmedizin|ministerium|ministry|amt|behörde|stadt|gemeinde|landkreis|kreis|bezirk|kommune|municipality|council|kirche|verband|association|club|genossenschaft|initiative|projekt|project|lab|labor)\b/i;

interface Candidate {
  block: ParsedBlock;
  weight: number;
  at: number;
}

/** Non-empty lines with their offsets. */
function linesOf(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let pos = 0;
  for (const l of text.split('\n')) {
    const lead = l.length - l.trimStart().length;
    const t = l.trim();
    if (t) out.push({ text: t, start: pos + lead });
    pos += l.length + 1;
  }
  return out;
}

/** Split a stretch of one line into items at commas, semicolons, bars and middle dots. */
function splitItems(s: string, start: number, newLine: boolean, out: Item[]): void {
  const re = /[^,;|·•]+/g;
  let m: RegExpExecArray | null;
  let first = true;
  while ((m = re.exec(s))) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    // "Beispiel Srl – Via Roma 1": a dash before an address part separates two items
    const dash = / [–-] (?=\S)/.exec(t);
    if (dash && itemKind(t.slice(dash.index + 3)) !== 'text') {
      out.push({ text: t.slice(0, dash.index), start: start + m.index + lead, newLine: first ? newLine : false });
      out.push({ text: t.slice(dash.index + 3), start: start + m.index + lead + dash.index + 3, newLine: false });
    } else if (t) out.push({ text: t, start: start + m.index + lead, newLine: first ? newLine : false });
    first = false;
  }
}

const MAX_BLOCK_LINES = 9;

// Where an inline statement ends: a period before a capital, not after an abbreviation, a single
// letter ("e. V.") or a street ("Hauptstr. 1" has a digit after it and never ends one).
const STATEMENT_END = /[.!?](?=\s+[„"(]?\p{Lu})/gu;
const NO_END_AFTER = /(?:\b\p{L}|str|\b(?:Nr|St|Dr|Prof|Inc|Ltd|Co|Corp|Abs|Art|bzw|ca|Tel|Fax|Hd|gem|vgl))$/iu;
function statementEnd(line: string, from: number): number {
  STATEMENT_END.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = STATEMENT_END.exec(line))) if (!NO_END_AFTER.test(line.slice(Math.max(from, m.index - 6), m.index))) return m.index + 1;
  return line.length;
}

/** Items from an offset inside line `li` (the rest of that statement) and the lines below it. */
function blockItems(lines: { text: string; start: number }[], li: number, from: number): Item[] {
  const items: Item[] = [];
  const line = lines[li];
  const lineEnd = line.start + line.text.length;
  const restEnd = line.start + statementEnd(line.text, from - line.start);
  const rest = line.text.slice(from - line.start, restEnd - line.start);
  if (rest.trim()) splitItems(rest, from, true, items);
  // a statement that ends mid-line or with its period is complete; one that ends the line may go on below
  if (rest.trim() && (restEnd < lineEnd || (/\.\s*$/.test(rest) && !/\b(?:e\.\s?V|Inc|Ltd|Co|Corp|e\.\s?K|S\.\s?A|B\.\s?V|N\.\s?V)\.\s*$/.test(rest)))) return items;
  for (let j = li + 1; j < lines.length && j <= li + MAX_BLOCK_LINES; j++) {
    const l = lines[j].text;
    if (l.length > 160) break;
    splitItems(l, lines[j].start, true, items);
  }
  return items;
}

// "ist das Bayerische Staatsministerium …" names the "Bayerisches Staatsministerium": after a
// definite article a leading adjective is inflected weakly; the name on its own is strong.
const WEAK_ADJECTIVE = /^((?:\p{Lu}\p{Ll}{0,30}(?:isch|sch|ig|lich|al|ell|iv|ein|ar)e )(?:\p{Lu}\p{Ll}{0,30}(?:isch|sch|ig|lich|al|ell|iv|ein|ar)e ){0,2})(?=\p{Lu})/u;
function nominative(name: string, before: string): string {
  const article = /\b(das|der)\s*:?\s*$/i.exec(before)?.[1].toLowerCase();
  const m = article && WEAK_ADJECTIVE.exec(name);
  if (!m) return name;
  const ending = article === 'das' ? 's' : 'r';
  return m[1].replace(/e(?= )/gu, `e${ending}`) + name.slice(m[1].length);
}

const ACADEMIC = /^(?:med|dent|vet|rer|nat|pol|oec|phil|jur|habil|theol|pharm|paed|sc)\.$/;

function plausibleName(name: string, block: ParsedBlock): boolean {
  if (!name || name.length > 120 || name.split(/\s+/).length > 12) return false;
  if (GENERIC.test(name) || ROLE_NOUN.test(name) || DPO.test(name) || AUTHORITY.test(name) || FUNCTION_WORD.test(name) || /:$/.test(name)) return false;
  const form = legalFormOf(name);
  // a name starts with a capital or digit; lower-case brands only with a legal form or a dot ("chaos.social e.V.", "b.tree")
  if (!/^[\p{Lu}\d]/u.test(name) && !form && !/\p{L}\.\p{L}/u.test(name)) return false;
  if (form || ORG_WORD.test(name)) return true;
  // no legal form: a short run of capitalised words (a person, a firm), with connectors and a "/ brand" part
  const words = name.replace(/[(),/]/g, ' ').split(/\s+/).filter(Boolean);
  // (an academic title's lower-case parts: "Dr. med. dent.", "Prof. Dr. rer. nat.")
  const capitalised = words.every((w) => /^[\p{Lu}\d&]/u.test(w) || /^(?:von|van|de|der|den|zu|und|and|für|for|of|the|du|la|le|di|da|-|–|e\.V\.)$/i.test(w) || /\p{L}\.\p{L}/u.test(w) || ACADEMIC.test(w));
  return capitalised && words.length <= 8 && (block.address.length > 0 || words.length <= 4);
}

/** Which sentence holds an offset: binary search over the sorted sentences. */
function sentenceAt(seg: Segmented, offset: number): number {
  let lo = 0, hi = seg.sentences.length - 1, best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (seg.sentences[mid].start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

// Every hint of the statements, and per line which of them it contains (bit k for HINTS[k]).
const HINTS = [...new Set(STATEMENTS.flatMap((s) => s.hints))];
const HINT_BITS = STATEMENTS.map(({ hints }) => hints.reduce((bits, h) => bits | (1 << HINTS.indexOf(h)), 0));
if (HINTS.length > 31) throw new Error('controller statement hints must fit in one bit mask');

/**
 * Which hints each line contains, as `line.toLowerCase().includes(hint)` says: found by one
 * search per hint through the text lower-cased once (where its slices are the lines lower-cased
 * alone), not by a copy and a search per line and statement.
 */
function hintsPerLine(text: string, lines: { text: string; start: number }[]): number[] {
  const lower = lowerCased(text);
  if (!slicesLowerCase(text, lower)) return lines.map((l) => HINTS.reduce((bits, h, k) => (l.text.toLowerCase().includes(h) ? bits | (1 << k) : bits), 0));
  const bits = lines.map(() => 0);
  HINTS.forEach((h, k) => {
    let li = 0;
    for (let at = lower.indexOf(h); at >= 0; at = lower.indexOf(h, at + 1)) {
      while (li < lines.length && lines[li].start + lines[li].text.length < at + h.length) li++;
      if (li < lines.length && lines[li].start <= at) bits[li] |= 1 << k;
    }
  });
  return bits;
}

function candidatesOf(text: string, seg: Segmented): Candidate[] {
  const lines = linesOf(text);
  const hinted = hintsPerLine(text, lines);
  const out: Candidate[] = [];
  /** Whether the block after `from` names a plausible controller (and is now a candidate). */
  const add = (li: number, from: number, weight: number, at: number, legalName = false): boolean => {
    const block = parseBlock(blockItems(lines, li, from));
    if (!block || !plausibleName(block.name, block) || (legalName && !legalFormOf(block.name))) return false;
    out.push({ block: { ...block, name: nominative(block.name, text.slice(Math.max(0, from - 12), from)) }, weight, at });
    return true;
  };
  lines.forEach((line, li) => {
    const t = line.text;
    if (t.length <= 110 && !/[.!?]$/.test(t)) {
      const isDpoHeading = DPO.test(t) && !/Verantwortlich|verantwortlich|controller|Controller/.test(t);
      if (!isDpoHeading && !NOT_CONTROLLER_CONTEXT.test(t) && HEADING.test(t)) return add(li, line.start + t.length, Weight.Heading, line.start);
      if (IMPRINT_HEADING.test(t)) return add(li, line.start + t.length, Weight.Imprint, line.start);
    }
    if (COLON_INTRO.test(t) && !NOT_CONTROLLER_CONTEXT.test(t) && t.length <= 220) {
      // "Die Kontaktdaten des Datenschutzbeauftragten … lauten:" introduces the DPO, not the controller
      if (!DPO.test(t)) add(li, line.start + t.length, Weight.Statement, line.start);
      return;
    }
    // A label whose value names nobody is no label: "Verantwortlich für … ist die X GmbH. E-Mail: …"
    // reads as one up to the contact's colon; the line's statement still names the controller.
    const label = LABEL.exec(t);
    if (label && !NOT_CONTROLLER_CONTEXT.test(label[0]) && !DPO.test(label[0]) && add(li, line.start + label[0].length, Weight.Statement, line.start)) return;
    const imprint = IMPRINT_LABEL.exec(t);
    if (imprint && add(li, line.start + imprint[0].length, Weight.Imprint, line.start)) return;
    for (const [k, { re, weight, legalName }] of STATEMENTS.entries()) {
      if (!(hinted[li] & HINT_BITS[k])) continue;
      const m = re.exec(t);
      if (!m) continue;
      if (NOT_CONTROLLER_CONTEXT.test(m[0]) || DPO.test(m[0])) continue;
      // "Verantwortlich für die Verarbeitung im Rahmen von X ist die X Ltd": a vendor's own part, not the policy's
      const scoped = VENDOR_SCOPE.exec(m[0]);
      const own = scoped && /^\s*(?:\S+\s+){0,2}(?:diese[rsmn]?|unsere[rsmn]?|this|our)\b/i.test(m[0].slice(scoped.index + scoped[0].length));
      add(li, line.start + m.index + m[0].length, scoped && !own ? Math.min(weight, Weight.Operator) : weight, line.start + m.index, legalName);
    }
  });
  return out;
}

/** A block that carries a DPO's or an authority's details, or a vendor named as operator, counts less. */
function weightOf(c: Candidate): number {
  let w = c.weight + (c.block.address.length ? 1 : 0) + (legalFormOf(c.block.name) || ORG_WORD.test(c.block.name) ? 0.5 : 0);
  if (c.block.items.some((i) => DPO.test(i) || AUTHORITY.test(i))) w -= 3;
  // a vendor of the catalog is a recipient of most policies, the controller of almost none
  if (findVendorByName(c.block.name)) w -= c.weight < Weight.Heading ? 3 : 2;
  return w;
}

const sameEntity = (a: string, b: string) => {
  const [x, y] = [nameTokens(a), nameTokens(b)];
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  return s.length > 0 && s.every((t) => l.includes(t));
};

/** The best-supported candidate: its own weight, plus half a point per other introduction of the same entity. */
function choose(cands: Candidate[]): Candidate | null {
  let best: { c: Candidate; score: number } | null = null;
  const weights = cands.map(weightOf);
  cands.forEach((c, i) => {
    let score = weights[i];
    cands.forEach((d, j) => {
      if (j !== i && d.block.nameStart !== c.block.nameStart && sameEntity(c.block.name, d.block.name) && weights[j] > 0) score += 0.5;
    });
    if (!best || score > best.score || (score === best.score && c.at < best.c.at)) best = { c, score };
  });
  return best && (best as { score: number }).score >= 2.5 ? (best as { c: Candidate }).c : null;
}

// Without an introduction: an organisation the text names as the one processing happens for.
const ON_BEHALF_BEFORE = /\b(?:im Auftrag|on behalf)\s+(?:der|des|von|of)\s+(?:the\s+)?$/i;
const WE_BEFORE = /(?:^|[.!?]\s)(?:Wir|We),?\s+(?:die|der|das|the)?\s*$/;
// 'X ("we", "us")', 'X (doing business as Y) ("we")', 'X (nachfolgend „wir“)', 'X ("Acme", "we" or "us")', 'X ("Acme," "we")',
// 'X, a company registered in … (company no. 123) with its office at …, UK ("we")': within the sentence
const WE_AFTER =
  /^(?:[^()\n.]|\.(?=\s?[\p{Ll}\d])|\([^()\n]{0,60}\)){0,240}?\(\s*(?:(?:nachfolgend|im Folgenden|hereinafter|hereafter)\s+)?(?:auch\s+)?(?:(?:referred to as|bezeichnet als|genannt)\s+)?(?:[„"“'‚‘][^„"“”'‚‘’()\n]{1,40}[“”"'‘’]\s*(?:,|\bor\b|\band\b|\boder\b|\bund\b)?\s*(?:(?:or|and|oder|und)\s+)?){0,4}[„"“']?(?:wir|uns|we|us)\b/iu;
// 'X ist verantwortlich', 'X, Hauptstr. 1, 12345 Ort, is the controller': the address may come
// between (its periods are abbreviations, followed by a digit or lower case)
const STAYS_RESPONSIBLE = /^(?:[^.\n]|\.(?=\s?[\p{Ll}\d])){0,100}?\b(?:ist|bleibt|is|remains)\b[^.\n]{0,60}?\b(?:verantwortlich|Verantwortliche[rn]?|controller)\b/u;
const CONDITIONAL = /^(?:Soweit|Sofern|Wenn|Falls|If|When|Where|Insofar)\b|\b(?:nicht|not)\b/i;

function fallback(text: string, seg: Segmented, orgs: OrgMention[]): OrgMention | null {
  const votes = new Map<string, { o: OrgMention; n: number }>();
  for (const o of orgs) {
    const before = text.slice(Math.max(0, o.start - 30), o.start);
    const after = text.slice(o.end, o.end + 320);
    const s = seg.sentences[sentenceAt(seg, o.start)];
    const responsible = STAYS_RESPONSIBLE.test(after) && !CONDITIONAL.test(s?.text ?? '');
    if (!ON_BEHALF_BEFORE.test(before) && !WE_BEFORE.test(before) && !WE_AFTER.test(after) && !responsible) continue;
    if (findVendorByName(o.name)) continue;
    const k = nameTokens(o.name).join(' ');
    votes.set(k, { o: votes.get(k)?.o ?? o, n: (votes.get(k)?.n ?? 0) + 1 });
  }
  const best = [...votes.values()].sort((a, b) => b.n - a.n || a.o.start - b.o.start)[0];
  return best?.o ?? null;
}

// Without any name: the brand the site is named after, spelled as the text spells it ("b.tree"
// for office[at]btree.at). Free-mail domains name no brand.
const EMAIL_DOMAIN = /(?<![\w.+-])[\w.+-]+(?:@|\[at\]|\(at\))((?:[\w-]+\.){1,4}[a-z]{2,12})\b/gi;
const FREE_MAIL = new Set(['gmail', 'googlemail', 'gmx', 'web', 'outlook', 'hotmail', 'live', 'yahoo', 'icloud', 'me', 'posteo', 'proton', 'protonmail', 'mailbox', 't-online', 'freenet', 'aol', 'example', 'mail']);

function brandOfOwnDomain(text: string): string | null {
  const labels = new Map<string, number>();
  for (const m of text.matchAll(EMAIL_DOMAIN)) {
    const parts = m[1].toLowerCase().split('.');
    const label = parts[parts.length - 2];
    if (label.length >= 3 && !FREE_MAIL.has(label)) labels.set(label, (labels.get(label) ?? 0) + 1);
  }
  const label = [...labels.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!label || !/^[a-z\d-]+$/.test(label)) return null;
  // the label's letters with an optional dot, hyphen or space between them, not inside a domain or address
  const letters = [...label.replace(/-/g, '')].join('[.\\- ]?');
  const re = new RegExp(`(?<![\\p{L}\\d.@/-])${letters}(?![\\p{L}\\d@-]|\\.[\\p{L}\\d])`, 'giu');
  // counted twice where it opens a line (a heading names the product)
  const spellings = new Map<string, number>();
  for (const m of text.matchAll(re)) spellings.set(m[0], (spellings.get(m[0]) ?? 0) + (m.index === 0 || text[m.index - 1] === '\n' ? 2 : 1));
  const best = [...spellings.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best || best[1] < 2 || findVendorByName(best[0])) return null;
  return best[0];
}

export function findController(text: string, seg: Segmented, orgs: OrgMention[], evidenceOf: (s: number) => Evidence): Controller {
  const picked = choose(candidatesOf(text, seg));
  if (picked) return describe(picked.block, evidenceOf(sentenceAt(seg, picked.block.nameStart)));
  const org = fallback(text, seg, orgs);
  if (!org) {
    const brand = brandOfOwnDomain(text);
    const at = brand ? text.indexOf(brand) : -1;
    return { name: brand, legalForm: null, address: null, country: null, email: null, evidence: at >= 0 ? evidenceOf(sentenceAt(seg, at)) : null };
  }
  const lines = linesOf(text.slice(0, org.end + 300));
  const li = lines.findIndex((l) => l.start <= org.start && org.start <= l.start + l.text.length);
  const items = blockItems(lines, li, org.start);
  const block = parseBlock(items);
  // its address where the mention heads one ("X GmbH, Hauptstr. 1, 12345 Ort")
  const own = block && sameEntity(block.name, org.name) ? block : { name: org.name, address: [], nameStart: org.start, email: null, items: [org.name] };
  return describe({ ...own, name: org.name }, evidenceOf(sentenceAt(seg, org.start)));
}

function describe(block: ParsedBlock, evidence: Evidence): Controller {
  const form = legalFormOf(block.name);
  // the address decides; a legal form only where there is no address or the form belongs to one country
  const fromForm = form && (form.countries.length === 1 || !block.address.length) ? form.countries[0] : null;
  const country = countryOfAddress(block.address, block.items.join('\n'), form?.countries) ?? fromForm;
  return {
    name: block.name,
    legalForm: form?.form ?? null,
    address: block.address.length ? block.address.filter((a) => !/^\p{L}[\p{L} ]+$/u.test(a) || /\d/.test(a)).join(', ') || block.address.join(', ') : null,
    country,
    email: block.email,
    evidence,
  };
}
