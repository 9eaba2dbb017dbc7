import { isEuOrEea } from '../kb/countries.js';
import { findVendorByName } from '../kb/vendors.js';
import { AFFILIATE_WORD, CHILD_CUE, DIRECT_CONNECTION, GROUP_CUE, INFRASTRUCTURE_COMPOUND, INFRASTRUCTURE_NAME, INFRASTRUCTURE_OF, INFRASTRUCTURE_WORD, PARENT_CUE, SUBPROCESSOR_CUE } from './cues.js';
import { GENERIC_FIRST, type Entity, type Mention } from './entities.js';
import { nameKey, nameTokens } from './names.js';
import type { Segmented } from './segment.js';
import type { Evidence, Link } from './types.js';
import { firstAtOrAfter } from './spans.js';

// Entity resolution across affiliates: a parent or sister company named only as where the data
// goes belongs to the recipient as its `parent` (its mentions then speak of the recipient, so
// the transfer lands there), and a company named as another recipient's servers or data centre
// is that recipient's sub-processor, not a recipient of its own. Pure functions over the
// sentences, the entities and their mentions.

export interface ParentLink {
  name: string;
  /** The sentence that states the relation. */
  sentence: number;
  /** Both are named as recipients ("X und deren Tochter Y"): the parent keeps its own mentions. */
  bothRecipients?: boolean;
}

export interface Affiliations {
  /** child entity id → its parent as the text names it */
  parents: Map<number, ParentLink>;
  /** The mentions with each parent's mentions near its child given to the child, and infrastructure mentions removed. */
  mentions: Mention[];
  /** The same with the infrastructure and listed sub-processors' mentions kept: where sub-processor lists are read. */
  all: Mention[];
  /** Sub-processors named as another recipient's infrastructure, per sentence. */
  infrastructure: Map<number, InfrastructureHit[]>;
}

export interface InfrastructureHit {
  /** The name as the text writes it ("AWS", "Amazon Web Services, Inc."). */
  name: string;
  /** The entity named, where it is one of the document's entities. */
  entity: number | null;
}

/** Sentences further apart than this are no longer one stretch of text about one company. */
const RUN_GAP = 30;
/** The capitalised words right after a cue, an article allowed before them. */
const NAME_AFTER = /^\s?(?:der |des |die |dem |the |von |of )?(\p{Lu}[\p{L}\d.&]*(?: \p{Lu}[\p{L}\d.&]*){0,2})/u;
const US_FORM = /\b(?:Inc|LLC|L\.L\.C|Corp|Corporation|PBC)\b/;

/** What identifies a company group: the first word of the name ("Google Ireland Limited", "Google LLC"), else the catalog vendor. */
export function groupKey(e: Entity): string | null {
  const first = nameTokens(e.name)[0];
  return first && first.length >= 3 && !GENERIC_FIRST.has(first) ? first : (e.vendor?.key ?? null);
}

/** Two product lines of one first word ("Amazon Web Services", "Amazon Payments") are apart where the catalog knows both. */
const apartInCatalog = (a: Entity, b: Entity) => !!a.vendor && !!b.vendor && a.vendor.key !== b.vendor.key;

export function findAffiliations(text: string, seg: Segmented, entities: Entity[], mentions: Mention[], sentenceAt: (offset: number) => number): Affiliations {
  const parents = new Map<number, ParentLink>();
  const given = new Map<Mention, number>();
  cueParents(seg, entities, bySentence(seg, mentions, sentenceAt), parents, given);
  groupParents(text, entities, mentions, sentenceAt, parents, given);
  const remapped = mentions.map((m) => (given.has(m) ? { ...m, entity: given.get(m)! } : m));
  const { hits, removed } = infrastructure(text, seg, entities, remapped, sentenceAt);
  listedSubprocessors(seg, remapped, sentenceAt, removed);
  return { parents, mentions: remapped.filter((m) => !removed.has(m)), all: remapped, infrastructure: hits };
}

/** The mentions (sorted by start) of each sentence. */
function bySentence(seg: Segmented, mentions: Mention[], sentenceAt: (offset: number) => number): Mention[][] {
  const out: Mention[][] = seg.sentences.map(() => []);
  for (const m of mentions) {
    const i = sentenceAt(m.start);
    if (m.end <= seg.sentences[i].end) out[i].push(m);
  }
  return out;
}

