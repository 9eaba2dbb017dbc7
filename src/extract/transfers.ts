import { countryByCode, isEuOrEea } from '../kb/countries.js';
import { mechanismsIn, type SentenceFacts } from './classify.js';
import type { CountryMention } from './countryMentions.js';
import { DEFINITION, POLICY_WIDE, POSSIBLE, SEATED_IN_BEFORE, THIRD_COUNTRY, THIRD_COUNTRY_PROVIDERS, TRANSFER_NEGATED, TRANSFER_VERB, US_PROVIDERS } from './cues.js';
import type { Segmented } from './segment.js';
import type { Certainty, Evidence, Mechanism, PolicyWideClause, Recipient, Transfer } from './types.js';

// The transfer decision: from what each sentence says about one recipient (SentenceFacts) to
// its transfers per destination, then the policy's general clauses on top. Pure functions.

/** What the decision needs of a recipient: its seat and which country mentions are its own address. */
export interface TransferSubject {
  seat: string | null;
  addressCountries: Set<number>;
}

/** One sentence about the recipient: its index, its facts, whether it names the recipient itself. */
export interface OwnFact {
  i: number;
  f: SentenceFacts;
  named: boolean;
}

interface TransferDraft {
  country: string | null;
  /** an unnamed country set apart from a named one: not dropped beside named destinations */
  other: boolean;
  mechanisms: Set<Mechanism>;
  assertions: boolean[]; // possible? per sentence asserting the transfer itself
  mechanismOnlyPossible: boolean[];
  evidence: Evidence[];
  /** the sentences that put it here */
  sentences: number[];
  dpfId: string | null;
  /** some sentence names the destination (or the seat stands in for it), rather than a DPF certification implying it */
  named: boolean;
}

/** How far back a restriction to the EU ("Wir nutzen ausschließlich die europäischen Rechenzentren") reaches. */
const RESTRICTION_REACH = 2;

/**
 * Per destination: the mechanisms named for it and its certainty. A sentence that only names
 * the safeguard ("… wird auf die Standardvertragsklauseln gestützt") does not set certainty
 * when another sentence says whether the data goes there; a safeguard without a destination
 * belongs to the destination named just before it, else to the recipient's transfers, else to
 * its third-country seat. A DPF certification alone means a possible US transfer, the Privacy
 * Shield one without a mechanism. A sentence that keeps the data in the EU undoes the
 * destinations of the sentences just before it ("betreibt Rechenzentren in Europa und den USA.
 * Wir nutzen ausschließlich die europäischen.").
 */
