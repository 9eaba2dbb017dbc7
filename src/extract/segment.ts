/** A heading and the text under it, up to the next heading. */
export interface Section {
  heading: string;
  /** Depth of its numbering ("3" → 1, "3.1." → 2); 0 when unnumbered. */
  level: number;
  /** The numbering itself ("3.1"), empty when unnumbered. */
  number: string;
  start: number;
  end: number;
  /** Index of the enclosing section in the tree ("3" for "3.1", the last numbered heading for an unnumbered one); -1 for the root. */
  parent: number;
  /** Depth in the tree: the numbering's or the markdown level; one below the last numbered heading when unnumbered. */
  depth: number;
  /** Numbered or marked up ("3.1", "## …"): its depth is stated, not guessed. */
  structured: boolean;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  section: number;
  /** Index of the line (paragraph) the sentence sits in, so a following address line can be joined. */
  line: number;
  /** The sentence is its section's heading line (kept whole: "4.1.1. YouTube" is one sentence). */
  heading: boolean;
  /** The line is a list item: a bullet, or a line of the list a "…:" introduction opens. */
  item: boolean;
}

export interface Segmented {
  sections: Section[];
  sentences: Sentence[];
}

// "3.1.", "3.1 -", "7.2 – ", "8)", "IV.", "a)", "§ 4": the numbering of a heading and what separates it from the title
const NUMBERING = /^((?:\d{1,2}\.)*\d{1,2}[.)]?|[IVX]{1,4}\.|[a-z]\)|§ ?\d{1,2}[a-z]?)(?:\s+[-–—:|]|[-–—:|])?\s+(?=\S)/;
const MARKDOWN = /^(#{1,6})\s+(?=\S)/;
const BOLD_LINE = /^\*\*([^*]{1,100})\*\*:?$/;
const BULLET = /^[-•*–·▪◦>|]/;
const ADDRESS_LINE = /^(?:\d{4,5}|[A-Z]{1,2}-\d{4,5})\s|\b(?:tel(?:efon)?|fax|e-?mail|phone|www\.|https?:)|@|\bstr(?:aße|\.)\s*\d|(?:straße|weg|allee|platz|ring|gasse|damm|street|road|avenue|boulevard)\s+\d/i;
// a line of a postal address without the cues above: "Industriestr. 25", "901 Cherry Ave.", "San Francisco, CA 94107"
const ADDRESS_PART = /^\d{1,5}[a-z]? \p{L}|\p{L}(?:str\.|straße|weg|gasse|platz) \d|\b[A-Z]{2} \d{5}\b|^\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)? \d{1,3}[a-z]?$/u;

