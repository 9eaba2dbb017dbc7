// What a transfer rests on, as an analyst reads it: the one rule behind "without mechanism" (the
// risk list, the dashboard figure, the transfers filter and the export). The stored facts stay
// what the policy states (Transfer.mechanisms); a transfer to a country with an EU adequacy
// decision (Art. 45 GDPR, Country.adequacy) needs no mechanism, so the decision covers it
// though the policy names none. The US has no country-wide decision (Country.adequacy is false):
// the DPF covers certified recipients only, and only a stated DPF says so.
import type { Prisma } from '../generated/prisma/client.js';

export const COVERAGES = ['WITHIN_EEA', 'STATED_MECHANISM', 'ADEQUACY_DECISION', 'NONE'] as const;
export type Coverage = (typeof COVERAGES)[number];

export interface CoverageFacts {
  thirdCountry: boolean;
  mechanisms: readonly string[];
  /** The destination; null for a third country the policy does not name. */
  country: { adequacy: boolean } | null;
}

/** Why a transfer is lawful on its face, or NONE where nothing covers it. */
export function coverageOf(t: CoverageFacts): Coverage {
  if (!t.thirdCountry) return 'WITHIN_EEA';
  if (t.mechanisms.length) return 'STATED_MECHANISM';
  return t.country?.adequacy ? 'ADEQUACY_DECISION' : 'NONE';
}

/** The same rule as a where-clause on Transfer (adequacy read from the stored Country). */
export function coverageWhere(c: Coverage): Prisma.TransferWhereInput {
  const none: Prisma.TransferWhereInput = { thirdCountry: true, mechanisms: { isEmpty: true } };
  switch (c) {
    case 'WITHIN_EEA':
      return { thirdCountry: false };
    case 'STATED_MECHANISM':
      return { thirdCountry: true, NOT: { mechanisms: { isEmpty: true } } };
    case 'ADEQUACY_DECISION':
      return { ...none, country: { is: { adequacy: true } } };
    case 'NONE':
      return { ...none, OR: [{ countryCode: null }, { country: { is: { adequacy: false } } }] };
  }
}
