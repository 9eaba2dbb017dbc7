import { isEuOrEea } from '../kb/countries.js';
import type { Vendor } from '../kb/vendors.js';
import { documentClassifier, mechanismsIn, type SentenceFacts } from './classify.js';
import { findController } from './controller.js';
import { findCountries, type CountryMention } from './countryMentions.js';
import { INFRASTRUCTURE_OF, NOT_A_USE, PARENT_CUE, POLICY_WIDE, SUBPROCESSOR_CUE } from './cues.js';
import { brandOnlyEntities, buildEntities, findCatalogHits, isUse, ownerOf, surfaceNames, type Entity, type Mention } from './entities.js';
import { ExtractError } from './errors.js';
import { scanNames } from './literalScan.js';
import {
  detectLanguage,
  findDataProtectionOfficer,
  findLastUpdated,
  findSupervisoryAuthority,
  legalBasesReader,
  looksLikePolicy,
  sentenceTopics,
} from './metadata.js';
import { nameKey } from './names.js';
import { normalizeInput } from './normalize.js';
import { findOrganizations } from './organizations.js';
import { scopeSentences } from './scope.js';
import { segment, type Segmented } from './segment.js';
import { firstAtOrAfter, within } from './spans.js';
import type { Certainty, Evidence, Link, Mechanism, PolicyGraph, PolicyWideClause, ProcessingLocation, Recipient, Role, Transfer } from './types.js';

export { ExtractError } from './errors.js';
export type { PolicyGraph } from './types.js';

export interface ExtractOptions {
  /** Document id; defaults to "policy". */
  doc?: string;
  /** "text/html" forces HTML stripping; otherwise HTML is recognised by its markup. */
  contentType?: string;
}

const ROLE_PRIORITY: Role[] = ['self_hosted', 'joint_controller', 'controller', 'processor'];

