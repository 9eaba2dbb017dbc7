/**
 * Draws the vendors a policy names: weighted by catalog popularity without replacement,
 * with caps so a document stays plausible (one cookie banner, at most two web hosts).
 */
import { VENDORS, type Vendor } from '../kb/vendors.js';
import type { Rng } from './random.js';

/** Consent-management platforms: a site runs exactly one banner. */
export const CONSENT_KEYS: ReadonlySet<string> = new Set(['usercentrics', 'cookiebot', 'borlabs', 'onetrust', 'consentmanager', 'ccm19']);

function capGroup(v: Vendor): string {
  return CONSENT_KEYS.has(v.key) ? 'consent' : v.category;
}

const CAPS: Readonly<Record<string, number>> = {
  consent: 1, hosting: 2, cdn: 2, newsletter: 1, email: 1, crm: 2, captcha: 1, video_conferencing: 3,
  scheduling: 1, storage: 2, chat: 3, support: 2, monitoring: 2,
};

/**
 * Efraimidis–Spirakis weighted sampling: sort by u^(1/w) and walk down the list, skipping
 * vendors whose group is full. Keeps the popularity skew of the catalog.
 */
export function sampleVendors(rng: Rng, count: number): Vendor[] {
  const keyed = VENDORS.map((v) => ({ v, k: Math.pow(rng.next(), 1 / v.popularity) }));
  keyed.sort((a, b) => b.k - a.k);
  const used = new Map<string, number>();
  const out: Vendor[] = [];
  for (const { v } of keyed) {
    if (out.length >= count) break;
    const group = capGroup(v);
    const n = used.get(group) ?? 0;
    if (n >= (CAPS[group] ?? Infinity)) continue;
    used.set(group, n + 1);
    out.push(v);
  }
  return out;
}

/** 5–40 vendors, most documents between 8 and 25. */
export function vendorCount(rng: Rng): number {
  return 5 + Math.floor(36 * Math.pow(rng.next(), 1.6));
}