/** Lines that open a section: short, no sentence punctuation at the end, not a list item or an address. */
export function isHeadingLine(line: string, next: string | undefined): boolean {
  if (!line || line.length > 110 || next === undefined) return false;
  if (MARKDOWN.test(line) || BOLD_LINE.test(line)) return true;
  const numbered = NUMBERING.test(line);
  if (BULLET.test(line) || (!numbered && ADDRESS_LINE.test(line)) || line.includes(' | ') || /\S: \S/.test(line)) return false;
  if (/[.;,!"“”]$/.test(line) && !/^\d{1,2}(\.\d{1,2})*\.?$/.test(line.split(/\s/)[0] + '.')) {
    if (!numbered || /[;,]$/.test(line)) return false;
  }
  const body = line.replace(NUMBERING, '');
  // after a numbering the title may be lower-case ("4.4. hostingfirma", "2 - cookies"): the number marks it
  if (!/^[A-ZÄÖÜ„"“'»(0-9]/.test(body) && !/^[a-z]+[A-Z]/.test(body) && !(numbered && /^\p{Ll}/u.test(body))) return false;
  if (/^\d/.test(body) && !numbered) return false;
  return body.split(/\s+/).length <= 14 && !/[.!?]\s+[A-ZÄÖÜ]/.test(body);
}

/**
 * An unnumbered lower-case title ("hosting", "newsletter tool") stands alone between blank lines
 * with prose after it; a lower-case short line anywhere else is list content.
 */
function isLowerCaseHeading(line: string, blankBefore: boolean, blankAfter: boolean, next: string | undefined): boolean {
  return blankBefore && blankAfter && next !== undefined && /^\p{Ll}[\p{L}\d.&' -]{1,40}$/u.test(line) && !ADDRESS_LINE.test(line) && !hasParts(line, 5) && hasParts(next, 8) && /[.!?:]$/.test(next);
}

const ABBREVIATIONS = new Set(
  [
    'abs', 'art', 'lit', 'nr', 'z', 'b', 'u', 'a', 'ca', 'bzw', 'ggf', 'vgl', 'inc', 'ltd', 'co', 'corp', 'str', 'st', 'dr',
    'prof', 'e', 'v', 'd', 'h', 'i', 'r', 's', 'ff', 'f', 'evtl', 'usw', 'sog', 'inkl', 'zzgl', 'ggü', 'gem', 'gemäß', 'max',
    'min', 'mr', 'mrs', 'ms', 'no', 'vs', 'etc', 'e.g', 'i.e', 'u.a', 'z.b', 'd.h', 'pty', 'plc', 'llc', 'gmbh', 'sa', 'sas',
    'bv', 'nv', 'ag', 'l', 'c', 'tel', 'abschn', 'ziff', 'satz', 'bspw', 'insb', 'u.ä', 'o', 'ä', 'resp', 'jr', 'sr', 'av',
    'blvd', 'ave', 'rd', 'mio', 'mrd', 'zb', 'dh', 'ua', 'dsgvo', 'cf', 'al', 'approx', 'fig', 'p', 'pp', 'sec',
  ].map((s) => s.normalize('NFC')),
);

/** Split one line into sentences at [.!?] + space + capital, skipping abbreviations and ordinals. */
function splitLine(line: string, offset: number, at: Omit<Sentence, 'text' | 'start' | 'end'>, out: Sentence[]): void {
  let start = 0;
  const re = /[.!?](?=\s+["„“(]?[A-ZÄÖÜ0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const before = line.slice(Math.max(0, m.index - 12), m.index);
    const word = /([\p{L}\d.]+)$/u.exec(before)?.[1] ?? '';
    const bare = word.toLowerCase().replace(/^\.+/, '');
    if (m[0] === '.' && (ABBREVIATIONS.has(bare) || /^\d+$/.test(bare) || /^\p{L}$/u.test(bare) || /\.\p{L}$/u.test(bare))) continue;
    // a street's compound abbreviation before its number: "Hafenstr. 1", "Industriestr. 25a"
    if (m[0] === '.' && /\p{L}str$/u.test(bare) && /^\s+\d/.test(line.slice(m.index + 1, m.index + 4))) continue;
    push(line, start, m.index + 1, offset, at, out);
    start = m.index + 1;
  }
  push(line, start, line.length, offset, at, out);
}

function push(line: string, from: number, to: number, offset: number, at: Omit<Sentence, 'text' | 'start' | 'end'>, out: Sentence[]): void {
  while (from < to && line[from] === ' ') from++;
  while (to > from && line[to - 1] === ' ') to--;
  if (to > from) out.push({ text: line.slice(from, to), start: offset + from, end: offset + to, ...at });
}

interface Line {
  text: string;
  start: number;
  /** a blank line separates it from the line before */
  blankBefore: boolean;
}

/** Whether `l.split(' ')` has at least `n` parts, counted without splitting (a line may be a whole paragraph). */
function hasParts(l: string, n: number): boolean {
  let parts = 1;
  for (let i = l.indexOf(' '); i >= 0 && parts < n; i = l.indexOf(' ', i + 1)) parts++;
  return parts >= n;
}

const isProse = (l: string) => /[.!?]$/.test(l) && hasParts(l, 8);
const isAddressish = (l: string | undefined) => l !== undefined && l.length <= 70 && (ADDRESS_LINE.test(l) || ADDRESS_PART.test(l));

/** Another address line within two lines in direction `dir`, without a blank line between. */
function nearAddress(lines: Line[], i: number, dir: -1 | 1): boolean {
  for (let k = 1, j = i + dir; k <= 2 && j >= 0 && j < lines.length; k++, j += dir) {
    if ((dir < 0 ? lines[j + 1] : lines[j]).blankBefore) return false;
    if (isAddressish(lines[j].text)) return true;
  }
  return false;
}

/**
 * Which lines are headings and which are list items. A line after a "…:" introduction opens
 * that introduction's list: it and the lines that follow it without a blank line are items, not
 * headings (unless numbered or marked up); a prose line or a blank line before a non-bullet line
 * closes the list. A line between two address lines is part of the address.
 */
function classifyLines(lines: Line[]): ('heading' | 'item' | 'text')[] {
  const kinds: ('heading' | 'item' | 'text')[] = [];
  let list: 'closed' | 'opened' | 'running' = 'closed';
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    const t = line.text;
    // an address line next to another, the name line over an address, or the country line right under one
    const overAddress = next !== undefined && !next.blankBefore && isAddressish(next.text) && nearAddress(lines, i + 1, 1);
    const underAddress = !line.blankBefore && isAddressish(lines[i - 1]?.text) && !hasParts(t, 4);
    const inAddress = (isAddressish(t) && (nearAddress(lines, i, -1) || nearAddress(lines, i, 1))) || ((overAddress || underAddress) && !NUMBERING.test(t));
    // "10 Main Street" over a city line is an address: a bare number titles only over a blank line or prose
    const bareNumber = /^\d{1,3} /.test(t) && next !== undefined && !next.blankBefore && !isProse(next.text);
    const structural = MARKDOWN.test(t) || BOLD_LINE.test(t) || (!inAddress && !bareNumber && NUMBERING.test(t) && isHeadingLine(t, next?.text));
    const bullet = BULLET.test(t) && !BOLD_LINE.test(t);
    if (list === 'running' && line.blankBefore && !bullet) list = 'closed';
    const prose = isProse(t);
    if (structural) list = 'closed';
    else if (list !== 'closed' && prose && !bullet) list = 'closed';
    let kind: 'heading' | 'item' | 'text';
    if (structural) kind = 'heading';
    else if (bullet || list !== 'closed') kind = 'item';
    else {
      const heading = !inAddress && (isHeadingLine(t, next?.text) || isLowerCaseHeading(t, line.blankBefore, next?.blankBefore ?? true, next?.text));
      // "Folgende Daten:" over short lines introduces a list; "Hosting:" over prose is a title
      kind = heading && (!/:$/.test(t) || (next !== undefined && isProse(next.text))) ? 'heading' : 'text';
    }
    if (list === 'opened' && kind === 'item') list = 'running';
    if (kind !== 'heading' && /:$/.test(t)) list = 'opened';
    kinds.push(kind);
  });
  return kinds;
}

/** A heading line → its title, numbering and depth in the tree ("3.1" → 2, "## x" → 2; unnumbered: one below the last numbered). */
function headingOf(t: string, lastDepth: number): { heading: string; level: number; number: string; depth: number } {
  const md = MARKDOWN.exec(t);
  const bold = BOLD_LINE.exec(t);
  const title = md ? t.slice(md[0].length) : bold ? bold[1] : t;
  const num = NUMBERING.exec(title)?.[1] ?? '';
  const clean = num.replace(/[.)]$/, '');
  const dotted = /^\d/.test(clean);
  const level = dotted ? clean.split('.').length : num && !/\)$/.test(num) ? 1 : 0;
  const depth = md ? md[1].length : level || lastDepth + 1;
  return { heading: title.replace(/:$/, ''), level, number: dotted ? clean : '', depth };
}

/** Normalized text → sections (by heading lines, as a tree) and sentences with offsets. */
export function segment(text: string): Segmented {
  const lines: Line[] = [];
  let pos = 0;
  let blank = false;
  for (const l of text.split('\n')) {
    if (l.trim()) {
      lines.push({ text: l, start: pos, blankBefore: blank });
      blank = false;
    } else blank = true;
    pos += l.length + 1;
  }
  const kinds = classifyLines(lines);
  const sections: Section[] = [{ heading: '', level: 0, number: '', start: 0, end: text.length, parent: -1, depth: 0, structured: true }];
  const sentences: Sentence[] = [];
  // open sections by depth: the parent of a heading is the nearest open one above its depth
  const open: { index: number; depth: number }[] = [{ index: 0, depth: 0 }];
  let lastDepth = 0;
  lines.forEach((line, i) => {
    if (kinds[i] === 'heading') {
      const h = headingOf(line.text, lastDepth);
      const structured = h.level > 0 || MARKDOWN.test(line.text);
      if (structured) lastDepth = h.depth;
      while (open.length > 1 && open[open.length - 1].depth >= h.depth) open.pop();
      sections[sections.length - 1].end = line.start;
      sections.push({ heading: h.heading, level: h.level, number: h.number, start: line.start, end: text.length, parent: open[open.length - 1].index, depth: h.depth, structured });
      open.push({ index: sections.length - 1, depth: h.depth });
      push(line.text, 0, line.text.length, line.start, { section: sections.length - 1, line: i, heading: true, item: false }, sentences);
    } else splitLine(line.text, line.start, { section: sections.length - 1, line: i, heading: false, item: kinds[i] === 'item' }, sentences);
  });
  return { sections, sentences };
}