/**
 * Sentences that state the relation: "X ist eine Tochtergesellschaft der Y", "an die
 * Muttergesellschaft Y", "das Mutterunternehmen von X, die Y", "X is part of the Y group".
 */
/** Between two names: a coordinating conjunction joins them as equals (an address may stand between). */
const COORDINATED = /^[^.;:]{0,160}?\s(?:und|sowie|and|as well as|&)\s(?:(?:deren|dessen|seine[nmrs]?|ihre[nmrs]?|its|their)\s+\S+\s+|(?:der|die|the)\s+)?$/i;

const POSSESSIVE_BEFORE = /\b(?:deren|dessen|seine[nmrs]?|ihre[nmrs]?|its|their)\s+$/i;

function cueParents(seg: Segmented, entities: Entity[], inSentences: Mention[][], parents: Map<number, ParentLink>, given: Map<Mention, number>): void {
  let lastNamed = -1; // the last sentence before this one that names a company
  seg.sentences.forEach((s, i) => {
    if (i > 0 && inSentences[i - 1].length) lastNamed = i - 1;
    if (!AFFILIATE_WORD.test(s.text)) return;
    const mother = PARENT_CUE.exec(s.text);
    const child = CHILD_CUE.exec(s.text);
    const group = GROUP_CUE.exec(s.text);
    const cue = mother ?? child ?? group;
    if (!cue) return;
    const cueAt = s.start + cue.index;
    const inSentence = inSentences[i];
    const before = inSentence.filter((m) => m.start < cueAt);
    const after = inSentence.filter((m) => m.start > cueAt);
    // no child named in the sentence: the recipient named last in the sentences just before ("Dabei können … an die Muttergesellschaft …")
    const recent = lastNamed >= 0 && i - lastNamed <= 3 ? inSentences[lastNamed][inSentences[lastNamed].length - 1] : undefined;
    // "an das Mutterunternehmen von X, die Y" names the child after the cue; "X … an seine Muttergesellschaft Y" before it
    const ofChild = cue === mother && /^\S+\s+(?:von|of|der|des)\s/i.test(s.text.slice(cue.index));
    // "bei X Inc. und deren Tochterunternehmen Y BV", "X and its subsidiary Y": both are named as
    // recipients; Y is the child, X (before the possessive) its parent, and each keeps its mentions
    if (cue === child && POSSESSIVE_BEFORE.test(s.text.slice(Math.max(0, cue.index - 12), cue.index)) && before.length && after.length) {
      const kid = after[0], mum = before[before.length - 1];
      if (kid.entity !== mum.entity && !parents.has(kid.entity)) parents.set(kid.entity, { name: entities[mum.entity].name, sentence: i, bothRecipients: true });
      return;
    }
    const c = ofChild ? after[0] : before[before.length - 1] ?? recent;
    if (!c) return;
    const p = after.find((m) => m.entity !== c.entity);
    if (p) {
      if (!parents.has(c.entity)) parents.set(c.entity, { name: entities[p.entity].name, sentence: i });
      given.set(p, c.entity);
    } else {
      // no company of the text after the cue: the group's name, or a brand the catalog knows ("eine Tochtergesellschaft von Alphabet")
      const name = cue === group ? group[1] : catalogPrefix(NAME_AFTER.exec(s.text.slice(cue.index + cue[0].length))?.[1] ?? '');
      const own = entities[c.entity];
      if (name && nameKey(name) && groupKey(own) !== nameKey(name) && !(own.vendor && findVendorByName(name) === own.vendor) && !parents.has(c.entity)) parents.set(c.entity, { name, sentence: i });
    }
  });
}

/**
 * Two legal entities of one group named in one stretch of text, one seated in the EU/EEA and
 * one outside ("Google Ireland Limited … Google LLC is certified"; "X Ireland Ltd. … X LLC in
 * den USA"): the EU entity is the one the controller deals with, the other its parent, and
 * what the text says of the parent there it says of the recipient.
 */