export function decideTransfers(e: TransferSubject, own: OwnFact[], evidenceOf: (i: number) => Evidence): Transfer[] {
  const drafts = new Map<string | null, TransferDraft>();
  const draft = (c: string | null, i: number) => {
    if (!drafts.has(c)) drafts.set(c, { country: c, other: false, mechanisms: new Set(), assertions: [], mechanismOnlyPossible: [], evidence: [], sentences: [], dpfId: null, named: false });
    const t = drafts.get(c)!;
    t.evidence.push(evidenceOf(i));
    t.sentences.push(i);
    return t;
  };
  const deferred: { mechs: Mechanism[]; possible: boolean; last: string | null | undefined; i: number; named: boolean }[] = [];
  let last: { country: string | null; i: number } | undefined;
  const thirdSeat = e.seat && !isEuOrEea(e.seat) ? e.seat : null;
  for (const { i, f, named } of own) {
    if (f.negated) continue;
    if (f.euOnly) {
      // a location just stated is undone; a transfer with a safeguard named for it stays (the text contemplates it)
      for (const [c, t] of drafts) if (!t.mechanisms.size && t.sentences.every((s) => s < i && i - s <= RESTRICTION_REACH)) drafts.delete(c);
      last = undefined;
      continue;
    }
    // "in Drittländer" in the recipient's own sentence, with its third-country address: its seat
    const dest = f.destinations.map((d) => (d.country === null && !d.other && named && e.addressCountries.size && thirdSeat ? { ...d, country: thirdSeat } : d));
    if (dest.length && (f.assertsTransfer || f.mechanisms.length)) {
      for (const d of dest) {
        const t = draft(d.country, i);
        t.named = true;
        t.other ||= d.other;
        const nonDpf = d.mechanisms.filter((m) => m !== 'DPF');
        if (f.assertsTransfer && !d.mechanisms.length) t.assertions.push(d.possible);
        else if (nonDpf.length) t.mechanismOnlyPossible.push(d.possible || !f.assertsTransfer);
        nonDpf.forEach((m) => t.mechanisms.add(m));
      }
      last = { country: dest[0].country, i };
    } else {
      const nonDpf = f.mechanisms.filter((m) => m !== 'DPF');
      // a safeguard named without saying data goes anywhere ("X verfügt über BCR") does not make the transfer stated
      if (nonDpf.length) deferred.push({ mechs: nonDpf, possible: f.possible, last: last && i - last.i <= 3 ? last.country : undefined, i, named });
    }
    if (f.mechanisms.includes('DPF')) {
      const t = draft('US', i);
      t.mechanisms.add('DPF');
      // "…/participant/5780" or the search page's "…/participantdetail?contact=true&id=a2zt0000000KzLyAAK"
      const id = /dataprivacyframework\.gov\/(?:s\/)?participant(?:[^\s]{0,200}?[?&]id=|\/)(\w+)/i.exec(evidenceOf(i).quote)?.[1];
      if (id) t.dpfId = id;
    } else if (f.privacyShield) draft('US', i);
  }
  for (const d of deferred) {
    const lastDraft = d.last !== undefined ? drafts.get(d.last) : undefined;
    const targets = lastDraft ? [lastDraft] : drafts.size ? [...drafts.values()] : thirdSeat ? [Object.assign(draft(thirdSeat, d.i), { named: true })] : [];
    for (const t of targets) {
      // "Mit X (Sitz USA) haben wir SCC abgeschlossen": a safeguard agreed with the recipient itself for
      // the country it sits in says its data go there
      if (d.named && t.country === thirdSeat) t.named = true;
      d.mechs.forEach((m) => t.mechanisms.add(m));
      t.mechanismOnlyPossible.push(d.possible);
      if (t.evidence[t.evidence.length - 1]?.start !== evidenceOf(d.i).start) t.evidence.push(evidenceOf(d.i));
    }
  }
  // a vague "outside the EU" beside named countries adds nothing; "other countries outside Canada" does
  if ([...drafts.keys()].some((k) => k !== null) && !drafts.get(null)?.other) drafts.delete(null);
  return [...drafts.values()].map((t) => ({
    country: t.country,
    mechanisms: fitMechanisms(t.country, t.mechanisms),
    certainty: certainty(t),
    dpfId: t.dpfId,
    evidence: dedupe(t.evidence),
  }));
}

/**
 * The mechanisms of one transfer as the spec records them: a DPF certification is the US
 * adequacy decision, so a US transfer with DPF has no ADEQUACY besides; DPF covers the US only.
 */
function fitMechanisms(country: string | null, mechs: Iterable<Mechanism>): Mechanism[] {
  const s = new Set(mechs);
  if (country === 'US' && s.has('DPF')) s.delete('ADEQUACY');
  if (country !== null && country !== 'US') s.delete('DPF');
  return order(s);
}

function certainty(t: TransferDraft): Certainty {
  if (t.assertions.length) return t.assertions.some((p) => !p) ? 'stated' : 'possible';
  // only a DPF certification puts the transfer there (no sentence names the destination): safeguards
  // stated beside it say how a transfer would rest, not that one happens
  if (!t.named) return 'possible';
  if (t.mechanismOnlyPossible.length) return t.mechanismOnlyPossible.some((p) => !p) ? 'stated' : 'possible';
  return 'possible';
}

/** A general clause that says data of some recipients go (or may go) to their seat's country: "Tools von Unternehmen mit Sitz in den USA … können … übertragen werden". */
export interface TransferClause {
  /** the seats it speaks of; THIRD for any seat in a third country without an adequacy decision */
  seats: Set<string>;
  possible: boolean;
  evidence: Evidence[];
}

/** Safeguards a general clause states: for the transfers to the countries it names ("Für Übermittlungen in die USA …"), else for all. */
export interface MechanismClause extends PolicyWideClause {
  countries: Set<string>;
}

export interface PolicyClauses {
  /** safeguards stated for the policy's transfers (the graph's `policyWideClauses`) */
  mechanisms: MechanismClause[];
  transfers: TransferClause[];
}

/** Any third country without an adequacy decision ("sonstige datenschutzrechtlich nicht sichere Drittstaaten"). */
export const THIRD = '*';
/** How many sentences on a clause reaches in its section: "… mit Sitz in den USA eingebunden. Wenn diese Tools aktiv sind, können …". */
const CLAUSE_REACH = 2;
const NEGATION_NEAR = /\b(?:kein(?:e[nrs]?)?|weder|no|not|never|without|ohne)\b/i;
const BACK_REFERENCE = /\bdiese[nr]? (?:Dritt)?(?:staaten|ländern?|Länder|countries)\b|\bdorthin\b|\bdort(?:hin)? übe|\bthere\b/i;
const TRANSFER_TOPIC = /Drittl|Drittstaat|Ausland|außerhalb (?:der |des )?(?:EU|EWR|Europ)|weltweit|international|third countr|outside (?:the )?(?:EU|EEA|Europ)|worldwide|USA|Übermittlung|transfer/i;

