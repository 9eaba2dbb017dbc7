import { LEGAL_FORMS } from '../kb/legalForms.js';
import { literalScanner, type LiteralScanner } from './literalScan.js';

/** A legal entity named in the text: "Zoom Communications Inc.", found by its legal form. */
export interface OrgMention {
  name: string;
  legalForm: string;
  start: number;
  end: number;
}

/**
 * Legal forms that are also ordinary English words or short capitals are matched with their
 * exact case; the rest ("inc.", "gmbh") case-insensitively, as lower-case spellings occur.
 */
function legalFormScanners(): { exact: LiteralScanner; loose: LiteralScanner } {
  const variants = [...new Set(LEGAL_FORMS.flatMap((f) => [f.form, ...f.variants]))].sort((a, b) => b.length - a.length);
  const isLoose = (v: string) => v.replace(/[^A-Za-z]/g, '').length >= 3 && !/^(limited|company|corporation|group)$/i.test(v);
  const build = (vs: string[], caseInsensitive: boolean) => literalScanner(vs, '(?<![\\p{L}\\d.])', '(?![\\p{L}\\d])', caseInsensitive);
  return { exact: build(variants, false), loose: build(variants.filter(isLoose), true) };
}
const FORMS = legalFormScanners();

// ---------------------------------------------------------------------------------------------
// The left-boundary model. Walking left from a legal form, each token is a part of the name, a
// connector inside a name ("&", "of", "–"), or a boundary: the name is the run of name parts
// between the legal form and the nearest boundary. The phrasings that make a boundary are data.
// ---------------------------------------------------------------------------------------------

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Function words that never belong to a name: articles, pronouns, prepositions, verbs, conjunctions. */
const STOP = words(`
  der die das des dem den ein eine einer eines einem einen ist sind war wird werden wurde von vom bei beim mit durch über
  auf aus zu zur zum im in und oder sowie bzw als wie gegenüber zwischen unter nach vor seit ab bis dass ob
  wir uns unser unsere unseres unserer unserem unseren we our us this these that those diese dieser dieses diesem diesen jene deren dessen
  sein seine seinen seinem seiner seines ihren ihrem ihres welche welcher welches welchen welchem kein keine keinen alle allen
  the a an by from with via at on to or and is are was were be been being operated provided offered owned run
  ihr ihre ihrer sie es er hier dort siehe see also including z.b. e.g. i.e. etwa beispielsweise namely
  u.a. d.h. bspw. ggf. inkl. insb. vgl. etc. usw. evtl. sog. ehem. ehemals vormals früher formerly heute jetzt now
  kontakt contact adresse address anschrift name firmenname inhaber owner controller verantwortlicher verantwortliche
  datenschutzerklärung datenschutzhinweise agb webanalysedienst analysedienst online-werbeprogramm
  wenn falls sofern soweit da weil nachdem sobald if when where while since because unless`);

/**
 * Nouns that say what kind of organization follows ("das Unternehmen X Inc.", "des US-Anbieters
 * X, LLC", "deren Tochterunternehmen X BV", "the US company X Inc."): matched as a whole word or
 * as the last part of a compound, with German inflection endings.
 */
const HEAD_NOUN = new RegExp(
  '(?:unternehmen|konzern|gesellschaft|anbieter|dienstleister|betreiber|hoster|provider|firma|firmen|verarbeiter' +
    '|empfänger|hersteller|entwickler|herausgeber|plattform' +
    '|(?<=\\p{L}[\\p{L}-])(?:partner|unternehmer|tochter|mutter))(?:s|n|e|en|in|innen)?$',
  'u',
);
/** English head nouns are lower case; capitalised they are part of a name ("Host Europe GmbH", "Acme Partners Ltd"). */
const ENGLISH_HEAD = words(`company companies subsidiary subsidiaries affiliate affiliates parent vendor vendors processor processors
  operator firm entity host provider providers partner partners recipient recipients`);