function groupParents(text: string, entities: Entity[], mentions: Mention[], sentenceAt: (offset: number) => number, parents: Map<number, ParentLink>, given: Map<Mention, number>): void {
  const keyOf = entities.map((e) => (e.brandOnly ? null : groupKey(e)));
  let run: Mention[] = [];
  const close = () => {
    const ids = [...new Set(run.map((m) => m.entity))];
    const outside = (id: number) => (entities[id].seat ? !isEuOrEea(entities[id].seat!) : US_FORM.test(entities[id].name));
    // the child: seated in the EU/EEA, else of unknown seat and no US form ("X International Ltd." beside "X Inc.")
    const child = ids.find((id) => entities[id].seat && isEuOrEea(entities[id].seat!)) ?? ids.find((id) => !entities[id].seat && !outside(id));
    const parent = ids.find((id) => id !== child && outside(id));
    if (child !== undefined && parent !== undefined && !apartInCatalog(entities[child], entities[parent]) && !parents.get(child)?.bothRecipients && (!parents.has(child) || parents.get(child)!.name === entities[parent].name)) {
      const first = run.find((m) => m.entity === parent)!;
      // "bei der X Inc. und (deren Tochter) X BV": the parent is named first and joined to the
      // child as a recipient in its own right, not as where the child's data goes
      const joined = run.some((pm) => pm.entity === parent && run.some((cm) => cm.entity === child && cm.start > pm.end && sentenceAt(cm.start) === sentenceAt(pm.start) && COORDINATED.test(text.slice(pm.end, cm.start))));
      if (!parents.has(child)) parents.set(child, { name: entities[parent].name, sentence: sentenceAt(first.start), bothRecipients: joined });
      if (!joined) for (const m of run) if (m.entity === parent) given.set(m, child);
    }
    run = [];
  };
  for (const m of mentions) {
    if (given.has(m)) continue;
    const key = keyOf[m.entity];
    const last = run[run.length - 1];
    if (last && (key !== keyOf[last.entity] || sentenceAt(m.start) - sentenceAt(last.start) > RUN_GAP)) close();
    if (key) run.push(m);
  }
  close();
}

/**
 * "Die Daten werden auf den Servern von X gespeichert", "hosted on X", "AWS-Rechenzentrum":
 * X runs another recipient's infrastructure. A name the text names as a company is taken out of
 * the recipients' mentions there, so it is not a recipient of its own for that sentence — but
 * only where another company was named just before, whose infrastructure it can be; a sentence
 * on a connection to X's servers makes X a recipient itself.
 */
function infrastructure(text: string, seg: Segmented, entities: Entity[], mentions: Mention[], sentenceAt: (offset: number) => number): { hits: Map<number, InfrastructureHit[]>; removed: Set<Mention> } {
  const hits = new Map<number, InfrastructureHit[]>();
  const removed = new Set<Mention>();
  const add = (i: number, hit: InfrastructureHit) => {
    const list = hits.get(i) ?? [];
    if (!list.some((h) => nameKey(h.name) === nameKey(hit.name))) list.push(hit);
    hits.set(i, list);
  };
  let mi = 0;
  seg.sentences.forEach((s, i) => {
    while (mi < mentions.length && mentions[mi].start < s.start) mi++;
    const inSentence: Mention[] = [];
    for (let j = mi; j < mentions.length && mentions[j].start < s.end; j++) inSentence.push(mentions[j]);
    if (!INFRASTRUCTURE_WORD.test(s.text) || DIRECT_CONNECTION.test(s.text)) return;
    for (const [k, m] of inSentence.entries()) {
      if (!INFRASTRUCTURE_OF.test(text.slice(Math.max(s.start, m.start - 60), m.start))) continue;
      if (!hasOtherCompanyBefore(seg, entities, mentions, mi + k, i, sentenceAt)) continue;
      add(i, { name: text.slice(m.start, m.end), entity: m.entity });
      removed.add(m);
    }
    // names that are no entity of the text, known to the catalog: after the phrase ("Rechenzentren von AWS") or glued to it ("AWS-Rechenzentrum")
    for (const re of [INFRASTRUCTURE_NAME, INFRASTRUCTURE_COMPOUND]) {
      re.lastIndex = 0;
      for (let c = re.exec(s.text); c; c = re.exec(s.text)) {
        const at = s.start + c.index + (re === INFRASTRUCTURE_NAME ? c[0].length - c[1].length : 0);
        // a company of the text already named there (mentions sorted: the one starting last at or before `at`)
        const k = firstAtOrAfter(inSentence, at + 1) - 1;
        if (k >= 0 && inSentence[k].end > at) continue;
        const name = catalogPrefix(c[1]);
        if (name) add(i, { name, entity: null });
      }
    }
  });
  return { hits, removed };
}

