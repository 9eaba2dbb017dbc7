import { rolesIn } from './classify.js';
import { PLURAL_SCOPE, REFERENCE_NOUN, SINGULAR_REFERENCE } from './cues.js';
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
  /** the targets come from a heading, a list introduction or a reference to a recipient named later, not from the recipient's own text */
  indirect: boolean;
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

/** The sections that contain section `i` (itself first, the root last). */
function ancestry(seg: Segmented, i: number): number[] {
  const out: number[] = [];
  for (let k = i; k >= 0; k = seg.sections[k].parent) out.push(k);
  return out;
}

/** Whether section `i` is section `a` or lies inside it (as `ancestry(seg, i).includes(a)`, without the array). */
function within(seg: Segmented, i: number, a: number): boolean {
  for (let k = i; k >= 0; k = seg.sections[k].parent) if (k === a) return true;
  return false;
}

/**
 * Walk the sections in order: a heading that names a recipient opens its block; a
 * continuation sub-heading, or a sub-section of a block a named heading opened, keeps the
 * block; any other heading closes it. A sentence speaks about the recipients it names; else
 * - a heading with a role ("Auftragsverarbeiter", "Joint controllers") about every recipient of its section tree
 *   (not "self-hosted": "Fonts (self-hosted)" says how the fonts are served, not who the host in the section is);
 * - a list introduction ("… folgende Dienstleister als Auftragsverarbeiter ein:") about the recipients of its list or sub-sections;
 * - a plural reference ("alle genannten Anbieter", "these providers") about the recipients of the smallest section above it that names several;
 * - a singular reference ("Das Unternehmen", "The provider") about the recipient named last in its block;
 * - before its block names anyone, a sentence about "the host"/"den Anbieter" about the recipients its section names further on;
 * - in a list item that named recipients before it, about those;
 * - otherwise about every recipient of its block.
 */
