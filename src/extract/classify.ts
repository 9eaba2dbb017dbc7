import { MECHANISM_CUES, POSSIBLE, ROLE_CUES, SELF_HOSTING_DENIED, THIRD_COUNTRY, TRANSFER_NEGATED, TRANSFER_VERB } from './cues.js';
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

export function mechanismsIn(text: string): Mechanism[] {
  const out: Mechanism[] = [];
  for (const { mechanism, re } of MECHANISM_CUES) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    let m: RegExpExecArray | null;
    while ((m = g.exec(text))) {
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
  return ROLE_CUES.filter(({ role, re }) => re.test(text) && !(role === 'self_hosted' && SELF_HOSTING_DENIED.test(text))).map(({ role }) => role);
}

/**
 * Classify the stretches of a sentence that concern one recipient. `excluded` are country
 * mentions that are addresses (the recipient's own seat, the controller's), not destinations.
 */
export function classify(sentence: string, sentenceStart: number, ranges: [number, number][], countries: CountryMention[], excluded: (c: CountryMention) => boolean): SentenceFacts {
  const own = ranges.map(([a, b]) => sentence.slice(a - sentenceStart, b - sentenceStart)).join(' … ');
  const destinations: (string | null)[] = [];
  for (const c of countries) {
    if (c.start < sentenceStart || c.end > sentenceStart + sentence.length) continue;
    if (!ranges.some(([a, b]) => c.start >= a && c.end <= b) || excluded(c) || isEuOrEea(c.code)) continue;
    if (!destinations.includes(c.code)) destinations.push(c.code);
  }
  if (!destinations.length && THIRD_COUNTRY.test(own)) destinations.push(null);
  const mechanisms = mechanismsIn(own);
  const negated = TRANSFER_NEGATED.test(sentence) && !POSSIBLE.test(sentence);
  return {
    roles: rolesIn(own),
    mechanisms,
    destinations,
    assertsTransfer: destinations.length > 0 && TRANSFER_VERB.test(sentence) && !negated,
    negated,
    possible: POSSIBLE.test(sentence),
  };
}
