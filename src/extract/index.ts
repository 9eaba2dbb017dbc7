import { isEuOrEea } from '../kb/countries.js';
import type { Vendor } from '../kb/vendors.js';
import { documentClassifier, type SentenceFacts } from './classify.js';
import { findController } from './controller.js';
import { findCountries, type CountryMention } from './countryMentions.js';
import { collectSubprocessors, findAffiliations } from './affiliates.js';
import { NOT_A_USE, OPERATED_BY_OTHERS } from './cues.js';
import { brandOnlyEntities, buildEntities, findCatalogHits, isUse, ownerOf, surfaceNames, usedWithList, type CatalogHit, type Entity, type Mention } from './entities.js';
import { findCandidates, presentedAsOwnInstallation, type Candidate, presentedAsRecipient, receivesData } from './candidates.js';
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
import { nameKey, nameTokens } from './names.js';
import { normalizeInput } from './normalize.js';
import { findOrganizations, type OrgMention } from './organizations.js';
import { providersInText } from './providers.js';
import { scopeSentences } from './scope.js';
import { brandSeat } from './seats.js';
import { segment, type Segmented } from './segment.js';
import { within } from './spans.js';
import { applyPolicyWideClauses, decideTransfers, policyClauses } from './transfers.js';
import type { Evidence, Link, PolicyGraph, ProcessingLocation, Recipient, Role } from './types.js';

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
  const controller = findController(text, seg, orgs, evidenceOf);
  const controllerKeys = controller.name ? [nameKey(controller.name)] : [];

  const sentenceAt = sentenceLocator(seg);
  const catalogHits = findCatalogHits(text);
  const candidates = recipientCandidates(text, seg, orgs, catalogHits, sentenceAt);
  const { entities, orgMentions } = buildEntities(text, [...orgs, ...candidates.named].sort((a, b) => a.start - b.start), countries, controllerKeys);
  // a candidate without legal form has none; one named only by a brand ("Mateo" in a list of tools) is a brand
  for (const e of entities) if (e.legalForm === '') {
    e.legalForm = null;
    e.brandOnly = !candidates.organisations.has(nameKey(e.name));
  }
  const usedAlone = catalogHits.map((hit) => isUse(hit, seg, sentenceAt(hit.start)) || candidates.covers(hit.start, hit.end));
  const used = usedWithList(text, catalogHits, usedAlone, seg, sentenceAt);
  const hits = catalogHits.map((hit, k) => ({ hit, used: used[k] }));
  const provided = providersInText(text, seg, hits, entities, orgMentions, sentenceAt, (v) => !!ownerOf(v, entities));
  const makerOf = (v: Vendor) => ownerOf(v, entities) ?? provided.get(v);
  entities.push(...brandOnlyEntities(hits, entities, controllerKeys, makerOf));
  const mentions = collectMentions(text, entities, orgMentions, hits, makerOf, (offset) => {
    const s = seg.sentences[sentenceAt(offset)];
    // both tests look at most a few words back: a bounded window keeps a long sentence with many mentions linear
    const before = text.slice(Math.max(s.start, offset - 300), offset);
    return !NOT_A_USE.test(before) && !/https?:\/\/\S*$|www\.\S*$|@\S*$/.test(before);
  });

  // parents and infrastructure named to say where data flows, not as recipients of their own
  const affiliations = findAffiliations(text, seg, entities, mentions, sentenceAt);
  // a heading that is just a country name (first place the text has it): searched once per distinct heading, not once per country
  const countryAt = new Map(countries.map((c) => [c.start, c]));
  const countryLines = new Map<string, boolean>();
  const countryLengths = new Set(countries.map((c) => c.end - c.start));
  const isCountryLine = (h: string) => {
    if (!countryLengths.has(h.length)) return false; // (most headings: no search through the text)
    let yes = countryLines.get(h);
    if (yes === undefined) {
      const c = countryAt.get(text.indexOf(h));
      countryLines.set(h, (yes = !!c && c.end - c.start === h.length));
    }
    return yes;
  };
  const scopes = scopeSentences(seg, affiliations.mentions, isCountryLine);

  // the controller's own address ("…, 10115 Berlin, Deutschland") names no destination
  const controllerAddress = new Set(
    countries
      .filter((c) => controller.evidence && c.start > controller.evidence.start && c.start < controller.evidence.end + 150 && /[,\n]\s*$/.test(text.slice(c.start - 3, c.start)))
      .map((c) => c.start),
  );
  const facts = new Map<number, { i: number; f: SentenceFacts; named: boolean; indirect: boolean }[]>();
  const subprocessors = new Map<number, Link[]>();
  const general: number[] = [];
  const classify = documentClassifier(countries, controller.country);
  for (const sc of scopes) {
    const s = seg.sentences[sc.sentence];
    if (sc.general) general.push(sc.sentence);
    for (const [id, ranges] of sc.targets) {
      const e = entities[id];
      const f = classify(s.text, s.start, ranges, (c, k) => e.addressCountries.has(k) || controllerAddress.has(c.start));
      if (!facts.has(id)) facts.set(id, []);
      facts.get(id)!.push({ i: sc.sentence, f, named: sc.named.has(id), indirect: sc.indirect });
    }
    collectSubprocessors(seg, sc, entities, affiliations.all, affiliations.infrastructure.get(sc.sentence) ?? [], evidenceOf(sc.sentence), subprocessors);
  }

  const recipients: Recipient[] = [];
  const topics = sentenceTopics(seg.sentences);
  const legalBases = legalBasesReader(seg.sentences);
  const processingLocations = locationReader(seg, countries, evidenceOf);
  const mentionsOf = new Map<number, Mention[]>();
  for (const m of affiliations.mentions) {
    if (!mentionsOf.has(m.entity)) mentionsOf.set(m.entity, []);
    mentionsOf.get(m.entity)!.push(m);
  }
  for (const e of entities) {
    const own = facts.get(e.id) ?? [];
    const named = mentionsOf.get(e.id);
    if (!named) continue;
    const mentionEvidence = dedupe(named.map((m) => evidenceOf(sentenceAt(m.start))));
    // a service the catalog knows cannot be self-hosted ("Stripe … nie auf unseren Servern") is no self-hosted tool, whatever a nearby sentence says of servers
    const decided = decideRole(e, own, evidenceOf, e.vendor && !e.vendor.selfHostable ? ['self_hosted'] : []);
    // software the text presents as open source or as its own instance, named without any provider
    // (and not said to be provided or hosted by someone), runs on the controller's own servers
    const provided = own.some((x) => OPERATED_BY_OTHERS.test(seg.sentences[x.i].text));
    const selfHosted = decided.role === 'unspecified' && e.brandOnly && !!e.vendor?.selfHostable && !provided && presentedAsOwnInstallation(mentionEvidence.map((m) => m.quote));
    const { role, roleEvidence } = selfHosted ? { ...decided, role: 'self_hosted' as Role } : decided;
    const parent = affiliations.parents.get(e.id);
    // built by push, so every list has the same elements kind: a list from `map` of no facts has
    // another, and each such list sent the readers below, inlined, back to unoptimized code
    const ownSentences: number[] = [];
    for (const x of own) ownSentences.push(x.i);
    recipients.push({
      name: e.name,
      aliases: [...e.aliases].filter((a) => a !== e.name),
      services: [...e.services],
      legalForm: e.legalForm,
      address: e.address,
      // a brand without a legal entity is seated where the catalog's one legal entity for it is; self-hosted software has no seat
      country: e.seat ?? (e.brandOnly && role !== 'self_hosted' ? brandSeat(e.vendor) : null),
      role,
      roleEvidence,
      purposes: topics.purposes(ownSentences),
      dataCategories: topics.dataCategories(ownSentences),
      legalBases: legalBases(ownSentences),
      retention: topics.retention(ownSentences),
      processingLocations: role === 'self_hosted' ? [] : processingLocations(own),
      transfers: role === 'self_hosted' ? [] : decideTransfers(e, own, evidenceOf),
      subprocessors: subprocessors.get(e.id) ?? [],
      parent: parent ? { name: parent.name, evidence: evidenceOf(parent.sentence) } : null,
      mentions: mentionEvidence,
    });
  }
  const clauses = policyClauses(seg, general, countries, evidenceOf);
  applyPolicyWideClauses(recipients, clauses);

  return {
    doc: options.doc ?? 'policy',
    language: detectLanguage(text),
    controller,
    dataProtectionOfficer: findDataProtectionOfficer(seg, evidenceOf),
    supervisoryAuthority: findSupervisoryAuthority(seg, evidenceOf),
    lastUpdated: findLastUpdated(text),
    policyWideClauses: clauses.mechanisms.map(({ mechanisms, evidence }) => ({ mechanisms, evidence })),
    recipients,
    text,
  };
}