/** Head nouns that are also words of English names: a head noun only after an article. */
const AMBIGUOUS_HEAD = words(`partner partners partnern`);
/**
 * Compounds that begin with a family relation name an affiliate ("Tochterfirma", "Mutterhaus");
 * compounds that end in one are head nouns above ("Konzerntochter", "US-Tochter").
 */
const AFFILIATE_PREFIX = /^(?:tochter|mutter|schwester)\p{Ll}*$/u;
/** Capitalised adjectives of origin before a name: "US-amerikanische", "EU-basierten", "US-based". */
const ORIGIN_ADJECTIVE = /^\p{Lu}{2,3}-(?:\p{Ll}+(?:isch|sch|ig|iert|ert)(?:e|en|er|es|em)?|basiert(?:e|en|er|es|em)?|based)$/u;
/** Inflected lower-case adjectives, which a lower-case brand is not: "einer deutschen GmbH", "die neue GmbH". */
const INFLECTED_ADJECTIVE = /(?:en|em|er|es)$|(?:nd|t|en|ig|ich|sch|al|ell|iv|är|klein|groß|gross|neu|ander)e$/u;
/** A lower-case word shaped like a verb in the third person singular: "uses", "engages", "nutzt", "verwendet". */
const VERB_FORM = /^(?!plus$)\p{Ll}{2,}[st]$/u;
/** Words of a lower-case name at most ("pixel digital gmbh"). */
const MAX_LOWER = 3;

/** Tokens that join the parts of one name. */
const CONNECTORS = words(`& + - – / of for de du la le et y`);
/**
 * Prepositions that are part of a name only in two shapes: a repeated word ("Tür an Tür",
 * "Schritt für Schritt") and an organization word governing "für" ("Gesellschaft für
 * Informatik"). Elsewhere they are the sentence's ("Daten an X GmbH", "der Verein an X e.V.").
 */
const NAME_PREPOSITIONS = words(`an für in um zu`);
const GOVERNED = 'für';
const GOVERNING_HEAD = /(?:gesellschaft|gemeinschaft|institut|verein|verband|zentrum|stiftung|akademie|agentur|büro|bund|bündnis|werk|initiative|netzwerk|forum|kreis|hilfe|schule|universität|kanzlei)$/u;

/** Words before a period that do not end a sentence (lower case, without the period). */
const ABBREVIATIONS = words(`
  abs art lit nr ca bzw ggf vgl inc ltd co corp str st dr prof evtl usw sog inkl zzgl ggü gem max min mr mrs ms no vs etc
  pty plc tel abschn ziff bspw insb resp jr sr av blvd ave rd mio mrd cf al approx fig pp sec hr fr mt mfg bros intl`);

const MAX_PARTS = 7;
/**
 * Legal forms read per document. Real policies name a few dozen, a long list of sub-processors
 * a few hundred; beyond this the text is crafted, and the forms after it are not read.
 */
