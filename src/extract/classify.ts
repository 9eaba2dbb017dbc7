import {
  ALTERNATIVE_AFTER,
  ALTERNATIVE_BEFORE,
  CONDITION,
  CONDITION_ON_TRANSFER,
  DEFINITION,
  EU_ONLY,
  EXCLUDING_BEFORE,
  MECHANISM_CUES,
  POSSIBLE,
  PRIVACY_SHIELD,
  RIGHTS_TEXT,
  ROLE_CUES,
  ROLE_DEFINITION,
  SELF_HOSTING_DENIED,
  THIRD_COUNTRY,
  TRANSFER_NEGATED,
  TRANSFER_VERB,
  URL_TEXT,
  US_COMPOUND,
} from './cues.js';
import type { CountryMention } from './countryMentions.js';
import type { Mechanism, Role } from './types.js';
import { countryByCode, isEuOrEea } from '../kb/countries.js';
import { firstAtOrAfter } from './spans.js';
import { multiScanner } from './multiScan.js';

/** A third country one sentence names for a recipient, with what the sentence says of it. */
export interface Destination {
  /** ISO alpha-2; null for an unnamed third country */
  country: string | null;
  /** the mechanisms the sentence states for this destination */
  mechanisms: Mechanism[];
  /** the sentence allows for the transfer there rather than saying it happens */
  possible: boolean;
  /** an unnamed country set apart from a named one ("Länder außerhalb Kanadas"): kept beside named destinations */
  other: boolean;
}

/** What one sentence says about one recipient. */
export interface SentenceFacts {
  roles: Role[];
  /** every mechanism named in the recipient's part of the sentence */
  mechanisms: Mechanism[];
  destinations: Destination[];
  /** the sentence says data goes (or may go) to the destinations, rather than only naming a safeguard */
  assertsTransfer: boolean;
  /** the sentence speaks of data going somewhere (a transfer verb, not denied), named or not */
  statesTransfer: boolean;
  negated: boolean;
  possible: boolean;
  /** names the (invalid) Privacy Shield: a US transfer without a mechanism */
  privacyShield: boolean;
  /** says the data stay in the EU ("ausschließlich die europäischen Rechenzentren") */
  euOnly: boolean;
}

// "nicht nach dem EU-US-Data Privacy Framework": the denial may reach into the word the cue starts in
const NEGATION_BEFORE = /\b(?:kein(?:e[nrs]?)?|no|not|without|ohne|nicht)\s+(?:\S+\s+){0,3}\S*$/i;

/** The global form of a cue, to find every place it occurs. */
const all = (re: RegExp) => new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');

// compiled once: the cues are read in every sentence that concerns a recipient, all of a list in one pass
const MECHANISM_SCAN = multiScanner(MECHANISM_CUES.map(({ re }) => re));
const ROLE_SCAN = multiScanner(ROLE_CUES.map(({ re }) => re));

interface MechanismHit {
  mechanism: Mechanism;
  at: number;
}

/** Every mechanism named and not denied ("kein Angemessenheitsbeschluss"), with where it is named. */
function mechanismHits(text: string): MechanismHit[] {
  const out: MechanismHit[] = [];
  MECHANISM_SCAN.scan(text).forEach((matches, k) => {
    for (const m of matches) if (!NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) out.push({ mechanism: MECHANISM_CUES[k].mechanism, at: m.index });
  });
  return out;
}

/** The mechanisms a text names, each once. */
export function mechanismsIn(text: string): Mechanism[] {
  return [...new Set(mechanismHits(text).map((h) => h.mechanism))];
}

export function rolesIn(text: string): Role[] {
  // every link URL_TEXT takes has a slash or "www." (most sentences have neither: no scan for it)
  const prose = text.includes('/') || /www\./i.test(text) ? text.replace(URL_TEXT, ' ') : text;
  const named = ROLE_SCAN.tests(prose);
  if (!named.includes(true)) return [];
  const defines = ROLE_DEFINITION.test(prose);
  return ROLE_CUES.filter(({ role }, k) => named[k] && !(role === 'self_hosted' && SELF_HOSTING_DENIED.test(prose)) && !(role === 'processor' && defines)).map(({ role }) => role);
}

/** Classifies the sentences of one document: `classify(sentence, sentenceStart, ranges, excluded)`. */
export type Classifier = (sentence: string, sentenceStart: number, ranges: [number, number][], excluded: (c: CountryMention, index: number) => boolean) => SentenceFacts;

/** What a sentence says regardless of which recipient it is read for (offsets relative to the sentence). */
interface SentenceReading {
  mechanisms: MechanismHit[];
  /** where the parts the sentence splits into begin: "für Kanada …; für andere Länder …" */
  segmentStarts: number[];
  /** [start, end) of conditions ("sofern …", "if …") */
  conditions: [number, number][];
  thirdCountries: number[]; // offsets of unnamed third countries ("in Drittländer")
  usCompounds: number[]; // offsets of "US-Server", "US-Muttergesellschaft"
  shields: number[]; // offsets of Privacy Shield mentions
  negated: boolean;
  /** the sentence allows for a transfer (a modal, or a condition on the transfer itself) */
  possible: boolean;
  verb: boolean;
  /** explains an instrument or lists data subjects' rights: says nothing about a transfer */
  inert: boolean;
  /** where the sentence keeps the data in the EU ("nur die Server in Deutschland"), -1 when it does not */
  euOnlyAt: number;
}

