/**
 * The facts a generated policy states about each vendor, decided before any wording is
 * chosen: which entity, which role, whether and how data leaves the EEA. Both phrasebooks
 * render the same facts, so German and English documents follow one distribution.
 */
import { countryByCode, isEuOrEea } from '../kb/countries.js';
import { vendorByKey, type Vendor, type VendorEntity } from '../kb/vendors.js';
import type { Rng } from './random.js';
import { CONSENT_KEYS } from './sample.js';

export type Role = 'processor' | 'controller' | 'joint' | 'self_hosted' | 'unspecified';
export type Mechanism = 'SCC' | 'DPF' | 'BCR' | 'ADEQUACY' | 'ART49';
export type LegalBasis = 'consent' | 'contract' | 'legitimate' | 'legal_obligation' | 'employment';

export interface Transfer {
  recipient: VendorEntity;
  country: string;
  certainty: 'stated' | 'possible';
  /** Empty when the policy names no mechanism. */
  mechanisms: Mechanism[];
}

export interface SubProcessor {
  brand: string;
  entity: VendorEntity;
  /** Where the sub-processor processes: a country code and optionally a city or region. */
  country: string;
  place?: string;
}

export interface VendorFact {
  vendor: Vendor;
  /** Name used in the heading and the text: the brand or one of its services. */
  service: string;
  contracting: VendorEntity;
  role: Role;
  transfer: Transfer | null;
  /** The policy explicitly says no third-country transfer takes place. */
  deniesTransfer: boolean;
  /** Stated processing location. */
  location: { country: string; place?: string } | null;
  subProcessor: SubProcessor | null;
  legalBases: LegalBasis[];
  /** Consent group for cookie and tracking vendors (§ 25 TDDDG on top of Art. 6). */
  terminalAccess: boolean;
}

const JOINT_CANDIDATES = new Set(['facebook', 'instagram', 'linkedin', 'xing', 'x', 'pinterest', 'tiktok', 'youtube', 'meta-pixel']);
const CONTROLLER_LEANING = new Set(['payment', 'social']);
const TRACKING = new Set(['analytics', 'ads', 'social', 'fonts_maps']);
const BCR_HOLDERS = new Set(['Google LLC', 'Microsoft Corporation', 'Amazon Web Services, Inc.', 'Salesforce, Inc.', 'Cisco Systems, Inc.', 'Adobe Inc.']);

/** Processing places policies name for EU data centres. */
const EU_PLACES: readonly (readonly [string, string])[] = [
  ['DE', 'Frankfurt am Main'], ['DE', 'Nürnberg'], ['DE', 'Falkenstein'], ['DE', 'Berlin'], ['DE', 'München'],
  ['IE', 'Dublin'], ['NL', 'Amsterdam'], ['FR', 'Paris'], ['FI', 'Helsinki'], ['SE', 'Stockholm'],
];

function role(v: Vendor, rng: Rng): Role {
  if (v.selfHostable && rng.chance(0.5)) return 'self_hosted';
  if (JOINT_CANDIDATES.has(v.key) && rng.chance(0.4)) return 'joint';
  if (CONTROLLER_LEANING.has(v.category)) {
    return rng.weighted([['controller', 5], ['processor', 2], ['unspecified', 3]] as const);
  }
  return rng.weighted([['processor', 7], ['unspecified', 2], ['controller', 1]] as const);
}

function mechanisms(recipient: VendorEntity, v: Vendor, rng: Rng): Mechanism[] {
  const country = countryByCode(recipient.country);
  if (country?.adequacy && rng.chance(0.8)) return ['ADEQUACY'];
  if (rng.chance(0.12)) return [];
  const out: Mechanism[] = [];
  if (recipient.country === 'US' && v.dpfCertified && rng.chance(0.7)) out.push('DPF');
  if (out.length === 0 || rng.chance(0.35)) out.push('SCC');
  if (BCR_HOLDERS.has(recipient.name) && rng.chance(0.05)) out.push('BCR');
  if (rng.chance(0.015)) out.push('ART49');
  return out;
}