export function scopeSentences(seg: Segmented, mentions: Mention[], isCountryLine: (s: string) => boolean): SentenceScope[] {
  const bySentence: Mention[][] = seg.sentences.map(() => []);
  let si = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    while (si < seg.sentences.length && seg.sentences[si].end <= m.start) si++;
    if (si < seg.sentences.length && seg.sentences[si].start <= m.start) bySentence[si].push(m);
  }
  // the recipients each section names in its own text, and in its whole tree (children come after their parent)
  const own: Set<number>[] = seg.sections.map(() => new Set());
  seg.sentences.forEach((s, i) => bySentence[i].forEach((m) => own[s.section].add(m.entity)));
  const tree: Set<number>[] = own.map((o) => new Set(o));
  for (let k = seg.sections.length - 1; k > 0; k--) {
    const p = seg.sections[k].parent;
    if (p >= 0) tree[k].forEach((id) => tree[p].add(id));
  }
  // pass 1: the block each sentence is in, the recipients named in it up to that sentence, and the last one named.
  // Blocks only grow, in insertion order, so what one had named by a sentence is its first `size` members:
  // kept as (set, size) and copied only where a sentence needs it.
  const blockOf: Snapshot[] = [];
  const lastOf: (number | undefined)[] = [];
  // per list item, the recipients its line named before each sentence ("Email: we use X. Transfers … are covered by …")
  const itemOf: (Set<number> | undefined)[] = [];
  let item: { line: number; named: Set<number> } | undefined;
  let block = new Set<number>();
  let opener = { section: 0, named: false };
  let last: number | undefined;
  let lastSection = -1;
  seg.sentences.forEach((s, i) => {
    const named = bySentence[i];
    if (s.section !== lastSection) {
      lastSection = s.section;
      const sec = seg.sections[s.section];
      const inHeading = s.heading ? named : [];
      const below = within(seg, s.section, opener.section) && s.section !== opener.section;
      // a numbered or marked-up heading as high as the block's own starts a new topic, whatever its title
      const sibling = sec.structured && seg.sections[opener.section].structured && !below;
      const continues = !sibling && (CONTINUATION.test(sec.heading) || isCountryLine(sec.heading) || (below && opener.named) || /:$/.test(s.text));
      if (inHeading.length || !continues || i === 0) {
        block = new Set();
        opener = { section: s.section, named: inHeading.length > 0 };
        last = undefined;
      }
    }
    if (!s.item) item = undefined;
    else if (item?.line !== s.line) item = { line: s.line, named: new Set() };
    itemOf.push(item?.named.size ? new Set(item.named) : undefined);
    if (item) for (const m of named) item.named.add(m.entity);
    named.forEach((m) => block.add(m.entity));
    if (named.length) last = named[named.length - 1].entity;
    // what the block has named so far: a sentence speaks of what came before it
    blockOf.push({ set: block, size: block.size });
    lastOf.push(last);
  });

  // pass 2: a sentence speaks about what it names, else by the rules above
  const out: SentenceScope[] = [];
  seg.sentences.forEach((s, i) => {
    const named = bySentence[i];
    // a "block" of hundreds of recipients is a list or a crafted text, not a vendor's section: its
    // unnamed sentences speak of no one (and copying it per sentence would be quadratic)
    const block = blockOf[i].size > MAX_SCOPE ? new Set<number>() : members(blockOf[i]);
    const targets = new Map<number, [number, number][]>();
    let indirect = false;
    const whole = (ids: Set<number> | number[]) => {
      if ((ids instanceof Set ? ids.size : ids.length) > MAX_SCOPE) return false;
      for (const id of ids) targets.set(id, [[s.start, s.end]]);
      return true;
    };
    const distinct = [...new Set(named.map((m) => m.entity))];
    let list: Set<number>;
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
    else if (s.heading && rolesIn(s.text).some((r) => r !== 'self_hosted')) indirect = whole(tree[s.section]);
    else if (!s.heading && !s.item && /:$/.test(s.text) && (list = listed(seg, bySentence, tree, i)).size) indirect = whole(list);
    else if (PLURAL_SCOPE.test(s.text)) whole(plural(seg, tree, s.section) ?? block);
    else if (SINGULAR_REFERENCE.test(s.text) && lastOf[i] !== undefined) whole([lastOf[i]!]);
    // an empty block: its section has named no one before this sentence, so all it names comes later
    else if (!block.size && REFERENCE_NOUN.test(s.text)) indirect = whole(own[s.section]);
    // a list item is about what it names: its later sentences speak of that, not of the items above
    else if (itemOf[i]) whole(itemOf[i]!);
    else whole(block);
    out.push({ sentence: i, targets, block, named: new Set(distinct), general: targets.size === 0, indirect: indirect && targets.size > 0 });
  });
  return out;
}

/** The most recipients one sentence can speak of without naming them (real vendor sections and lists name far fewer). */
const MAX_SCOPE = 100;

/** How many sentences a list may run: a list introduction governs its list, not the rest of the policy. */
const MAX_LIST = 100;

/**
 * The recipients a list introduction at sentence `i` governs: those its list items name, or,
 * where sub-sections follow it directly, those its section's tree names.
 */
function listed(seg: Segmented, bySentence: Mention[][], tree: Set<number>[], i: number): Set<number> {
  const s = seg.sentences[i];
  const next = seg.sentences[i + 1];
  if (next?.heading && next.section !== s.section && within(seg, next.section, s.section)) return tree[s.section];
  const out = new Set<number>();
  for (let j = i + 1; j < Math.min(seg.sentences.length, i + 1 + MAX_LIST) && seg.sentences[j].item && seg.sentences[j].section === s.section; j++) bySentence[j].forEach((m) => out.add(m.entity));
  return out;
}

/** The recipients of the smallest section around `section` (not the whole policy) that names more than one. */
function plural(seg: Segmented, tree: Set<number>[], section: number): Set<number> | undefined {
  for (const k of ancestry(seg, section)) {
    if (k === 0) return undefined;
    if (tree[k].size > 1) return tree[k];
  }
  return undefined;
}