const THIRD_COUNTRY_ALL = all(THIRD_COUNTRY);
const US_COMPOUND_ALL = all(US_COMPOUND);
const PRIVACY_SHIELD_ALL = all(PRIVACY_SHIELD);
/** The matches of a global RegExp that never matches empty, as `matchAll` gives them (without copying the RegExp per call). */
function matchesOf(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = re.exec(text)); ) out.push(m);
  return out;
}
const offsets = (text: string, re: RegExp) => matchesOf(text, re).map((m) => m.index);

// where a sentence splits into parts that may state different destinations
const SEGMENT_BREAK = /;|,\s+(?:(?:und|sowie|and|while|whereas|während|wohingegen)\s+)?(?=(?:für|for|bei)\s)/gi;

function readSentence(sentence: string): SentenceReading {
  const segmentStarts = [0];
  for (const m of matchesOf(sentence, SEGMENT_BREAK)) segmentStarts.push(m.index + m[0].length);
  const conditions: [number, number][] = [];
  let conditional = false;
  for (const m of matchesOf(sentence, CONDITION)) {
    conditions.push([m.index, m.index + m[0].length]);
    if (CONDITION_ON_TRANSFER.test(m[0])) conditional = true;
  }
  const modal = POSSIBLE.test(sentence);
  return {
    mechanisms: mechanismHits(sentence),
    segmentStarts,
    conditions,
    thirdCountries: offsets(sentence, THIRD_COUNTRY_ALL),
    usCompounds: offsets(sentence, US_COMPOUND_ALL),
    shields: offsets(sentence, PRIVACY_SHIELD_ALL),
    negated: TRANSFER_NEGATED.test(sentence) && !modal,
    possible: modal || conditional,
    verb: TRANSFER_VERB.test(sentence),
    inert: DEFINITION.test(sentence) || RIGHTS_TEXT.test(sentence),
    euOnlyAt: sentence.search(EU_ONLY),
  };
}

/** Index of the part of the sentence `at` falls in (binary search over the part starts). */
function segmentOf(r: SentenceReading, at: number): number {
  let lo = 0, hi = r.segmentStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r.segmentStarts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether `at` lies inside a condition of the sentence (conditions are disjoint and in order). */
function inCondition(r: SentenceReading, at: number): boolean {
  let lo = 0, hi = r.conditions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.conditions[mid][0] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && at < r.conditions[lo - 1][1];
}

/** `at → whether it lies in one of the [a, b) ranges`, by binary search over the ranges sorted by start. */
function rangeTest(ranges: [number, number][]): (at: number) => boolean {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const reach: number[] = [];
  sorted.forEach(([, b], k) => reach.push(Math.max(b, k ? reach[k - 1] : -Infinity)));
  return (at) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid][0] <= at) lo = mid + 1;
      else hi = mid;
    }
    // the last range starting at or before `at`, or any earlier one reaching past it
    for (let k = lo - 1; k >= 0 && reach[k] > at; k--) if (sorted[k][1] > at) return true;
    return false;
  };
}

/** Words after a country that make it the name of its law or of a transfer instrument from it. */
const COUNTRY_LAW_AFTER = /^[\s-]?(?:GDPR|DSGVO|Addendum|IDTA\b|International Data Transfer (?:Addendum|Agreement)|Data Protection Act|DPA\b|FADP\b|revDSG\b|DSG\b|Datenschutzgesetz|Extension\b)/;

/**
 * A classifier for one document. `countries` are its country mentions, sorted by offset;
 * `excluded` gets a mention and its index there and says whether it is an address (the
 * recipient's own seat, the controller's), not a destination. `home` is the controller's country:
 * "outside the UK and the EEA" in a British policy is any third country, not "other countries
 * than a named destination".
 *
 * A sentence in a block about several recipients is classified once per recipient, mostly over
 * the same text, so what depends on the text alone (its reading, the roles of a stretch) is
 * remembered for the document's lifetime; what depends on the recipient's part is computed per call.
 */