/**
 * The policy's general clauses on transfers, from the sentences that speak of no recipient
 * (`general`, sentence indices in order). A clause that names a safeguard where the text
 * speaks of transfers abroad (a condition "Sofern … Drittland", the section's heading, the
 * sentence or the two before it) is a mechanism clause. A clause that names recipients by
 * their seat and says their data go there is a transfer clause; a denial in the clause or
 * the two sentences after it ("Wir setzen jedoch keine solchen Tools ein") cancels it.
 */
export function policyClauses(seg: Segmented, general: number[], countries: CountryMention[], evidenceOf: (i: number) => Evidence): PolicyClauses {
  const out: PolicyClauses = { mechanisms: [], transfers: [] };
  const isGeneral = new Set(general);
  // the seats named by the sentence before, and the clause it opened: a later sentence of the section may continue or cancel them
  let pending: { seats: Set<string>; i: number } | null = null;
  let lastClause: { clause: TransferClause; i: number } | null = null;
  /** Whether the sentences a, …, b - 1 all speak of no recipient. */
  const allGeneral = (a: number, b: number) => {
    for (let x = a; x < b; x++) if (!isGeneral.has(x)) return false;
    return true;
  };
  let k = 0;
  for (const i of general) {
    const s = seg.sentences[i];
    const near = (j: number | undefined) => j !== undefined && i - j <= CLAUSE_REACH && seg.sentences[j].section === s.section && allGeneral(j, i);
    if (!near(pending?.i)) pending = null;
    if (!near(lastClause?.i)) lastClause = null;
    const negated = TRANSFER_NEGATED.test(s.text) && !POSSIBLE.test(s.text);
    if (negated) {
      if (lastClause) out.transfers.splice(out.transfers.indexOf(lastClause.clause), 1);
      pending = lastClause = null;
      continue;
    }
    while (k < countries.length && countries[k].start < s.start) k++;
    const inSentence: CountryMention[] = [];
    for (let j = k; j < countries.length && countries[j].start < s.end; j++) inSentence.push(countries[j]);
    const seats = seatsNamed(s.text, s.start, inSentence);
    const covered = seats.size ? seats : pending?.seats;
    // (the cheaper tests first: most general sentences fail them, and the rest need not be read)
    const where = () => seats.size > 0 || inSentence.some((c) => !isEuOrEea(c.code)) || THIRD_COUNTRY.test(s.text) || BACK_REFERENCE.test(s.text);
    if (covered && TRANSFER_VERB.test(s.text) && where()) {
      const clause = { seats: covered, possible: POSSIBLE.test(s.text) || CONDITION_ON_TRANSFER_START.test(s.text), evidence: [...(pending && !seats.size ? [evidenceOf(pending.i)] : []), evidenceOf(i)] };
      out.transfers.push(clause);
      lastClause = { clause, i };
    }
    if (seats.size) pending = { seats, i };
    const mechanisms = DEFINITION.test(s.text) ? [] : mechanismsIn(s.text);
    const topical = () => {
      if (POLICY_WIDE.test(s.text) || TRANSFER_TOPIC.test(seg.sections[s.section].heading) || TRANSFER_TOPIC.test(s.text) || pending !== null) return true;
      for (let j = Math.max(0, i - CLAUSE_REACH); j < i; j++) if (near(j) && TRANSFER_TOPIC.test(seg.sentences[j].text)) return true;
      return false;
    };
    if (mechanisms.length && topical()) out.mechanisms.push({ mechanisms, evidence: evidenceOf(i), countries: destinationsNamed(s.text, s.start, inSentence) });
  }
  return out;
}

// "Sofern/Wenn …" opening the sentence: a condition on the clause's transfer
const CONDITION_ON_TRANSFER_START = /^(?:sofern|soweit|falls|wenn|if|where|insofar as)\b/i;

/**
 * The third countries a clause is for: named as where data go ("in die USA", "für Kanada"), not
 * as an example ("z. B. für die Schweiz"), a seat, or a comparison ("demjenigen der Schweiz").
 */
