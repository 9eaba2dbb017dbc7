import { MECHANISM_CUES, POSSIBLE, ROLE_CUES, ROLE_DEFINITION, SELF_HOSTING_DENIED, THIRD_COUNTRY, TRANSFER_NEGATED, TRANSFER_VERB, URL_TEXT } from './cues.js';
import type { CountryMention } from './countryMentions.js';
import type { Mechanism, Role } from './types.js';
import { isEuOrEea } from '../kb/countries.js';

/** What one sentence says about one recipient. */
export interface SentenceFacts {
  roles: Role[];
  mechanisms: Mechanism[];
  /** third countries the data goes to; null for an unnamed third country */
  destinations: (string | null)[];
  /** the sentence says data goes (or may go) to the destinations, rather than only naming a safeguard */
  assertsTransfer: boolean;
  negated: boolean;
  possible: boolean;
}

const NEGATION_BEFORE = /\b(?:kein(?:e[nrs]?)?|no|not|without|ohne|nicht)\s+(?:\S+\s+){0,3}$/i;

// compiled once: the cues are scanned for every sentence that concerns a recipient
const MECHANISM_SCANS = MECHANISM_CUES.map(({ mechanism, re }) => ({ mechanism, re: new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g') }));

export function mechanismsIn(text: string): Mechanism[] {
  const out: Mechanism[] = [];
  for (const { mechanism, re } of MECHANISM_SCANS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (!NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) {
        out.push(mechanism);
        break;
      }
    }
  }
  // a DPF certification rests on the Art. 45 decision for the US: recorded as DPF alone
  return out.includes('DPF') ? out.filter((x) => x !== 'ADEQUACY') : out;
}

export function rolesIn(text: string): Role[] {
  const prose = text.replace(URL_TEXT, ' ');
  const defines = ROLE_DEFINITION.test(prose);
  return ROLE_CUES.filter(({ role, re }) => re.test(prose) && !(role === 'self_hosted' && SELF_HOSTING_DENIED.test(prose)) && !(role === 'processor' && defines)).map(({ role }) => role);
}

/** Classifies the sentences of one document: `classify(sentence, sentenceStart, ranges, excluded)`. */
export type Classifier = (sentence: string, sentenceStart: number, ranges: [number, number][], excluded: (c: CountryMention, index: number) => boolean) => SentenceFacts;

/**
 * A classifier for one document. `countries` are its country mentions, sorted by offset;
 * `excluded` gets a mention and its index there and says whether it is an address (the
 * recipient's own seat, the controller's), not a destination.
 *
 * A sentence in a block about several recipients is classified once per recipient, mostly over
 * the same text, so what depends on the text alone is remembered for the document's lifetime
 * (the facts it returns are shared: read-only).
 */
export function documentClassifier(countries: CountryMention[]): Classifier {
  const byStretch = new Map<string, { roles: Role[]; mechanisms: Mechanism[]; thirdCountry: boolean }>();
  const bySentence = new Map<string, { negated: boolean; possible: boolean; verb: boolean }>();
  return (sentence, sentenceStart, ranges, excluded) => {
    const own = ranges.map(([a, b]) => sentence.slice(a - sentenceStart, b - sentenceStart)).join(' … ');
    const sentenceEnd = sentenceStart + sentence.length;
    const destinations: (string | null)[] = [];
    for (let k = firstAtOrAfter(countries, sentenceStart); k < countries.length && countries[k].start < sentenceEnd; k++) {
      const c = countries[k];
      if (c.end > sentenceEnd) continue;
      if (!ranges.some(([a, b]) => c.start >= a && c.end <= b) || excluded(c, k) || isEuOrEea(c.code)) continue;
      if (!destinations.includes(c.code)) destinations.push(c.code);
    }
    let stretch = byStretch.get(own);
    if (!stretch) byStretch.set(own, (stretch = { roles: rolesIn(own), mechanisms: mechanismsIn(own), thirdCountry: THIRD_COUNTRY.test(own) }));
    let whole = bySentence.get(sentence);
    if (!whole) {
      const possible = POSSIBLE.test(sentence);
      bySentence.set(sentence, (whole = { negated: TRANSFER_NEGATED.test(sentence) && !possible, possible, verb: TRANSFER_VERB.test(sentence) }));
    }
    if (!destinations.length && stretch.thirdCountry) destinations.push(null);
    return {
      roles: stretch.roles,
      mechanisms: stretch.mechanisms,
      destinations,
      assertsTransfer: destinations.length > 0 && whole.verb && !whole.negated,
      negated: whole.negated,
      possible: whole.possible,
    };
  };
}

/** Index of the first mention starting at or after `offset` (mentions sorted by start). */
function firstAtOrAfter(mentions: { start: number }[], offset: number): number {
  let lo = 0, hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