export function documentClassifier(countries: CountryMention[], home: string | null = null): Classifier {
  const byStretch = new Map<string, Role[]>();
  const bySentence = new Map<string, SentenceReading>();
  return (sentence, sentenceStart, ranges, excluded) => {
    const own = ranges.map(([a, b]) => sentence.slice(a - sentenceStart, b - sentenceStart)).join(' … ');
    let roles = byStretch.get(own);
    if (!roles) byStretch.set(own, (roles = rolesIn(own)));
    let r = bySentence.get(sentence);
    if (!r) bySentence.set(sentence, (r = readSentence(sentence)));
    const inRanges = rangeTest(ranges);
    const inOwn = (at: number) => inRanges(at + sentenceStart);
    const hits = r.mechanisms.filter((h) => inOwn(h.at));
    const mechanisms = [...new Set(hits.map((h) => h.mechanism))];
    const facts = { roles, mechanisms, negated: r.negated, possible: r.possible, destinations: [] as Destination[], assertsTransfer: false, statesTransfer: false, privacyShield: false, euOnly: false };
    if (r.inert) return facts;

    // the destinations: third countries named in the recipient's part, not its address, not excluded ("außerhalb Kanadas")
    const found: { country: string | null; at: number; other: boolean; possible: boolean }[] = [];
    const possibleAt = (at: number, end: number) =>
      r.possible || inCondition(r, at) || ALTERNATIVE_BEFORE.test(sentence.slice(Math.max(0, at - 20), at)) || ALTERNATIVE_AFTER.test(sentence.slice(end, end + 8));
    const sentenceEnd = sentenceStart + sentence.length;
    for (let k = firstAtOrAfter(countries, sentenceStart); k < countries.length && countries[k].start < sentenceEnd; k++) {
      const c = countries[k];
      if (c.end > sentenceEnd) continue;
      if (!inRanges(c.start) || excluded(c, k) || isEuOrEea(c.code)) continue;
      // "the UK GDPR", "the UK Addendum", "das Schweizer DSG": the country's law, not a destination
      if (COUNTRY_LAW_AFTER.test(sentence.slice(c.end - sentenceStart, c.end - sentenceStart + 40))) continue;
      const at = c.start - sentenceStart;
      const outside = EXCLUDING_BEFORE.test(sentence.slice(Math.max(0, at - 25), at));
      // "outside the UK" in a British policy: some third country, as "outside the EU" is
      const apart = outside && c.code !== home;
      // "andere Länder außerhalb Kanadas" are set aside, not said to receive data: possible
      found.push({ country: outside ? null : c.code, at, other: apart, possible: apart || possibleAt(at, c.end - sentenceStart) });
    }
    for (const at of r.usCompounds) if (inOwn(at)) found.push({ country: 'US', at, other: false, possible: possibleAt(at, at + 2) });
    const unnamed = r.thirdCountries.find(inOwn);
    if (unnamed !== undefined && !found.length) found.push({ country: null, at: unnamed, other: false, possible: possibleAt(unnamed, unnamed) });

    // "betreibt Rechenzentren in den USA, wir nutzen aber nur die in Deutschland": the restriction undoes what precedes it
    const restricts = r.euOnlyAt >= 0 && inOwn(r.euOnlyAt) && !r.possible && !r.negated;
    const kept = restricts ? found.filter((d) => d.at > r.euOnlyAt) : found;
    const destinations: Destination[] = [];
    for (const d of kept) {
      const same = destinations.find((x) => x.country === d.country);
      if (same) same.possible &&= d.possible;
      else destinations.push({ country: d.country, mechanisms: [], possible: d.possible, other: d.other });
    }
    attachMechanisms(r, hits, kept, destinations);
    facts.destinations = destinations;
    facts.statesTransfer = r.verb && !r.negated;
    facts.assertsTransfer = destinations.length > 0 && facts.statesTransfer;
    facts.privacyShield = r.shields.some(inOwn) && !r.negated;
    facts.euOnly = restricts && !destinations.length;
    return facts;
  };
}

/**
 * Each mechanism goes to the destinations named in its part of the sentence ("für Kanada besteht ein
 * Angemessenheitsbeschluss; für andere Länder außerhalb Kanadas gelten Standardvertragsklauseln"),
 * else to every destination of the sentence. An adequacy decision is per country: where the
 * sentence names countries that have one, or an unnamed one, it goes to those only.
 */
function attachMechanisms(r: SentenceReading, hits: MechanismHit[], found: { country: string | null; at: number }[], destinations: Destination[]): void {
  if (!destinations.length) return;
  const byCountry = new Map(destinations.map((d) => [d.country, d]));
  const bySegment = new Map<number, Set<Destination>>();
  for (const d of found) {
    const seg = segmentOf(r, d.at);
    if (!bySegment.has(seg)) bySegment.set(seg, new Set());
    bySegment.get(seg)!.add(byCountry.get(d.country)!);
  }
  const adequate = (ds: Iterable<Destination>) => [...ds].filter((d) => d.country === null || countryByCode(d.country)?.adequacy);
  for (const h of hits) {
    const local = bySegment.get(segmentOf(r, h.at));
    let targets = local ? [...local] : destinations;
    if (h.mechanism === 'ADEQUACY' && adequate(targets).length) targets = adequate(targets);
    for (const d of targets) if (!d.mechanisms.includes(h.mechanism)) d.mechanisms.push(h.mechanism);
  }
}

