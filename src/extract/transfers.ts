import { isEuOrEea } from '../kb/countries.js';
import { mechanismsIn, type SentenceFacts } from './classify.js';
import { POLICY_WIDE } from './cues.js';
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
export function decideTransfers(e: TransferSubject, own: OwnFact[], evidenceOf: (i: number) => Evidence): Transfer[] {
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

/** A clause for the whole policy: general text that names a condition and a safeguard. */
export function policyWideClause(sentence: string, evidence: Evidence): PolicyWideClause | null {
  if (!POLICY_WIDE.test(sentence)) return null;
  const mechanisms = mechanismsIn(sentence);
  return mechanisms.length ? { mechanisms, evidence } : null;
}

/** The policy-wide clauses' mechanisms go to every transfer that has none of its own. */
export function applyPolicyWideClauses(recipients: Recipient[], clauses: PolicyWideClause[]): void {
  if (!clauses.length) return;
  const mechs = order(new Set(clauses.flatMap((c) => c.mechanisms)));
  for (const r of recipients)
    for (const t of r.transfers)
      if (!t.mechanisms.length) {
        t.mechanisms = mechs;
        t.evidence.push(...clauses.map((c) => c.evidence));
      }
}

const MECHANISM_ORDER: Mechanism[] = ['SCC', 'DPF', 'BCR', 'ADEQUACY', 'ART49', 'OTHER'];
const order = (s: Set<Mechanism>) => MECHANISM_ORDER.filter((m) => s.has(m));

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<number>();
  return evidence.filter((e) => !seen.has(e.start) && seen.add(e.start));
}
