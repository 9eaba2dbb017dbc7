import { COUNTRIES } from '../kb/countries.js';

export interface CountryMention {
  code: string;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Short all-capital forms ("US", "UK", "VAE") only in capitals; names case-insensitively.
const forms = COUNTRIES.flatMap((c) => c.names.map((n) => ({ n, code: c.code })));
const byForm = new Map<string, string>();
for (const { n, code } of forms) byForm.set(n.toLowerCase(), code);
const caps = forms.filter(({ n }) => n.replace(/\./g, '').length <= 3 && n === n.toUpperCase()).map(({ n }) => n);
const words = forms.filter(({ n }) => !caps.includes(n)).map(({ n }) => n);
const sorted = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).map(escape).join('|');
const CAPS_RE = new RegExp(`(?<![\\p{L}\\d.-])(?:${sorted(caps)})(?![\\p{L}\\d]|-[\\p{L}])`, 'gu');
const WORDS_RE = new RegExp(`(?<![\\p{L}\\d])(?:${sorted(words)})(?![\\p{L}\\d])`, 'giu');

/** Every place the text names a country, in German or English. */
export function findCountries(text: string): CountryMention[] {
  const out: CountryMention[] = [];
  for (const re of [CAPS_RE, WORDS_RE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const code = byForm.get(m[0].toLowerCase());
      if (code) out.push({ code, start: m.index, end: m.index + m[0].length });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out.filter((c, i) => !out.some((d, j) => j !== i && d.start <= c.start && d.end >= c.end && d.end - d.start > c.end - c.start));
}
