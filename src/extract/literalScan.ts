import { lowerCased } from './lowerCase.js';

/**
 * Exact and fast scanning for a long alternation of literal names between lookaround guards,
 * `(?<!…)(?:name|name|…)(?!…)` with the u flag (and optionally i): the country names, the legal
 * forms, the catalog's products.
 *
 * V8 runs such a RegExp by trying the guards and every alternative at every position, which
 * made these scans a fifth of extraction. A plain literal alternation without u or i is fast.
 * So a plain alternation finds the candidate positions — every position where the exact
 * RegExp could match, and more — and the exact RegExp, made sticky, decides at each one. The
 * matches are those of the exact RegExp's global scan, one for one.
 *
 * Case-insensitive names are looked for in the lower-cased text. Lower-casing keeps every
 * offset unless the text has "İ" (it lower-cases to two code units), and lower-cased text
 * equals lower-cased name wherever the i flag would match, except for the few characters that
 * Unicode case folding equates with a different lower-case letter ("ſ" ≡ "s", "µ" ≡ "μ"). A
 * text with any of them is scanned with the exact RegExp alone; tests/extract/literalScan
 * checks this list against every character the names use.
 *
 * The candidates also skip positions right after an ASCII character that the guard before the
 * names rejects (a letter, a digit, "." …): most of the text, cheaply, without the u flag.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lower-case characters that case folding equates with a different lower-case letter. */
export const FOLD_EXCEPTIONS = /[\u017f\u00b5\u03bc]/;

export interface LiteralScanner {
  /** The exact RegExp (global), as the scan's results are defined. */
  readonly exact: RegExp;
  /** Every match of `exact` in `text`, in order, as `exact.exec` returns them. */
  scan(text: string): RegExpExecArray[];
}

/**
 * `names` in the order the alternation should try them (longest first, for longest-match);
 * `before` and `after` are the lookaround guards around the alternation.
 */
export function literalScanner(names: readonly string[], before: string, after: string, caseInsensitive: boolean): LiteralScanner {
  const source = `${before}(?:${names.map(escape).join('|')})${after}`;
  const exact = new RegExp(source, caseInsensitive ? 'giu' : 'gu');
  const sticky = new RegExp(source, caseInsensitive ? 'iuy' : 'uy');
  const alternatives = [...new Set(names.map((n) => (caseInsensitive ? n.toLowerCase() : n)))].map(escape).join('|');
  const candidates = new RegExp(`${asciiGuard(before, caseInsensitive)}(?:${alternatives})`, 'g');
  return {
    exact,
    scan(text) {
      const haystack = caseInsensitive ? lowerCased(text) : text;
      if (haystack.length !== text.length || (caseInsensitive && FOLD_EXCEPTIONS.test(haystack))) return exactScan(exact, text, Infinity);
      return candidateScan(text, haystack, candidates, sticky, Infinity);
    },
  };
}

/** Up to `max` matches of a global RegExp that never matches empty, in order. */
function exactScan(exact: RegExp, text: string, max: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  exact.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < max && (m = exact.exec(text))) out.push(m);
  return out;
}

/**
 * The matches the exact RegExp's global scan finds (up to `max`), where `candidates` finds in
 * `haystack` every position one can start at: `sticky`, the exact RegExp made sticky, decides at each.
 */
function candidateScan(text: string, haystack: string, candidates: RegExp, sticky: RegExp, max: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  candidates.lastIndex = 0;
  let c: RegExpExecArray | null;
  while (out.length < max && (c = candidates.exec(haystack))) {
    sticky.lastIndex = c.index;
    const m = sticky.exec(text);
    if (m) {
      out.push(m);
      candidates.lastIndex = sticky.lastIndex; // the exact scan resumes after its match
    } else candidates.lastIndex = c.index + 1; // … and otherwise at the next position
  }
  return out;
}

/**
 * The same scan for a cue RegExp with the u and i flags (never matching empty) whose every match
 * begins with one of `starts`, lower-case literals: "Anbieter ist …", "provided by …". A RegExp
 * with u and i is slow to try at every position; the plain literals find the few worth trying, in
 * the lower-cased text (under the same conditions as `literalScanner`).
 */
