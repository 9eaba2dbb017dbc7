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

/** Words that end a company name when walking left from its legal form. */
const STOP = new Set(
  `der die das des dem den ein eine einer eines einem einen ist sind war wird werden wurde von vom bei beim mit durch über
  für an auf aus zu zur zum im in und oder sowie bzw als wie gegenüber zwischen unter nach vor seit ab bis dass ob
  anbieter anbieterin anbieters betreiber betreiberin dienstleister dienstleisters hoster provider
  firma muttergesellschaft mutterunternehmen tochtergesellschaft schwesterunternehmen
  empfänger recipient wir uns unser unsere unseres we our us this these that those diese dieser dieses jene
  the a an by from with via at on to or and is are was were be been being operated provided offered owned run
  ihr ihre sie es er hier dort siehe see also including sowie z.b. e.g. i.e. etwa beispielsweise namely
  kontakt contact adresse address anschrift name firmenname inhaber owner controller verantwortlicher verantwortliche
  datenschutzerklärung datenschutzhinweise agb webanalysedienst analysedienst online-werbeprogramm
  wenn falls sofern soweit da weil nachdem sobald if when where while since because unless`.split(/\s+/).filter(Boolean),
);
const CONNECTORS = new Set(['&', '/', '-', '–', 'of', 'and', 'und', 'de', 'du', 'la', 'le', 'et', 'y', 'für', 'for', 'the']);
const MAX_TOKENS = 7;

/** Find every company name that ends in a legal form. Linear: one pass of a fixed alternation, then a bounded walk left. */
export function findOrganizations(text: string): OrgMention[] {
  const found = new Map<number, OrgMention>();
  for (const scanner of [FORMS.exact, FORMS.loose]) {
    for (const m of scanner.scan(text)) {
      const mention = nameBefore(text, m.index, m.index + m[0].length, m[0]);
      const prev = found.get(m.index);
      if (mention && (!prev || prev.end < mention.end)) found.set(m.index, mention);
    }
  }
  // a shorter form inside a longer one ("Ltd" in "Pty Ltd") yields two mentions; keep the longest
  const list = [...found.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  return list.filter((o, i) => !list.some((p, j) => j !== i && p.start <= o.start && p.end >= o.end && (p.end - p.start > o.end - o.start)));
}

function nameBefore(text: string, formStart: number, formEnd: number, form: string): OrgMention | null {
  const lineStart = text.lastIndexOf('\n', formStart - 1) + 1;
  let prefix = text.slice(Math.max(lineStart, formStart - 160), formStart);
  let commaBeforeForm = false;
  if (/,\s*$/.test(prefix)) {
    commaBeforeForm = true;
    prefix = prefix.replace(/,\s*$/, ' ');
  }
  if (!/\s$/.test(prefix) && prefix.length) return null; // legal form glued to a word: not a legal form
  const tokens = prefix.trimEnd().split(' ');
  const kept: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && kept.length < MAX_TOKENS; i--) {
    let tok = tokens[i];
    if (!tok) break;
    if (/[,;:]$/.test(tok) || /^[„“"‚‘'«»(]/.test(tok) && !/^\([^)]*\)$/.test(tok)) {
      const inner = tok.replace(/^[„“"‚‘'«»(]+/, '');
      if (!/[,;:]$/.test(tok) && inner && isNameToken(inner)) kept.unshift(inner);
      break;
    }
    tok = tok.replace(/[„“"‚‘'«»]+$/, '');
    const lower = tok.toLowerCase();
    if (STOP.has(lower) || STOP.has(lower.replace(/\.$/, ''))) break;
    if (CONNECTORS.has(lower)) {
      kept.unshift(tok);
      continue;
    }
    if (!isNameToken(tok) && !/^\p{Ll}+$/u.test(tok)) break;
    kept.unshift(tok);
  }
  while (kept.length && (CONNECTORS.has(kept[0].toLowerCase()) || !/[\p{Lu}\d.]/u.test(kept[0]))) kept.shift();
  if (!kept.length) return null;
  const body = kept.join(' ');
  const start = formStart - (prefix.length - prefix.trimEnd().length) - body.length - (commaBeforeForm ? 0 : 0);
  const realStart = text.lastIndexOf(body, formStart);
  const nameStart = realStart >= 0 ? realStart : start;
  const name = text.slice(nameStart, formEnd).replace(/\s+/g, ' ');
  return { name, legalForm: form, start: nameStart, end: formEnd };
}

function isNameToken(tok: string): boolean {
  // "Ideen³": a superscript digit is part of a name
  return /^[\p{L}\d(][\p{L}\d\p{No}.&'’()\-+!]*$/u.test(tok) && /[\p{Lu}\d]|\.\p{L}/u.test(tok);
}
