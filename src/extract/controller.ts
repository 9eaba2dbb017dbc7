import type { CountryMention } from './countryMentions.js';
import type { OrgMention } from './organizations.js';
import type { Segmented } from './segment.js';
import type { Controller, Evidence } from './types.js';
import { nameKey } from './names.js';
import { legalFormOf } from '../kb/legalForms.js';

const CUE =
  /\b(?:Verantwortliche[rn]?|verantwortliche Stelle|Verantwortlich(?:er)? im Sinne|Diensteanbieter|Betreiber (?:dieser|der) (?:Website|Webseite)|controller|data controller|responsible (?:party|for))\b|^Wir,? die\b|\bWe,? (?:the )?\b/i;
// "Verantwortlich ist die …", "Verantwortlich für die Datenverarbeitung auf dieser Website ist:":
// the bare adjective only at a sentence's start (mid-sentence it is "nicht verantwortlich für …").
const CUE_AT_START = /^Verantwortlich\b[^.:]{0,80}?(?:\b(?:ist|sind)\b|:)/u;
const ADDRESS = /^(?:\d{4,5}|[A-Z]{1,2}-\d{4,5})\s+\p{Lu}|\d+[a-z]?\s*$|^(?:Postfach|P\.O\. Box)/u;
const PERSON_OR_FIRM = /^[\p{Lu}][\p{L}.'’&\-]*(?: (?:[/&] )?[\p{L}(][\p{L}.'’&()\-]*){0,6}$/u;

/**
 * The controller: the legal entity (or person) named after "Verantwortlicher … ist" or at the
 * head of an address block under such a heading; failing that, the entity the text names most.
 */
export function findController(text: string, seg: Segmented, orgs: OrgMention[], countries: CountryMention[], evidenceOf: (s: number) => Evidence): Controller {
  let cues = 0;
  for (let i = 0; i < seg.sentences.length && cues < 3; i++) {
    const s = seg.sentences[i];
    if (!CUE.test(s.text) && !CUE_AT_START.test(s.text)) continue;
    cues++;
    const windowEnd = seg.sentences[Math.min(i + 4, seg.sentences.length - 1)].end;
    const org = orgs.find((o) => o.start >= s.start && o.start < windowEnd && !/\b(?:beauftragte|behörde|landesamt)/i.test(o.name));
    // a name line directly followed by an address line: natural persons and firms without legal form
    let line: { name: string; start: number; end: number } | null = null;
    for (let j = i + 1; j < Math.min(i + 4, seg.sentences.length - 1); j++) {
      const a = seg.sentences[j], b = seg.sentences[j + 1];
      if (a.line !== s.line && PERSON_OR_FIRM.test(a.text) && a.text.length < 70 && (ADDRESS.test(b.text) || /^(?:Zum|Am|Im|An der|Auf der)\s/.test(b.text))) {
        line = { name: a.text, start: a.start, end: a.end };
        break;
      }
    }
    const pick = org && (!line || org.start <= line.start) ? { name: org.name, start: org.start, end: org.end } : line;
    if (pick) return describe(text, pick, countries, evidenceOf(i));
  }
  // no controller statement: the legal entity named most often
  const counts = new Map<string, { o: OrgMention; n: number }>();
  for (const o of orgs) {
    const k = nameKey(o.name);
    counts.set(k, { o: counts.get(k)?.o ?? o, n: (counts.get(k)?.n ?? 0) + 1 });
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || a.o.start - b.o.start)[0];
  if (best && best.n > 1) return describe(text, { name: best.o.name, start: best.o.start, end: best.o.end }, countries, null);
  return { name: null, legalForm: null, address: null, country: null, email: null, evidence: null };
}

function describe(text: string, pick: { name: string; start: number; end: number }, countries: CountryMention[], evidence: Evidence | null): Controller {
  const after = text.slice(pick.end, pick.end + 300);
  const email = /[\w.+-]+(?:@|\[at\]|\(at\))[\w-]+(?:\.[\w-]+)+/.exec(after)?.[0] ?? null;
  const addressLines = after.split('\n').slice(0, 5).filter((l) => ADDRESS.test(l.trim()) || /\d/.test(l)).slice(0, 2);
  const country = countries.find((c) => c.start >= pick.end && c.start < pick.end + 160)?.code;
  const form = legalFormOf(pick.name);
  const german = /\b\d{5}\s+\p{Lu}/u.test(after.slice(0, 160)) || (form?.countries[0] === 'DE' && !country);
  return {
    name: pick.name.trim(),
    legalForm: form?.form ?? null,
    address: addressLines.length ? addressLines.map((l) => l.trim()).join(', ') : null,
    country: country ?? (german ? 'DE' : form?.countries[0] ?? null),
    email,
    evidence,
  };
}