/** The longest run of leading words that the catalog knows ("Amazon Web Services" of "Amazon Web Services EMEA"). */
function catalogPrefix(words: string): string | null {
  const parts = words ? words.split(' ') : [];
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join(' ').replace(/\.+$/, ''); // a sentence's full stop is not part of the name
    const v = findVendorByName(name);
    // the catalog's lookup is tolerant; a name counts only where it is the vendor's own brand, alias or product, or the maker's name the brand begins with ("Google" of "Google Analytics")
    if (v && ([v.brand, ...v.aliases, ...v.services].some((x) => x.toLowerCase() === name.toLowerCase()) || v.brand.startsWith(name + ' '))) return name;
  }
  return null;
}

/** Whether a company other than the one at `mentions[at]` (and not of its group) is named in its sentence before it or in the few sentences before, in the same section. */
function hasOtherCompanyBefore(seg: Segmented, entities: Entity[], mentions: Mention[], at: number, i: number, sentenceAt: (offset: number) => number): boolean {
  const m = mentions[at];
  const key = groupKey(entities[m.entity]);
  const section = seg.sentences[i].section;
  for (let j = at - 1; j >= Math.max(0, at - 50); j--) {
    const o = mentions[j];
    const k = sentenceAt(o.start);
    if (i - k > 6 || seg.sentences[k].section !== section) return false;
    if (o.entity !== m.entity && (key === null || groupKey(entities[o.entity]) !== key)) return true;
  }
  return false;
}

/**
 * "Die X GmbH setzt folgende Unterauftragnehmer ein: Y, Z" names Y and Z as X's sub-processors,
 * not as recipients of the controller: their mentions there are taken out of the recipients'
 * mentions — only where the owner is named in the sentence itself before the cue.
 */
function listedSubprocessors(seg: Segmented, mentions: Mention[], sentenceAt: (offset: number) => number, removed: Set<Mention>): void {
  for (const [i, inSentence] of bySentence(seg, mentions, sentenceAt).entries()) {
    const s = seg.sentences[i];
    const cue = SUBPROCESSOR_CUE.exec(s.text);
    if (!cue) continue;
    const cueAt = s.start + cue.index;
    const named = namedAsSubprocessor(inSentence.filter((m) => m.start < cueAt), s.text.slice(0, cue.index));
    if (named) {
      removed.add(named.sub);
      continue;
    }
    const owner = inSentence.filter((m) => m.start < cueAt).pop();
    // "Y (Sub-processor via X)" names the owner after the cue: Y's row stays a recipient's
    if (!owner || /\b(?:via|über|through|by|von|of)\s/i.test(s.text.slice(cue.index, cue.index + 40))) continue;
    const inline = inSentence.filter((m) => m.start > cueAt && m.entity !== owner.entity);
    const listed = inline.length || !/:\s*$/.test(s.text) ? inline : listItemsAfter(seg, i, mentions);
    for (const m of listed) if (m.entity !== owner.entity) removed.add(m);
  }
}

/**
 * Sub-processors a sentence names for the recipients it speaks about: "X setzt folgende
 * Unterauftragnehmer ein: Y, Z", "Y (Sub-processor via X)", and the infrastructure hits found
 * for the sentence ("auf den Servern von Y", "Y-Rechenzentrum").
 */
