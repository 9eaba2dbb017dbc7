/**
 * What a language must provide to write a policy. The generator decides structure and
 * facts; a phrasebook only chooses words, so both languages share one document shape.
 */
import type { VendorCategory } from '../kb/vendors.js';
import type { Controller, Person } from './identity.js';
import type { Mechanism, VendorFact } from './plan.js';
import type { Rng } from './random.js';

export type Language = 'de' | 'en';

export interface DocContext {
  controller: Controller;
  /** Date printed as "Stand"; also decides TTDSG vs TDDDG. */
  date: { year: number; month: number; day: number };
  dpo: { person: Person; firm: string | null; email: string } | null;
  authority: { name: string; city: string };
  /** 0–1: how likely each optional explanatory paragraph is, so document sizes spread out. */
  verbosity: number;
}

/** Heading/body pair for the sections every policy may carry. */
export interface Boilerplate {
  /** Stable id, so the generator can pick each at most once. */
  id: string;
  heading: (rng: Rng) => string;
  body: (ctx: DocContext, rng: Rng) => string[];
}

/** Vendor groups as policies head them; consent platforms get their own group. */
export type VendorGroup = VendorCategory | 'consent';

export interface Phrasebook {
  language: Language;
  title: (rng: Rng) => string;
  intro: (ctx: DocContext, rng: Rng) => string[];
  controllerHeading: (rng: Rng) => string;
  controllerBody: (ctx: DocContext, rng: Rng) => string[];
  dpoHeading: (rng: Rng) => string;
  dpoBody: (ctx: DocContext, rng: Rng) => string[];
  groupHeading: (group: VendorGroup, rng: Rng) => string;
  vendorHeading: (fact: VendorFact, rng: Rng) => string;
  vendorBody: (fact: VendorFact, ctx: DocContext, rng: Rng) => string[];
  /** A clause covering all third-country transfers of the document at once. */
  policyWideHeading: (rng: Rng) => string;
  policyWideBody: (mechanisms: Mechanism[], ctx: DocContext, rng: Rng) => string[];
  rightsHeading: (rng: Rng) => string;
  rightsBody: (ctx: DocContext, rng: Rng) => string[];
  complaintHeading: (rng: Rng) => string;
  complaintBody: (ctx: DocContext, rng: Rng) => string[];
  stand: (ctx: DocContext, rng: Rng) => string;
  /** Optional sections used to vary structure and size. */
  boilerplate: readonly Boilerplate[];
}