/**
 * Candidates without legal form that receive data, as organisation mentions with an empty legal
 * form (so entity resolution gives them seats and aliases like any other), minus those a legal
 * form or a catalog name already covers; and which catalog names a candidate presents as used
 * ("Google Workspace: E-Mail" in a list of tools).
 */
function recipientCandidates(text: string, seg: Segmented, orgs: OrgMention[], hits: CatalogHit[], sentenceAt: (offset: number) => number) {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  const found = findCandidates(text);
  // a brand list names brands only where one of its items is a known name
  const known = (c: Candidate) => hits.some((h) => overlaps(h, c)) || orgs.some((o) => overlaps(o, c));
  const brandLists = new Set(found.filter((c) => c.list !== undefined && known(c)).map((c) => c.list));
  const kept = found.filter((c) => {
    if (c.list !== undefined && !brandLists.has(c.list)) return false;
    const i = sentenceAt(c.start);
    const s = seg.sentences[i];
    if (orgs.some((o) => overlaps(o, c)) || !receivesData(text, c.start, c.end, s.start, s.end)) return false;
    // an organisation word alone says nothing of data: the sentence or its neighbours must ("Wir kooperieren mit der X-Stiftung" does not)
    // a name line's neighbours: the sentence that leads to it and the two it heads
    const neighbours = [seg.sentences[i - 1], seg.sentences[i + 1], seg.sentences[i + 2]].filter(Boolean).map((x) => x.text);
    return c.kind !== 'organisation' || presentedAsRecipient(c.name, s.text, neighbours);
  });
  const named: OrgMention[] = [];
  const organisations = new Set<string>();
  for (const c of kept) {
    // a catalog name that is the whole candidate is the catalog's ("Paypal" in a list); one inside a longer name is its maker ("OpenStreetMap Foundation")
    if (hits.some((h) => h.start <= c.start && h.end >= c.end)) continue;
    // a brand that begins with a named entity's or a catalog name's word is that maker's product ("Google Consent Mode")
    const first = nameTokens(c.name)[0];
    if (c.kind !== 'organisation' && (hits.some((h) => overlaps(h, c)) || orgs.some((o) => nameTokens(o.name)[0] === first))) continue;
    if (named.some((n) => overlaps(n, c))) continue;
    named.push({ name: c.name, legalForm: '', start: c.start, end: c.end });
    if (c.kind === 'organisation' || c.kind === 'provider') organisations.add(nameKey(c.name));
  }
  return { named, organisations, covers: (start: number, end: number) => kept.some((c) => c.start <= start && c.end >= end) };
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
function collectMentions(
  text: string,
  entities: Entity[],
  orgMentions: Mention[],
  hits: { hit: ReturnType<typeof findCatalogHits>[number]; used: boolean }[],
  makerOf: (vendor: Vendor) => Entity | undefined,
  isUseAt: (offset: number) => boolean,
): Mention[] {
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
    if (!owners.has(hit.vendor)) owners.set(hit.vendor, makerOf(hit.vendor));
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

/**
 * The strongest role the recipient's sentences state, apart from `excluded`. Self-hosting is a
 * fact about software, so it counts only where the sentence is about the recipient itself or its
 * block: a list introduction or an "our host …" sentence that says "auf eigenen Servern" speaks
 * of the controller's servers, and the hoster it governs stays what else the text makes it.
 */
function decideRole(e: Entity, own: { i: number; f: SentenceFacts; indirect: boolean }[], evidenceOf: (i: number) => Evidence, excluded: Role[] = []): { role: Role; roleEvidence: Evidence | null } {
  for (const role of ROLE_PRIORITY) {
    if (excluded.includes(role)) continue;
    const hit = own.find((x) => x.f.roles.includes(role) && !(role === 'self_hosted' && x.indirect));
    if (hit) return { role, roleEvidence: evidenceOf(hit.i) };
  }
  return { role: 'unspecified', roleEvidence: null };
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

/** The evidence, first of each sentence (a loop: `filter`, inlined into extractPolicy, deoptimized it on lists of another elements kind). */
function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<number>();
  const out: Evidence[] = [];
  for (const e of evidence) if (!seen.has(e.start)) seen.add(e.start), out.push(e);
  return out;
}