export function collectSubprocessors(
  seg: Segmented,
  sc: { targets: Map<number, unknown>; block: Set<number>; sentence: number },
  entities: Entity[],
  mentions: Mention[],
  infra: InfrastructureHit[],
  evidence: Evidence,
  out: Map<number, Link[]>,
): void {
  const sentence = seg.sentences[sc.sentence].text;
  const add = (owner: number, name: string, entity: number | null) => {
    const e = entities[owner];
    if (entity === owner || (entity !== null && groupKey(entities[entity]) !== null && groupKey(entities[entity]) === groupKey(e))) return;
    const names = [e.name, ...e.aliases, ...e.services].map(nameKey);
    if (names.includes(nameKey(name)) || !nameKey(name) || (e.vendor && findVendorByName(name) === e.vendor)) return;
    const list = out.get(owner) ?? [];
    if (!list.some((l) => nameKey(l.name) === nameKey(name))) list.push({ name, evidence });
    out.set(owner, list);
  };
  for (const hit of infra) for (const id of sc.targets.keys()) add(id, hit.name, hit.entity);
  const cue = SUBPROCESSOR_CUE.exec(sentence);
  if (!cue) return;
  const inSentence = mentions.filter((m) => m.start >= evidence.start && m.end <= evidence.end);
  const cueAt = evidence.start + cue.index;
  const via = /\b(?:via|über|through|by|von|of)\s+(\S+)/i.exec(sentence.slice(cue.index));
  const viaMention = via ? inSentence.find((m) => m.start >= cueAt + via.index && m.start <= cueAt + via.index + via[0].length + 2) : undefined;
  const before = inSentence.filter((m) => m.start < cueAt);
  const named = namedAsSubprocessor(before, sentence.slice(0, cue.index));
  if (named) return add(named.owner.entity, entities[named.sub.entity].name, named.sub.entity);
  if (viaMention && before.length) {
    for (const b of before) if (b.entity !== viaMention.entity) add(viaMention.entity, entities[b.entity].name, b.entity);
    return;
  }
  const inline = inSentence.filter((m) => m.start > cueAt);
  // "… folgende Unterauftragnehmer ein:" and the list below it
  const after = inline.length || !/:\s*$/.test(sentence) ? inline : listItemsAfter(seg, sc.sentence, mentions);
  const afterIds = new Set(after.map((a) => a.entity));
  const owners = before.length ? [before[before.length - 1].entity] : [...sc.block].filter((id) => !afterIds.has(id));
  for (const o of owners) for (const a of after) if (a.entity !== o) add(o, entities[a.entity].name, a.entity);
}

// "als (weiteren) Unterauftragnehmer", "as a sub-processor", "as its subcontractor": the role of the name right before
const AS_ROLE = /\b(?:als|as)\s+(?:(?:a|an|its|their|ein(?:en|e)?|seine[nm]?|ihre[nm]?)\s+)?(?:(?:weitere[nm]?|further|own)\s+)?$/i;

/**
 * "X setzt Y als Unterauftragnehmer ein", "X uses Y in the US as a sub-processor": both named
 * before the cue, which is the role of the one named last (Y) for the one named before it (X).
 */
function namedAsSubprocessor(before: Mention[], textBeforeCue: string): { owner: Mention; sub: Mention } | null {
  if (!AS_ROLE.test(textBeforeCue) || !before.length) return null;
  const sub = before[before.length - 1];
  for (let k = before.length - 2; k >= 0; k--) if (before[k].entity !== sub.entity) return { owner: before[k], sub };
  return null;
}

const LIST_MARK = /^(?:[-•*–·▪◦]|\d{1,2}[.)]|[a-z]\))\s*/;
const MAX_ITEMS = 30;

/** The companies a list names right after sentence `i`: one item per line, each starting with its company (after a bullet or number). */
function listItemsAfter(seg: Segmented, i: number, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (let j = i + 1; j < seg.sentences.length && j - i <= MAX_ITEMS; j++) {
    const s = seg.sentences[j];
    if (s.line === seg.sentences[j - 1].line && j > i + 1) continue; // the rest of an item's line
    const lead = LIST_MARK.exec(s.text)?.[0].length ?? 0;
    const first = mentions[firstAtOrAfter(mentions, s.start)];
    if (!first || first.start > s.start + lead + 1 || first.end > s.end) break;
    out.push(first);
  }
  return out;
}

