import { PLURAL_SCOPE } from './cues.js';
import type { Mention } from './entities.js';
import type { Segmented } from './segment.js';

/** Which recipients a sentence speaks about, and for each the part of the sentence that is about it. */
export interface SentenceScope {
  sentence: number;
  /** entity id → the [start, end) stretches of the text that concern it */
  targets: Map<number, [number, number][]>;
  /** the recipients of the block the sentence sits in */
  block: Set<number>;
  /** recipients the sentence names itself, not through the block */
  named: Set<number>;
  /** true where no recipient is in scope: general text, candidate for policy-wide clauses */
  general: boolean;
}

/** A growing set as it was at one moment: its first `size` members. */
interface Snapshot {
  set: Set<number>;
  size: number;
}

function members({ set, size }: Snapshot): Set<number> {
  if (set.size === size) return new Set(set);
  const out = new Set<number>();
  for (const id of set) {
    if (out.size === size) break;
    out.add(id);
  }
  return out;
}

/** Sub-headings that continue the recipient above them rather than open a new topic. */
const CONTINUATION =
  /^(?:\S+\s+)?(?:Auftrags?verarbeitung|Auftragsberarbeitung|Rechtsgrundlagen?|Speicherdauer|Zweck|Zwecke|Erhobene Daten|Verarbeitete Daten|Datenarten|Empfänger|Datenübermittlung|Drittland|Drittlandtransfer|Datenverarbeitung außerhalb|Übermittlung|Widerspruch|Opt-?Out|IP-Anonymisierung|Speicherort|Löschfristen|Weitere Informationen|Einwilligung|Rechtsgrundlage für|Data Processing|Legal basis|Retention|Purpose|International transfers|Recipients?|Provider|Anbieter|Hinweis|Cookies?)\b/i;

/**
 * Walk the sections in order: a heading that names a recipient opens its block, a
 * continuation sub-heading (or a deeper-numbered one) keeps the block, any other heading
 * closes it. A sentence in a block speaks about the recipients it names, or else about all
 * recipients of the block; "alle Anbieter" widens that to the whole numbered section.
 */
export function scopeSentences(seg: Segmented, mentions: Mention[], isCountryLine: (s: string) => boolean): SentenceScope[] {
  const bySentence: Mention[][] = seg.sentences.map(() => []);
  let si = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    while (si < seg.sentences.length && seg.sentences[si].end <= m.start) si++;
    if (si < seg.sentences.length && seg.sentences[si].start <= m.start) bySentence[si].push(m);
  }
  // pass 1: the block each sentence is in and the recipients named in it up to that sentence.
  // Blocks and groups only grow, in insertion order, so what one had named by a sentence is its
  // first `size` members: kept as (set, size) and copied only where a sentence needs it.
  const blockOf: Snapshot[] = [];
  const blocks: Set<number>[] = [];
  const groups = new Map<string, Set<number>>();
  const groupOf: Snapshot[] = [];
  let blockLevel = 0;
  let group = '';
  let lastSection = -1;
  seg.sentences.forEach((s, i) => {
    const named = bySentence[i];
    if (s.section !== lastSection) {
      lastSection = s.section;
      const sec = seg.sections[s.section];
      const inHeading = sec.start === s.start ? named : [];
      if (sec.number) group = sec.number;
      const continues = CONTINUATION.test(sec.heading) || isCountryLine(sec.heading) || (sec.level > 0 && blockLevel > 0 && sec.level > blockLevel) || /:$/.test(s.text);
      if (inHeading.length || !continues || !blocks.length) {
        blocks.push(new Set());
        blockLevel = sec.level;
      }
    }
    const block = blocks[blocks.length - 1];
    named.forEach((m) => block.add(m.entity));
    if (!groups.has(group)) groups.set(group, new Set());
    const inGroup = groups.get(group)!;
    named.forEach((m) => inGroup.add(m.entity));
    // what the block and its numbered section have named so far: a sentence speaks of what came before it
    blockOf.push({ set: block, size: block.size });
    groupOf.push({ set: inGroup, size: inGroup.size });
  });

  // pass 2: a sentence speaks about what it names, else about its block ("alle Anbieter": its numbered section)
  const out: SentenceScope[] = [];
  seg.sentences.forEach((s, i) => {
    const named = bySentence[i];
    const block = members(blockOf[i]);
    const top = groupOf[i];
    const targets = new Map<number, [number, number][]>();
    const distinct = [...new Set(named.map((m) => m.entity))];
    if (distinct.length > 1) {
      // text before the first mention concerns all named recipients; after it, each owns the
      // stretch from its mention to the next other recipient's mention
      const ordered = [...named].sort((a, b) => a.start - b.start);
      for (const id of distinct) targets.set(id, ordered[0].start > s.start ? [[s.start, ordered[0].start]] : []);
      ordered.forEach((m, k) => {
        let next = s.end;
        for (let j = k + 1; j < ordered.length; j++) if (ordered[j].entity !== m.entity) { next = ordered[j].start; break; }
        targets.get(m.entity)!.push([m.start, next]);
      });
    } else if (distinct.length === 1) targets.set(distinct[0], [[s.start, s.end]]);
    else if (PLURAL_SCOPE.test(s.text) && (top.size > 1 || block.size > 1)) for (const id of new Set([...members(top), ...block])) targets.set(id, [[s.start, s.end]]);
    else for (const id of block) targets.set(id, [[s.start, s.end]]);
    out.push({ sentence: i, targets, block, named: new Set(distinct), general: targets.size === 0 });
  });
  return out;
}