function destinationsNamed(text: string, start: number, inSentence: CountryMention[]): Set<string> {
  const out = new Set<string>();
  for (const c of inSentence) {
    const before = text.slice(Math.max(0, c.start - start - 40), c.start - start);
    if (!isEuOrEea(c.code) && DESTINATION_BEFORE.test(before) && !EXAMPLE_BEFORE.test(before) && !SEATED_IN_BEFORE.test(before)) out.add(c.code);
  }
  return out;
}

const DESTINATION_BEFORE = /\b(?:in|nach|für|into|to|for)\s+(?:die |den |das |the )?$/i;
const EXAMPLE_BEFORE = /\b(?:z\. ?B\.|zum Beispiel|beispielsweise|etwa|wie|insbesondere|e\.g\.|such as|for example|for instance|including|like)\s+(?:\S+\s+){0,3}$/i;

/** The seats by which a sentence names recipients: "Unternehmen mit Sitz in den USA" → US, "US-Anbieter" → US, "Anbieter aus Drittländern" → THIRD. */
function seatsNamed(text: string, start: number, inSentence: CountryMention[]): Set<string> {
  const seats = new Set<string>();
  const denied = (at: number) => NEGATION_NEAR.test(text.slice(Math.max(0, at - 60), at));
  for (const c of inSentence) {
    const at = c.start - start;
    if (!isEuOrEea(c.code) && SEATED_IN_BEFORE.test(text.slice(Math.max(0, at - 40), at)) && !denied(at)) seats.add(c.code);
  }
  const us = US_PROVIDERS.exec(text);
  if (us && !denied(us.index)) seats.add('US');
  const third = THIRD_COUNTRY_PROVIDERS.exec(text);
  if (third && !denied(third.index)) seats.add(THIRD);
  return seats;
}

/**
 * The policy's clauses on top of each recipient's own transfers: a transfer clause gives every
 * recipient seated where it says a transfer there (where it has none), then the mechanism
 * clauses go to every transfer that has none of its own.
 */
export function applyPolicyWideClauses(recipients: Recipient[], clauses: PolicyClauses): void {
  // per seat: stated where any clause states it; a few clauses' sentences as evidence
  const bySeat = new Map<string, { possible: boolean; evidence: Evidence[] }>();
  for (const c of clauses.transfers)
    for (const seat of c.seats) {
      const x = bySeat.get(seat) ?? { possible: true, evidence: [] };
      x.possible &&= c.possible;
      if (x.evidence.length < MAX_CLAUSE_EVIDENCE) x.evidence.push(...c.evidence);
      bySeat.set(seat, x);
    }
  for (const r of recipients) {
    if (r.role === 'self_hosted' || !r.country || isEuOrEea(r.country) || r.transfers.some((t) => t.country === r.country)) continue;
    const hit = bySeat.get(r.country) ?? (countryByCode(r.country)?.adequacy ? undefined : bySeat.get(THIRD));
    if (!hit) continue;
    // a vague "in Drittländer" of its own becomes the named country
    r.transfers = r.transfers.filter((t) => t.country !== null);
    r.transfers.push({ country: r.country, mechanisms: [], certainty: hit.possible ? 'possible' : 'stated', dpfId: null, evidence: [...hit.evidence] });
  }
  if (!clauses.mechanisms.length) return;
  // per destination, the clauses for it: those for all, and those naming it
  const forAll = clauses.mechanisms.filter((c) => !c.countries.size);
  const forCountry = new Map<string, MechanismClause[]>();
  for (const c of clauses.mechanisms) for (const code of c.countries) forCountry.set(code, [...(forCountry.get(code) ?? []), c]);
  for (const r of recipients)
    for (const t of r.transfers) {
      if (t.mechanisms.length) continue;
      const apply = t.country === null ? forAll : [...forAll, ...(forCountry.get(t.country) ?? [])];
      if (!apply.length) continue;
      t.mechanisms = fitMechanisms(t.country, apply.flatMap((c) => c.mechanisms));
      t.evidence.push(...apply.slice(0, MAX_CLAUSE_EVIDENCE).map((c) => c.evidence));
    }
}

/** A transfer resting on general clauses cites at most this many of them. */
const MAX_CLAUSE_EVIDENCE = 12;

const MECHANISM_ORDER: Mechanism[] = ['SCC', 'DPF', 'BCR', 'ADEQUACY', 'ART49', 'OTHER'];
const order = (s: Set<Mechanism>) => MECHANISM_ORDER.filter((m) => s.has(m));

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<number>();
  return evidence.filter((e) => !seen.has(e.start) && seen.add(e.start));
}
