/** A heading and the text under it, up to the next heading. */
export interface Section {
  heading: string;
  /** Depth of its numbering ("3" → 1, "3.1." → 2); 0 when unnumbered. */
  level: number;
  /** The numbering itself ("3.1"), empty when unnumbered. */
  number: string;
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  section: number;
  /** Index of the line (paragraph) the sentence sits in, so a following address line can be joined. */
  line: number;
}

export interface Segmented {
  sections: Section[];
  sentences: Sentence[];
}

const NUMBERING = /^((?:\d{1,2}\.)*\d{1,2}\.?|[IVX]{1,4}\.|[a-z]\))\s+(?=\S)/;
const BULLET = /^[-•*–·▪◦>|]/;
const ADDRESS_LINE = /^(?:\d{4,5}|[A-Z]{1,2}-\d{4,5})\s|\b(?:tel(?:efon)?|fax|e-?mail|phone|www\.|https?:)|@|\bstr(?:aße|\.)\s*\d|(?:straße|weg|allee|platz|ring|gasse|damm|street|road|avenue|boulevard)\s+\d/i;

/** Lines that open a section: short, no sentence punctuation at the end, not a list item or an address. */
export function isHeadingLine(line: string, next: string | undefined): boolean {
  if (!line || line.length > 110 || next === undefined) return false;
  if (BULLET.test(line) || ADDRESS_LINE.test(line) || line.includes(' | ') || /\S: \S/.test(line)) return false;
  if (/[.;,!"“”]$/.test(line) && !/^\d{1,2}(\.\d{1,2})*\.?$/.test(line.split(/\s/)[0] + '.')) {
    if (!NUMBERING.test(line) || /[;,]$/.test(line)) return false;
  }
  const body = line.replace(NUMBERING, '');
  if (!/^[A-ZÄÖÜ„"“'»(0-9]/.test(body) && !/^[a-z]+[A-Z]/.test(body)) return false;
  if (/^\d/.test(body) && !NUMBERING.test(line)) return false;
  return body.split(/\s+/).length <= 14 && !/[.!?]\s+[A-ZÄÖÜ]/.test(body);
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
function splitLine(line: string, offset: number, section: number, lineIndex: number, out: Sentence[]): void {
  let start = 0;
  const re = /[.!?](?=\s+["„“(]?[A-ZÄÖÜ0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const before = line.slice(Math.max(0, m.index - 12), m.index);
    const word = /([\p{L}\d.]+)$/u.exec(before)?.[1] ?? '';
    const bare = word.toLowerCase().replace(/^\.+/, '');
    if (m[0] === '.' && (ABBREVIATIONS.has(bare) || /^\d+$/.test(bare) || /^\p{L}$/u.test(bare) || /\.\p{L}$/u.test(bare))) continue;
    push(line, start, m.index + 1, offset, section, lineIndex, out);
    start = m.index + 1;
  }
  push(line, start, line.length, offset, section, lineIndex, out);
}

function push(line: string, from: number, to: number, offset: number, section: number, lineIndex: number, out: Sentence[]): void {
  while (from < to && line[from] === ' ') from++;
  while (to > from && line[to - 1] === ' ') to--;
  if (to > from) out.push({ text: line.slice(from, to), start: offset + from, end: offset + to, section, line: lineIndex });
}

/** Normalized text → sections (by heading lines) and sentences with offsets. */
export function segment(text: string): Segmented {
  const lines: { text: string; start: number }[] = [];
  let pos = 0;
  for (const l of text.split('\n')) {
    if (l.trim()) lines.push({ text: l, start: pos });
    pos += l.length + 1;
  }
  const sections: Section[] = [{ heading: '', level: 0, number: '', start: 0, end: text.length }];
  const sentences: Sentence[] = [];
  lines.forEach((line, i) => {
    if (isHeadingLine(line.text, lines[i + 1]?.text)) {
      const num = NUMBERING.exec(line.text)?.[1] ?? '';
      const clean = num.replace(/\.$/, '');
      const level = /^\d/.test(clean) ? clean.split('.').length : num ? 1 : 0;
      sections[sections.length - 1].end = line.start;
      sections.push({ heading: line.text.replace(/:$/, ''), level, number: /^\d/.test(clean) ? clean : '', start: line.start, end: text.length });
    }
    splitLine(line.text, line.start, sections.length - 1, i, sentences);
  });
  return { sections, sentences };
}