/** One privacy policy (text or HTML, string or bytes) → its policy graph. Pure: no I/O. */
export function extractPolicy(input: string | Uint8Array, options: ExtractOptions = {}): PolicyGraph {
  const text = normalizeInput(input, options.contentType);
  if (!looksLikePolicy(text)) throw new ExtractError('NOT_A_POLICY', 'the text does not read as a privacy policy (no data-protection vocabulary)');
  const seg = segment(text);
  const evidenceOf = (i: number): Evidence => {
    const s = seg.sentences[i];
    return { section: seg.sections[s.section].heading || null, start: s.start, end: s.end, quote: s.text };
  };
  const countries = findCountries(text);
  const orgs = findOrganizations(text);
  const controller = findController(text, seg, orgs, countries, evidenceOf);
  const controllerKeys = controller.name ? [nameKey(controller.name)] : [];

  const { entities, orgMentions } = buildEntities(text, orgs, countries, controllerKeys);
  const sentenceAt = sentenceLocator(seg);
  const hits = findCatalogHits(text).map((hit) => ({ hit, used: isUse(hit, seg, sentenceAt(hit.start)) }));
  entities.push(...brandOnlyEntities(hits, entities, controllerKeys));
  const mentions = collectMentions(text, entities, orgMentions, hits, (offset) => {
    const s = seg.sentences[sentenceAt(offset)];
    const before = text.slice(s.start, offset);
    return !NOT_A_USE.test(before) && !/https?:\/\/\S*$|www\.\S*$|@\S*$/.test(before);
  });

  // parents are named to say where data may flow, not as recipients of their own
  const parentOf = new Map<number, { parent: number; evidence: Evidence }>();
  const parentMentions = new Set<Mention>();
  seg.sentences.forEach((s, i) => {
    const cue = PARENT_CUE.exec(s.text);
    if (!cue) return;
    const cueAt = s.start + cue.index;
    const inSentence = within(mentions, s.start, s.end);
    const before = inSentence.filter((m) => m.start < cueAt);
    const after = inSentence.filter((m) => m.start > cueAt);
    // "an das Mutterunternehmen von X, die Y" names the child after the cue; "X … an seine Muttergesellschaft Y" before it
    const ofChild = /^\S+\s+(?:von|of|der|des)\s/i.test(s.text.slice(cue.index));
    // no child named in the sentence: the recipient named last before it ("Dabei können … an die Muttergesellschaft …")
    const previous = lastEndingBy(mentions, s.start);
    const child = ofChild ? after[0] : before[before.length - 1] ?? previous;
    const parent = after.find((m) => child && m.entity !== child.entity);
    if (!child || !parent) return;
    parentOf.set(child.entity, { parent: parent.entity, evidence: evidenceOf(i) });
    parentMentions.add(parent);
  });
  // a heading that is just a country name (first place the text has it): searched once per distinct heading, not once per country
  const countryAt = new Map(countries.map((c) => [c.start, c]));
  const countryLines = new Map<string, boolean>();
  const isCountryLine = (h: string) => {
    let yes = countryLines.get(h);
    if (yes === undefined) {
      const c = countryAt.get(text.indexOf(h));
      countryLines.set(h, (yes = !!c && c.end - c.start === h.length));
    }
    return yes;
  };
  const scopes = scopeSentences(seg, mentions.filter((m) => !parentMentions.has(m)), isCountryLine);

  // the controller's own address ("…, 10115 Berlin, Deutschland") names no destination
  const controllerAddress = new Set(
    countries
      .filter((c) => controller.evidence && c.start > controller.evidence.start && c.start < controller.evidence.end + 150 && /[,\n]\s*$/.test(text.slice(c.start - 3, c.start)))
      .map((c) => c.start),
  );
  const facts = new Map<number, { i: number; f: SentenceFacts; named: boolean }[]>();
  const subprocessors = new Map<number, Link[]>();
  const policyWideClauses: PolicyWideClause[] = [];
  const classify = documentClassifier(countries);
  for (const sc of scopes) {
    const s = seg.sentences[sc.sentence];
    // a clause for the whole policy: general text that names a condition and a safeguard
    if (sc.general && POLICY_WIDE.test(s.text)) {
      const mechs = mechanismsIn(s.text);
      if (mechs.length) policyWideClauses.push({ mechanisms: mechs, evidence: evidenceOf(sc.sentence) });
    }
    for (const [id, ranges] of sc.targets) {
      const e = entities[id];
      const f = classify(s.text, s.start, ranges, (c, k) => e.addressCountries.has(k) || controllerAddress.has(c.start));
      if (!facts.has(id)) facts.set(id, []);
      facts.get(id)!.push({ i: sc.sentence, f, named: sc.named.has(id) });
    }
    collectSubprocessors(s.text, sc, entities, mentions, evidenceOf(sc.sentence), subprocessors);
  }

  const recipients: Recipient[] = [];
  const topics = sentenceTopics(seg.sentences);
  const legalBases = legalBasesReader(seg.sentences);
  const processingLocations = locationReader(seg, countries, evidenceOf);
  const parents = new Set([...parentOf.values()].map((p) => p.parent));
  const mentionsOf = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (!mentionsOf.has(m.entity)) mentionsOf.set(m.entity, []);
    mentionsOf.get(m.entity)!.push(m);
  }
  for (const e of entities) {
    const own = facts.get(e.id) ?? [];
    const isParentOnly = parents.has(e.id) && !own.some((x) => x.named);
    if (isParentOnly) continue;
    const mentionEvidence = dedupe((mentionsOf.get(e.id) ?? []).map((m) => evidenceOf(sentenceAt(m.start))));
    if (!mentionEvidence.length) continue;
    const decided = decideRole(e, own, evidenceOf);
    // open-source software named without any provider runs on the controller's own servers
    const { role, roleEvidence } = decided.role === 'unspecified' && e.brandOnly && e.vendor?.selfHostable ? { ...decided, role: 'self_hosted' as Role } : decided;
    const parent = parentOf.get(e.id);
    recipients.push({
      name: e.name,
      aliases: [...e.aliases].filter((a) => a !== e.name),
      services: [...e.services],
      legalForm: e.legalForm,
      address: e.address,
      country: e.seat,
      role,
      roleEvidence,
      purposes: topics.purposes(own.map((x) => x.i)),
      dataCategories: topics.dataCategories(own.map((x) => x.i)),
      legalBases: legalBases(own.map((x) => x.i)),
      retention: topics.retention(own.map((x) => x.i)),
      processingLocations: role === 'self_hosted' ? [] : processingLocations(own),
      transfers: role === 'self_hosted' ? [] : decideTransfers(e, own, evidenceOf),
      subprocessors: subprocessors.get(e.id) ?? [],
      parent: parent ? { name: entities[parent.parent].name, evidence: parent.evidence } : null,
      mentions: mentionEvidence,
    });
  }
  applyPolicyWideClauses(recipients, policyWideClauses);

  return {
    doc: options.doc ?? 'policy',
    language: detectLanguage(text),
    controller,
    dataProtectionOfficer: findDataProtectionOfficer(seg, evidenceOf),
    supervisoryAuthority: findSupervisoryAuthority(seg, evidenceOf),
    lastUpdated: findLastUpdated(text),
    policyWideClauses,
    recipients,
    text,
  };
}