export function startsScanner(exact: RegExp, starts: readonly string[]): { scan(text: string, max?: number): RegExpExecArray[] } {
  if (!exact.flags.includes('i') || !exact.flags.includes('u') || starts.some((s) => s !== s.toLowerCase())) throw new Error('startsScanner takes a u+i RegExp and lower-case starts');
  const flags = exact.flags.replace(/[gy]/g, '');
  const global = new RegExp(exact.source, flags + 'g');
  const sticky = new RegExp(exact.source, flags + 'y');
  const candidates = new RegExp(starts.map(escape).join('|'), 'g');
  return {
    scan(text, max = Infinity) {
      const haystack = lowerCased(text);
      if (haystack.length !== text.length || FOLD_EXCEPTIONS.test(haystack)) return exactScan(global, text, max);
      return candidateScan(text, haystack, candidates, sticky, max);
    },
  };
}

/**
 * A lookbehind, without the u flag, over the ASCII characters after which `before` never holds:
 * in lower-cased text, those whose every upper-case form (and the Kelvin sign for "k", the one
 * other character lower-casing to ASCII; checked by test) is rejected too.
 */
function asciiGuard(before: string, caseInsensitive: boolean): string {
  if (!before) return '';
  const holdsAfter = new RegExp(`${before}$`, caseInsensitive ? 'iu' : 'u');
  const rejected: string[] = [];
  for (let code = 0; code < 128; code++) {
    const c = String.fromCharCode(code);
    if (caseInsensitive && c !== c.toLowerCase()) continue; // lower-cased text has none
    const spellings = caseInsensitive ? [c, c.toUpperCase(), ...(c === 'k' ? ['\u212a'] : [])] : [c];
    if (spellings.every((x) => !holdsAfter.test(x))) rejected.push(`\\x${code.toString(16).padStart(2, '0')}`);
  }
  return rejected.length ? `(?<![${rejected.join('')}])` : '';
}

/**
 * The same matches as `before(?:name|name|…)after` with the u flag, for a list of names that
 * changes with every document (what one policy calls its recipients). Compiling that RegExp
 * per document cost more than scanning with it; here a one-class RegExp (the names' first code
 * units, after an ASCII character the guard allows) jumps to the positions worth a look, the
 * names are looked up by their first code unit, and only where one is spelled out are the
 * guards tested, given as zero-width sticky RegExps (`/(?<!…)/uy`, `/(?!…)/uy`). `names` in
 * alternation order (longest first); like the u flag, the scan never starts inside a surrogate pair.
 */
export function scanNames(text: string, names: readonly string[], before: RegExp, after: RegExp): { index: number; name: string }[] {
  const byFirst = new Map<number, string[]>();
  for (const n of names) {
    if (!n) continue;
    const list = byFirst.get(n.charCodeAt(0)) ?? [];
    list.push(n);
    byFirst.set(n.charCodeAt(0), list);
  }
  const out: { index: number; name: string }[] = [];
  if (!byFirst.size) return out;
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  const starts = new RegExp(`${asciiGuard(before.source, before.flags.includes('i'))}[${[...byFirst.keys()].map(hex).join('')}]`, 'g');
  const holds = (guard: RegExp, at: number) => {
    guard.lastIndex = at;
    return guard.test(text);
  };
  let m: RegExpExecArray | null;
  while ((m = starts.exec(text))) {
    const p = m.index;
    const insidePair = p > 0 && (text.charCodeAt(p) & 0xfc00) === 0xdc00 && (text.charCodeAt(p - 1) & 0xfc00) === 0xd800;
    let free: boolean | undefined; // the guard before p, tested once a name is spelled out here
    const name = insidePair ? undefined : byFirst.get(text.charCodeAt(p))!.find((n) => text.startsWith(n, p) && (free ??= holds(before, p)) && holds(after, p + n.length));
    if (name) {
      out.push({ index: p, name });
      starts.lastIndex = p + name.length;
    }
  }
  return out;
}