function subProcessor(v: Vendor, rng: Rng): SubProcessor | null {
  if (v.category === 'hosting' || v.category === 'cdn' || !rng.chance(0.15)) return null;
  const host = vendorByKey(rng.weighted([['aws', 5], ['google-cloud', 2], ['azure', 2], ['hetzner', 1], ['ovh', 1], ['cloudflare', 1]] as const));
  if (!host) return null;
  // Hyperscalers run EU regions; most policies that name one also name the region.
  if (rng.chance(0.7)) {
    const [country, place] = rng.pick(EU_PLACES);
    return { brand: host.brand, entity: host.entities[0], country, place };
  }
  const parent = host.entities[host.entities.length - 1];
  return { brand: host.brand, entity: parent, country: parent.country };
}

function legalBases(v: Vendor, rng: Rng): LegalBasis[] {
  if (CONSENT_KEYS.has(v.key)) return ['legal_obligation', 'legitimate'];
  if (v.key === 'personio' || v.key === 'softgarden' || v.key === 'join' || v.key === 'stepstone' || v.key === 'indeed') return ['employment'];
  switch (v.category) {
    case 'analytics': case 'ads': case 'newsletter': return ['consent'];
    case 'social': case 'fonts_maps': return rng.chance(0.7) ? ['consent'] : ['legitimate'];
    case 'payment': case 'scheduling': return rng.chance(0.6) ? ['contract'] : ['contract', 'legitimate'];
    case 'video_conferencing': return rng.pick([['contract'], ['legitimate'], ['contract', 'legitimate'], ['consent']] as LegalBasis[][]);
    default: return rng.chance(0.7) ? ['legitimate'] : ['contract', 'legitimate'];
  }
}

export function planVendor(v: Vendor, rng: Rng): VendorFact {
  const r = role(v, rng);
  // Older policies often still name the US parent as the provider.
  const contracting = v.entities.length > 1 && rng.chance(0.12) ? v.entities[v.entities.length - 1] : v.entities[0];
  const thirdParty = v.entities.find((e) => e !== contracting && !isEuOrEea(e.country));
  let transfer: Transfer | null = null;
  let deniesTransfer = false;
  let location: VendorFact['location'] = null;

  if (r === 'self_hosted') {
    deniesTransfer = rng.chance(0.5);
    if (rng.chance(0.5)) location = { country: 'DE', place: rng.chance(0.5) ? rng.pick(EU_PLACES.filter(([c]) => c === 'DE'))[1] : undefined };
  } else if (!isEuOrEea(contracting.country)) {
    transfer = { recipient: contracting, country: contracting.country, certainty: rng.chance(0.85) ? 'stated' : 'possible', mechanisms: mechanisms(contracting, v, rng) };
  } else if (thirdParty && rng.chance(0.75)) {
    const certainty = rng.chance(0.6) ? 'possible' : 'stated';
    transfer = { recipient: thirdParty, country: thirdParty.country, certainty, mechanisms: mechanisms(thirdParty, v, rng) };
  } else if (!thirdParty && rng.chance(0.45)) {
    deniesTransfer = true;
  }
  // A processing place in the EEA, or the provider's own third country when the transfer
  // is stated anyway; never a location that contradicts a merely possible transfer.
  if (!location && r !== 'self_hosted' && rng.chance(0.3)) {
    if (isEuOrEea(contracting.country)) {
      const [country, place] = rng.pick(EU_PLACES);
      location = { country, place: rng.chance(0.6) ? place : undefined };
    } else if (transfer?.certainty === 'stated') {
      location = { country: contracting.country };
    }
  }
  return {
    vendor: v,
    service: rng.chance(0.7) ? v.brand : rng.pick(v.services),
    contracting,
    role: r,
    transfer,
    deniesTransfer,
    location,
    subProcessor: r === 'self_hosted' ? null : subProcessor(v, rng),
    legalBases: legalBases(v, rng),
    terminalAccess: TRACKING.has(v.category) || CONSENT_KEYS.has(v.key),
  };
}