/** The mention named last (by start) among those that end by `offset`; `mentions` sorted by start. */
function lastEndingBy(mentions: Mention[], offset: number): Mention | undefined {
  for (let k = firstAtOrAfter(mentions, offset) - 1; k >= 0; k--) if (mentions[k].end <= offset) return mentions[k];
  return undefined;
}

/** Offset → index of the sentence containing it (binary search; sentences are sorted). */
function sentenceLocator(seg: Segmented): (offset: number) => number {
  return (offset) => {
    let lo = 0, hi = seg.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (seg.sentences[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

// a name stands on its own: not inside a word, a path, an address or a domain ("zoom.us")
const SURFACE_BEFORE = /(?<![\p{L}\d./@-])/uy;
const SURFACE_AFTER = /(?![\p{L}\d]|\.[a-z])/uy;

/** Every place an entity is named: its legal name, its aliases and brand, its products. */
function collectMentions(text: string, entities: Entity[], orgMentions: Mention[], hits: { hit: ReturnType<typeof findCatalogHits>[number]; used: boolean }[], isUseAt: (offset: number) => boolean): Mention[] {
  const out = [...orgMentions];
  const inOrg = spanIndex(orgMentions);
  const surfaces = new Map<string, number>();
  for (const e of entities) {
    for (const [s] of surfaceNames(e)) if (s.length >= 3 && !surfaces.has(s)) surfaces.set(s, e.id);
    if (e.brandOnly) surfaces.set(e.name, e.id);
    for (const a of e.aliases) surfaces.set(a, e.id);
  }
  if (surfaces.size) {
    const names = [...surfaces.keys()].sort((a, b) => b.length - a.length);
    for (const m of scanNames(text, names, SURFACE_BEFORE, SURFACE_AFTER)) {
      if (inOrg(m.index, m.index + m.name.length) || !isUseAt(m.index)) continue;
      out.push({ entity: surfaces.get(m.name)!, start: m.index, end: m.index + m.name.length });
    }
  }
  // products of the catalog name their maker's entity where the text names it
  const starts = new Set(out.map((m) => m.start));
  const owners = new Map<Vendor, Entity | undefined>();
  for (const { hit, used } of hits) {
    if (!owners.has(hit.vendor)) owners.set(hit.vendor, ownerOf(hit.vendor, entities));
    const e = owners.get(hit.vendor);
    if (!e || inOrg(hit.start, hit.end)) continue;
    if (used && hit.vendor.services.includes(hit.name)) e.services.add(hit.name);
    if (used && !starts.has(hit.start)) {
      out.push({ entity: e.id, start: hit.start, end: hit.end });
      starts.add(hit.start);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** `(a, b) → whether some span covers [a, b)`, by binary search over the spans sorted by start and the furthest end reached so far. */
function spanIndex(spans: { start: number; end: number }[]): (a: number, b: number) => boolean {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const reach: number[] = [];
  sorted.forEach((s, i) => reach.push(Math.max(s.end, i ? reach[i - 1] : -Infinity)));
  return (a, b) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= a) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] >= b;
  };
}

function collectSubprocessors(sentence: string, sc: { targets: Map<number, unknown>; block: Set<number>; sentence: number }, entities: Entity[], mentions: Mention[], evidence: Evidence, out: Map<number, Link[]>): void {
  const add = (owner: number, name: string) => {
    const e = entities[owner];
    const names = [e.name, ...e.aliases, ...e.services].map(nameKey);
    if (names.includes(nameKey(name)) || !nameKey(name)) return;
    const list = out.get(owner) ?? [];
    if (!list.some((l) => nameKey(l.name) === nameKey(name))) list.push({ name, evidence });
    out.set(owner, list);
  };
  const infra = INFRASTRUCTURE_OF.exec(sentence);
  if (infra && !/^(?:uns|unseren?|Drittanbietern?|Dritten)\b/i.test(infra[1])) for (const id of sc.targets.keys()) add(id, infra[1]);
  const cue = SUBPROCESSOR_CUE.exec(sentence);
  if (!cue) return;
  const inSentence = within(mentions, evidence.start, evidence.end);
  const cueAt = evidence.start + cue.index;
  const via = /\b(?:via|über|through|by|von|of)\s+(\S+)/i.exec(sentence.slice(cue.index));
  const viaMention = via ? inSentence.find((m) => m.start >= cueAt + via.index && m.start <= cueAt + via.index + via[0].length + 2) : undefined;
  const before = inSentence.filter((m) => m.start < cueAt);
  if (viaMention && before.length) {
    for (const b of before) if (b.entity !== viaMention.entity) add(viaMention.entity, entities[b.entity].name);
    return;
  }
  const after = inSentence.filter((m) => m.start > cueAt);
  const afterIds = new Set(after.map((a) => a.entity));
  const owners = before.length ? [before[before.length - 1].entity] : [...sc.block].filter((id) => !afterIds.has(id));
  for (const o of owners) for (const a of after) if (a.entity !== o) add(o, entities[a.entity].name);
}

function decideRole(e: Entity, own: { i: number; f: SentenceFacts }[], evidenceOf: (i: number) => Evidence): { role: Role; roleEvidence: Evidence | null } {
  for (const role of ROLE_PRIORITY) {
    const hit = own.find((x) => x.f.roles.includes(role));
    if (hit) return { role, roleEvidence: evidenceOf(hit.i) };
  }
  return { role: 'unspecified', roleEvidence: null };
}

interface TransferDraft {
  country: string | null;
  mechanisms: Set<Mechanism>;
  assertions: boolean[]; // possible? per sentence asserting the transfer itself
  mechanismOnlyPossible: boolean[];
  evidence: Evidence[];
  dpfId: string | null;
}

/**
 * Per destination: the mechanisms named for it and its certainty. A sentence that only names
 * the safeguard ("… wird auf die Standardvertragsklauseln gestützt") does not set certainty
 * when another sentence says whether the data goes there; a safeguard without a destination
 * belongs to the destination named just before it, else to the recipient's transfers, else to
 * its third-country seat. A DPF certification alone means a possible transfer to the US.
 */
function decideTransfers(e: Entity, own: { i: number; f: SentenceFacts; named: boolean }[], evidenceOf: (i: number) => Evidence): Transfer[] {
  const drafts = new Map<string | null, TransferDraft>();
  const draft = (c: string | null) => {
    if (!drafts.has(c)) drafts.set(c, { country: c, mechanisms: new Set(), assertions: [], mechanismOnlyPossible: [], evidence: [], dpfId: null });
    return drafts.get(c)!;
  };
  const deferred: { mechs: Mechanism[]; possible: boolean; last: string | null | undefined; i: number }[] = [];
  let last: { country: string | null; i: number } | undefined;
  for (const { i, f, named } of own) {
    if (f.negated) continue;
    const dest = f.destinations.map((d) => (d === null && named && e.addressCountries.size && e.seat && !isEuOrEea(e.seat) ? e.seat : d));
    const nonDpf = f.mechanisms.filter((m) => m !== 'DPF');
    if (dest.length && (f.assertsTransfer || f.mechanisms.length)) {
      for (const d of dest) {
        const t = draft(d);
        if (f.assertsTransfer && !f.mechanisms.length) t.assertions.push(f.possible);
        else if (nonDpf.length) t.mechanismOnlyPossible.push(f.possible || !f.assertsTransfer);
        nonDpf.forEach((m) => t.mechanisms.add(m));
        t.evidence.push(evidenceOf(i));
      }
      last = { country: dest[0], i };
    } else if (nonDpf.length) deferred.push({ mechs: nonDpf, possible: f.possible, last: last && i - last.i <= 3 ? last.country : undefined, i });
    if (f.mechanisms.includes('DPF')) {
      const t = draft('US');
      t.mechanisms.add('DPF');
      t.evidence.push(evidenceOf(i));
      const id = /dataprivacyframework\.gov\/(?:s\/)?participant[^\s]*?(?:\/|id=)(\w+)/i.exec(evidenceOf(i).quote)?.[1];
      if (id) t.dpfId = id;
    }
  }
  for (const d of deferred) {
    const targets = d.last !== undefined ? [draft(d.last)] : drafts.size ? [...drafts.values()] : e.seat && !isEuOrEea(e.seat) ? [draft(e.seat)] : [];
    for (const t of targets) {
      d.mechs.forEach((m) => t.mechanisms.add(m));
      t.mechanismOnlyPossible.push(d.possible);
      t.evidence.push(evidenceOf(d.i));
    }
  }
  if ([...drafts.keys()].some((k) => k !== null)) drafts.delete(null);
  return [...drafts.values()].map((t) => ({
    country: t.country,
    mechanisms: order(t.mechanisms),
    certainty: certainty(t),
    dpfId: t.dpfId,
    evidence: dedupe(t.evidence),
  }));
}

function certainty(t: TransferDraft): Certainty {
  if (t.assertions.length) return t.assertions.some((p) => !p) ? 'stated' : 'possible';
  if (t.mechanismOnlyPossible.length) return t.mechanismOnlyPossible.some((p) => !p) ? 'stated' : 'possible';
  return 'possible';
}

const MECHANISM_ORDER: Mechanism[] = ['SCC', 'DPF', 'BCR', 'ADEQUACY', 'ART49', 'OTHER'];
const order = (s: Set<Mechanism>) => MECHANISM_ORDER.filter((m) => s.has(m));

function applyPolicyWideClauses(recipients: Recipient[], clauses: PolicyWideClause[]): void {
  if (!clauses.length) return;
  const mechs = order(new Set(clauses.flatMap((c) => c.mechanisms)));
  for (const r of recipients)
    for (const t of r.transfers)
      if (!t.mechanisms.length) {
        t.mechanisms = mechs;
        t.evidence.push(...clauses.map((c) => c.evidence));
      }
}

const REGION = /\b([a-z]{2}-[a-z]+-\d|fra\d)\b|\b(Frankfurt am Main|Frankfurt|Nürnberg|Falkenstein|Dublin|Amsterdam|Paris|Helsinki|Stockholm|Zürich|Wien)\b/;
const LOCATION_CUE = /Server|Rechenzent|gespeichert|gehostet|Hosting|Region|hosted|stored|data cent|processes data|Infrastruktur/i;

/**
 * Per recipient, the EU/EEA places its sentences say its data is processed in. What a sentence
 * says does not depend on the recipient: read once per sentence, however many recipients share it.
 */
function locationReader(seg: Segmented, countries: CountryMention[], evidenceOf: (i: number) => Evidence): (own: { i: number; f: SentenceFacts }[]) => ProcessingLocation[] {
  const bySentence = new Map<number, { country: string | null; region: string | null } | null>();
  const placeOf = (i: number) => {
    if (bySentence.has(i)) return bySentence.get(i)!;
    const s = seg.sentences[i];
    let place: { country: string | null; region: string | null } | null = null;
    if (LOCATION_CUE.test(s.text)) {
      const region = REGION.exec(s.text);
      const inSentence = within(countries, s.start, s.end).filter((c) => isEuOrEea(c.code));
      const country = inSentence[0]?.code ?? (region?.[2] && /Frankfurt|Nürnberg|Falkenstein/.test(region[2]) ? 'DE' : null);
      if (country || region) place = { country, region: region ? (region[1] ?? region[2]) : null };
    }
    bySentence.set(i, place);
    return place;
  };
  return (own) => {
    const out: ProcessingLocation[] = [];
    for (const { i, f } of own) {
      const place = f.negated ? null : placeOf(i);
      if (!place) continue;
      if (!out.some((o) => o.country === place.country && o.region === place.region)) out.push({ ...place, evidence: evidenceOf(i) });
    }
    return out;
  };
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<number>();
  return evidence.filter((e) => !seen.has(e.start) && seen.add(e.start));
}
