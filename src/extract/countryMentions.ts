import { COUNTRIES } from '../kb/countries.js';
import { literalScanner } from './literalScan.js';

export interface CountryMention {
  code: string;
  start: number;
  end: number;
}

// Short all-capital forms ("US", "UK", "VAE") only in capitals; names case-insensitively.
const forms = COUNTRIES.flatMap((c) => c.names.map((n) => ({ n, code: c.code })));
const byForm = new Map<string, string>();
for (const { n, code } of forms) byForm.set(n.toLowerCase(), code);
const caps = forms.filter(({ n }) => n.replace(/\./g, '').length <= 3 && n === n.toUpperCase()).map(({ n }) => n);
const words = forms.filter(({ n }) => !caps.includes(n)).map(({ n }) => n);
const longestFirst = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);
const CAPS = literalScanner(longestFirst(caps), '(?<![\\p{L}\\d.-])', '(?![\\p{L}\\d]|-[\\p{L}])', false);
const WORDS = literalScanner(longestFirst(words), '(?<![\\p{L}\\d])', '(?![\\p{L}\\d])', true);
/** The longest country name; a mention can only be inside another that starts at most this far before it. */
const LONGEST = Math.max(...forms.map(({ n }) => n.length));

/** Every place the text names a country, in German or English. */
export function findCountries(text: string): CountryMention[] {
  const out: CountryMention[] = [];
  for (const scanner of [CAPS, WORDS]) {
    for (const m of scanner.scan(text)) {
      const code = byForm.get(m[0].toLowerCase());
      if (code) out.push({ code, start: m.index, end: m.index + m[0].length });
    }
  }
  out.sort((a, b) => a.start - b.start);
  // the two scans may overlap: a mention inside a longer one is dropped
  return out.filter((c, i) => !containedIn(out, i));
}

/** Whether another mention covers out[i] and is longer; `out` sorted by start. */
function containedIn(out: CountryMention[], i: number): boolean {
  const c = out[i];
  for (let j = i - 1; j >= 0 && out[j].start >= c.start - LONGEST; j--) if (out[j].end >= c.end && out[j].end - out[j].start > c.end - c.start) return true;
  for (let j = i + 1; j < out.length && out[j].start === c.start; j++) if (out[j].end >= c.end && out[j].end - out[j].start > c.end - c.start) return true;
  return false;
}