const MAX_FORMS = 5000;
/** Long enough for any real name; the walk is bounded so the scan stays linear. */
const WINDOW = 160;

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Find every company name that ends in a legal form. Linear: one pass of a fixed alternation, then a bounded walk left. */
export function findOrganizations(text: string): OrgMention[] {
  const matches = [FORMS.exact, FORMS.loose].flatMap((scanner) => scanner.scan(text));
  // the bounded walk left costs tens of microseconds per form: a crafted text of nothing but
  // forms ("Inc. Inc. …", 400,000 of them in 2 MB) is cut to the first MAX_FORMS of them
  if (matches.length > MAX_FORMS) matches.sort((a, b) => a.index - b.index).length = MAX_FORMS;
  // where another legal form ends, another entity ends: "Anthropic PBC / OpenAI L.L.C."
  const formEnds = new Set(matches.map((m) => m.index + m[0].length));
  const formStarts = new Set(matches.map((m) => m.index));
  const found = new Map<number, OrgMention>();
  for (const m of matches) {
    // "GmbH-Anteile", "AG-Vertrag": the form is the first part of a compound word
    if (/^-\p{L}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    const mention = withGenitive(text, nameBefore(text, m.index, m[0], formEnds), formStarts);
    const prev = found.get(m.index);
    if (mention && (!prev || prev.end < mention.end)) found.set(m.index, mention);
  }
  // a shorter form inside a longer one ("Ltd" in "Pty Ltd") yields two mentions; keep the longest
  return withoutContained([...found.values()].sort((a, b) => a.start - b.start || b.end - a.end));
}

/**
 * The mentions no longer mention covers, in one pass over `list` sorted by start, longest
 * first: a mention is covered by one that starts before it and reaches as far (the furthest
 * end so far tells), or by the first, longest one of its own start.
 */
function withoutContained(list: OrgMention[]): OrgMention[] {
  const out: OrgMention[] = [];
  let reach = -Infinity; // the furthest end of the mentions that start before the current start
  let groupEnd = -Infinity; // the end of the longest mention of the current start
  for (let i = 0; i < list.length; i++) {
    const o = list[i];
    if (i === 0 || o.start !== list[i - 1].start) {
      for (let j = i - 1; j >= 0 && list[j].start === list[i - 1].start; j--) reach = Math.max(reach, list[j].end);
      groupEnd = o.end;
    }
    if (reach < o.end && groupEnd <= o.end) out.push(o);
  }
  return out;
}

/**
 * "DigitalService GmbH des Bundes": a genitive after the form that ends its line or clause is part
 * of the name; one that names another entity ("… der Acme Inc.") is not.
 */
const GENITIVE_AFTER = /^ (?:des|der) \p{Lu}[\p{L}\-]+(?: \p{Lu}[\p{L}\-]+)?(?=[ \t]*[\n,])/u;

function withGenitive(text: string, mention: OrgMention | null, formStarts: Set<number>): OrgMention | null {
  if (!mention) return null;
  // the end of the text ends the line
  const g = GENITIVE_AFTER.exec(text.slice(mention.end, mention.end + 60) + (mention.end + 60 >= text.length ? '\n' : ''));
  if (!g) return mention;
  for (let i = mention.end; i < mention.end + g[0].length; i++) if (formStarts.has(i)) return mention;
  return { ...mention, name: mention.name + g[0], end: mention.end + g[0].length };
}

function nameBefore(text: string, formStart: number, formText: string, formEnds: Set<number>): OrgMention | null {
  // "Google LLC. in den USA": an acronym takes no period; it is the sentence's
  const form = /^\p{Lu}{2,}\.$/u.test(formText) ? formText.slice(0, -1) : formText;
  // the line break is looked for inside the window only: a run of forms on one long line
  // ("Inc. Inc. Inc. …") would otherwise search back to the line's start from every form
  const lookFrom = Math.max(0, formStart - WINDOW - 1);
  const newline = text.slice(lookFrom, formStart).lastIndexOf('\n');
  const lineStart = newline >= 0 ? lookFrom + newline + 1 : lookFrom === 0 ? 0 : -1;
  const from = Math.max(lineStart, formStart - WINDOW);
  const prefix = text.slice(from, formStart);
  // a legal form glued to a word ("XYZAG") is none; a comma may precede it ("Acme, Inc.")
  if (!/\s$/.test(prefix)) return null;
  const tokens: Token[] = [];
  // "Anbieter:Acme GmbH": a colon or semicolon ends a token even without a space after it
  for (const t of prefix.matchAll(/[^\s:;]*[:;]|[^\s:;]+/g)) tokens.push({ text: t[0], start: from + t.index, end: from + t.index + t[0].length });
  // the window may cut a word: that word is not part of the name
  if (tokens.length && from > lineStart && !/\s/.test(text[from - 1])) tokens.shift();
  // "5.2 Stripe, Inc.", "§ 3 Acme GmbH": the numbering of a heading or list item is not part of the name
  else if (from === lineStart && tokens.length > 1 && /^(?:§|\d{1,2}(?:\.\d{1,2})+\.?)$/.test(tokens[0].text)) tokens.shift();
  const last = tokens[tokens.length - 1];
  if (last && /,$/.test(last.text)) tokens[tokens.length - 1] = { ...last, text: last.text.slice(0, -1), end: last.end - 1 };

  const parts = walkLeft(tokens, formEnds);
  let nameStart: number;
  if (parts.length) nameStart = parts[0].start;
  else {
    // a lower-case name only with a lower-case form: typed all in lower case, not "der ... GmbH"
    const single = form === form.toLowerCase() ? lowerCaseName(tokens) : null;
    if (!single) return null;
    nameStart = single.start;
  }
  const end = formStart + form.length;
  return { name: text.slice(nameStart, end).replace(/\s+/g, ' '), legalForm: form, start: nameStart, end };
}

/** The name parts left of the form, in text order, without leading connectors or lower-case words. */
function walkLeft(tokens: Token[], formEnds: Set<number>): Token[] {
  const kept: Token[] = [];
  let named = 0; // name parts kept so far (not connectors)
  let namedWords = 0; // of them, words that are not themselves a legal form ("Co." in "AG & Co. KG")
  for (let i = tokens.length - 1; i >= 0 && named < MAX_PARTS; i--) {
    const tok = tokens[i];
    const right = kept[0];
    // an entity ends where the legal form of another ends ("Anthropic PBC / OpenAI L.L.C."), unless the
    // forms make one ("Acme AG & Co. KG", "S.à r.l. et Cie, S.C.A.") or the form is a word of the name
    // ("SAS Institute Inc.")
    if (namedWords > 0 && formEnds.has(tok.end) && i > 0 && isNamePart(tokens[i - 1].text) && !STOP.has(tokens[i - 1].text.toLowerCase())) break;
    const opening = /^[„“"‚‘'«»(]+/.exec(tok.text);
    if (/[,;:]$/.test(tok.text)) break;
    if (opening && !/^\([^)]*\)$/.test(tok.text)) {
      // „Brand GmbH“: the opening quote starts the name
      const inner = { ...tok, text: tok.text.slice(opening[0].length), start: tok.start + opening[0].length };
      if (inner.text && isNamePart(inner.text) && !isBoundaryWord(inner.text, right, kept.length === 0)) kept.unshift(inner);
      break;
    }
    const bare = tok.text.replace(/[“”"‘’'«»]+$/u, '');
    if (endsSentence(bare) || LIST_MARKER.test(bare)) break;
    // "z. B. Acme GmbH": the second letter of a spaced abbreviation is no initial of the name
    if (/^\p{Lu}\.$/u.test(bare) && /^\p{Ll}\.$/u.test(tokens[i - 1]?.text ?? '')) break;
    const lower = bare.toLowerCase();
    // "by The Rocket Science Group LLC": inside a sentence a capitalised article starts the name
    if (bare === 'The' && named > 0) {
      if (i > 0 && !endsSentence(tokens[i - 1].text)) kept.unshift(tok);
      break;
    }
    if (CONNECTORS.has(lower)) {
      // "Zoom – Zoom Video Communications, Inc.": a brand, a dash, the company that starts with it
      if (/^[–-]$/.test(lower) && right && tokens[i - 1]?.text.toLowerCase() === right.text.toLowerCase()) break;
      kept.unshift(tok);
      continue;
    }
    if (NAME_PREPOSITIONS.has(lower)) {
      const left = tokens[i - 1]?.text.toLowerCase();
      if (!right || !left || !(left === right.text.toLowerCase() || (lower === GOVERNED && GOVERNING_HEAD.test(left)))) break;
      kept.unshift(tok);
      continue;
    }
    if (isBoundaryWord(bare, right, kept.length === 0)) break;
    // "unseres Partners Beta GmbH" but "Acme Partners Europe Ltd": after an article the word is the sentence's
    if (AMBIGUOUS_HEAD.has(lower) && kept.length > 0 && STOP.has(tokens[i - 1]?.text.toLowerCase())) break;
    // "Intercom uses Amazon Web Services, Inc.", "Zoom nutzt Google Cloud EMEA Limited": a verb in
    // the third person between a capitalised word and the name's words is the sentence's, not the
    // name's (whose lower-case words are others: "Schafe vorm Fenster UG", "Verein deutscher Ingenieure")
    if (namedWords > 0 && VERB_FORM.test(bare) && /^\p{Lu}/u.test(tokens[i - 1]?.text ?? '')) break;
    if (!isNamePart(bare) && !/^\p{Ll}+$/u.test(bare)) break;
    kept.unshift({ ...tok, text: bare, end: tok.start + bare.length });
    named++;
    if (!formEnds.has(tok.end)) namedWords++;
  }
  // a name starts with a capital, a digit or a domain: "die irische Google Ireland Limited", "salesforce.com inc."
  while (kept.length && (CONNECTORS.has(kept[0].text.toLowerCase()) || NAME_PREPOSITIONS.has(kept[0].text.toLowerCase()) || !/[\p{Lu}\d]|\.\p{L}/u.test(kept[0].text))) kept.shift();
  return kept;
}

/**
 * Articles, prepositions, organization-type nouns and adjectives of origin end a name. A head
 * noun right before the form is the name's own ("Wikimedia Fördergesellschaft mbH"), as is one
 * that governs a connector ("Gesellschaft für …").
 */
function isBoundaryWord(tok: string, right: Token | undefined, nextToForm: boolean): boolean {
  const lower = tok.toLowerCase();
  if (STOP.has(lower) || STOP.has(lower.replace(/\.$/, ''))) return true;
  if (ORIGIN_ADJECTIVE.test(tok)) return true;
  if (nextToForm) return false;
  if (right && (NAME_PREPOSITIONS.has(right.text.toLowerCase()) || CONNECTORS.has(right.text.toLowerCase()))) return false;
  return HEAD_NOUN.test(lower) || AFFILIATE_PREFIX.test(lower) || ENGLISH_HEAD.has(tok);
}

/**
 * A period ends the sentence unless it ends an abbreviation ("Co.", "St."), an initial or a
 * dotted abbreviation ("S.à r.l.", "z.B."); a citation's or a number's period ends it ("Art. 28
 * DSGVO. Vercel Inc.", "4.1. Google LLC").
 */
function endsSentence(tok: string): boolean {
  if (/[!?]$/.test(tok)) return true;
  if (!tok.endsWith('.')) return false;
  const word = tok.slice(0, -1).replace(/^[(]+/, '');
  if (/^\d[\d.]*$/.test(word)) return true;
  if (/^\p{L}$/u.test(word) || /\.\p{L}{1,3}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** "1)", "(a)", "iv)": the marker of a list item, before its name. */
const LIST_MARKER = /^\(?(?:\d{1,3}|\p{Ll}|[ivx]{1,4})\)$/u;

function isNamePart(tok: string): boolean {
  // "Ideen³": a superscript digit is part of a name
  return /^[\p{L}\d(][\p{L}\d\p{No}.&'’()\-+!]*$/u.test(tok) && /[\p{Lu}\d]|\.\p{L}/u.test(tok);
}

/**
 * A lower-case brand right before the form ("mit der tablegray gmbh", "die pixel digital ug"):
 * a few lower-case words after a clear boundary, none an inflected adjective ("einer deutschen GmbH").
 */
function lowerCaseName(tokens: Token[]): Token | null {
  let i = tokens.length;
  while (i > 0 && tokens.length - i < MAX_LOWER && /^\p{Ll}[\p{Ll}\d\-]{2,}$/u.test(tokens[i - 1].text) && !STOP.has(tokens[i - 1].text)) i--;
  const run = tokens.slice(i);
  if (!run.length || run.some((t) => INFLECTED_ADJECTIVE.test(t.text) || HEAD_NOUN.test(t.text) || ENGLISH_HEAD.has(t.text))) return null;
  const left = tokens[i - 1]?.text;
  return !left || STOP.has(left.toLowerCase()) || /[,;:(–-]$/.test(left) ? run[0] : null;
}
