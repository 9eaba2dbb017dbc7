/**
 * Generates one synthetic privacy policy of the load corpus. Pure: the same index and
 * random stream always give the same document, independent of other documents.
 *
 * Sections are rendered to text first and only then arranged, numbered and trimmed to the
 * size window, so size control never re-draws random choices.
 */
import type { Vendor } from '../kb/vendors.js';
import { AUTHORITIES } from './authorities.js';
import { GERMAN } from './de.js';
import { ENGLISH } from './en.js';
import { makeController, makeDpo } from './identity.js';
import type { DocContext, Language, Phrasebook, VendorGroup } from './phrasebook.js';
import { planVendor, type Mechanism, type VendorFact } from './plan.js';
import type { Rng } from './random.js';
import { CONSENT_KEYS, sampleVendors, vendorCount } from './sample.js';

export const MIN_BYTES = 5 * 1024;
export const MAX_BYTES = 60_000;

export interface GeneratedPolicy {
  fileName: string;
  text: string;
  language: Language;
  /** Legal name of the invented controller. */
  controller: string;
  /** Catalog keys of the vendors the text names, in document order. */
  vendors: string[];
}

interface Section {
  heading: string;
  paragraphs: string[];
  children: Section[];
  /** Vendor key for vendor sections, so trimming can report what remains. */
  vendorKey?: string;
}

type Numbering = 'none' | 'dot' | 'paragraph' | 'paren' | 'roman' | 'upper';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX',
  'XXI', 'XXII', 'XXIII', 'XXIV', 'XXV', 'XXVI', 'XXVII', 'XXVIII', 'XXIX', 'XXX', 'XXXI', 'XXXII', 'XXXIII', 'XXXIV', 'XXXV', 'XXXVI', 'XXXVII', 'XXXVIII', 'XXXIX', 'XL',
  'XLI', 'XLII', 'XLIII', 'XLIV', 'XLV', 'XLVI', 'XLVII', 'XLVIII', 'XLIX', 'L', 'LI', 'LII', 'LIII', 'LIV', 'LV', 'LVI', 'LVII', 'LVIII', 'LIX', 'LX'];

/** Boilerplate that reads naturally before the vendor sections; the rest goes after. */
const LEADING_BOILERPLATE = new Set(['general', 'definitions', 'legal-bases', 'logfiles', 'tls', 'cookies']);

const POLICY_WIDE_OPTIONS: readonly (readonly [Mechanism[], number])[] = [
  [['SCC'], 4], [['DPF', 'SCC'], 4], [['ADEQUACY', 'SCC'], 3], [['SCC', 'BCR'], 1], [['DPF'], 2], [['ADEQUACY', 'DPF', 'SCC'], 2], [['ART49'], 1],
];

function sectionBytes(s: Section): number {
  return Buffer.byteLength(s.heading) + s.paragraphs.reduce((n, p) => n + Buffer.byteLength(p) + 2, 4)
    + s.children.reduce((n, c) => n + sectionBytes(c), 0);
}

function groupOf(f: VendorFact): VendorGroup {
  return CONSENT_KEYS.has(f.vendor.key) ? 'consent' : f.vendor.category;
}

function vendorSection(book: Phrasebook, f: VendorFact, ctx: DocContext, rng: Rng): Section {
  return { heading: book.vendorHeading(f, rng), paragraphs: book.vendorBody(f, ctx, rng), children: [], vendorKey: f.vendor.key };
}

/** Vendor sections either grouped under category headings or each at top level. */
function vendorSections(book: Phrasebook, facts: VendorFact[], ctx: DocContext, rng: Rng): Section[] {
  if (rng.chance(0.35)) return facts.map((f) => vendorSection(book, f, ctx, rng));
  const groups = new Map<VendorGroup, VendorFact[]>();
  for (const f of facts) groups.set(groupOf(f), [...(groups.get(groupOf(f)) ?? []), f]);
  const order = rng.chance(0.5) ? [...groups.keys()] : rng.shuffle([...groups.keys()]);
  return order.map((g) => ({
    heading: book.groupHeading(g, rng),
    paragraphs: [],
    children: (groups.get(g) ?? []).map((f) => vendorSection(book, f, ctx, rng)),
  }));
}

function vendorSectionCount(sections: Section[]): number {
  return sections.reduce((n, s) => n + (s.vendorKey ? 1 : 0) + vendorSectionCount(s.children), 0);
}

/** Drops the last vendor section, and its group if that leaves the group empty. */
function dropLastVendor(sections: Section[]): void {
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i];
    if (s.vendorKey) {
      sections.splice(i, 1);
      return;
    }
    if (vendorSectionCount(s.children) > 0) {
      dropLastVendor(s.children);
      if (s.children.length === 0) sections.splice(i, 1);
      return;
    }
  }
}

function vendorKeys(sections: Section[]): string[] {
  return sections.flatMap((s) => [...(s.vendorKey ? [s.vendorKey] : []), ...vendorKeys(s.children)]);
}

function label(numbering: Numbering, path: number[]): string {
  const top = path[0];
  switch (numbering) {
    case 'none': case 'upper': return '';
    case 'dot': return `${path.join('.')}${path.length === 1 ? '.' : ''} `;
    case 'paragraph': return path.length === 1 ? `§ ${top} ` : `${path.join('.')} `;
    case 'paren': {
      const last = path[path.length - 1];
      return path.length === 1 ? `${top}) ` : `${last <= 26 ? String.fromCharCode(96 + last) : last}) `;
    }
    case 'roman': return path.length === 1 ? `${ROMAN[top - 1] ?? top}. ` : `${path[path.length - 1]}. `;
  }
}

function render(title: string, intro: string[], sections: Section[], stand: string, numbering: Numbering): string {
  const out: string[] = [title, '', ...intro.flatMap((p) => [p, ''])];
  const walk = (list: Section[], prefix: number[]) => {
    list.forEach((s, i) => {
      const path = [...prefix, i + 1];
      const heading = numbering === 'upper' && path.length === 1 ? s.heading.toUpperCase() : s.heading;
      out.push(`${label(numbering, path)}${heading}`, '');
      for (const p of s.paragraphs) out.push(p, '');
      walk(s.children, path);
    });
  };
  walk(sections, []);
  out.push(stand, '');
  // A legal form ending in a dot followed by the sentence's own dot ("Inc..") reads as a typo.
  return out.join('\n').replace(/(\S)\.\.(?=\s|$)/g, '$1.');
}

function totalBytes(sections: Section[]): number {
  return sections.reduce((n, s) => n + sectionBytes(s), 0);
}

export function generatePolicy(index: number, rng: Rng): GeneratedPolicy {
  const book = rng.chance(0.75) ? GERMAN : ENGLISH;
  const controller = makeController(index, rng);
  const ctx: DocContext = {
    controller,
    date: { year: rng.int(2019, 2025), month: rng.int(1, 12), day: rng.int(1, 28) },
    dpo: rng.chance(0.5) ? makeDpo(rng) : null,
    authority: AUTHORITIES[controller.state],
    verbosity: rng.next() * 0.8,
  };

  const vendors: Vendor[] = sampleVendors(rng, vendorCount(rng));
  const facts = vendors.map((v) => planVendor(v, rng));

  const title = book.title(rng);
  const intro = rng.chance(0.8) ? book.intro(ctx, rng) : [];
  const controllerSection: Section = { heading: book.controllerHeading(rng), paragraphs: book.controllerBody(ctx, rng), children: [] };
  const dpoSection: Section | null = ctx.dpo ? { heading: book.dpoHeading(rng), paragraphs: book.dpoBody(ctx, rng), children: [] } : null;
  const vendorBlock = vendorSections(book, facts, ctx, rng);
  const policyWide: Section | null = rng.chance(0.25)
    ? (() => {
      const mechs = rng.weighted(POLICY_WIDE_OPTIONS);
      return { heading: book.policyWideHeading(rng), paragraphs: book.policyWideBody(mechs, ctx, rng), children: [] };
    })()
    : null;
  const rights: Section = { heading: book.rightsHeading(rng), paragraphs: book.rightsBody(ctx, rng), children: [] };
  const complaint: Section = { heading: book.complaintHeading(rng), paragraphs: book.complaintBody(ctx, rng), children: [] };
  const stand = book.stand(ctx, rng);

  // Every boilerplate section is rendered now; which ones appear is decided by size below.
  const boilerplate = rng.shuffle(book.boilerplate).map((b) => ({
    id: b.id,
    section: { heading: b.heading(rng), paragraphs: b.body(ctx, rng), children: [] } as Section,
  }));
  const chosen = new Set(boilerplate.filter(() => rng.chance(0.55)).map((b) => b.id));

  const fixedBytes = Buffer.byteLength(title) + intro.reduce((n, p) => n + Buffer.byteLength(p), 0) + Buffer.byteLength(stand)
    + [controllerSection, dpoSection, policyWide, rights, complaint].reduce((n, s) => n + (s ? sectionBytes(s) : 0), 0);
  const size = () => fixedBytes + totalBytes(vendorBlock)
    + boilerplate.reduce((n, b) => n + (chosen.has(b.id) ? sectionBytes(b.section) : 0), 0);
  // Headroom for numbering labels, which are only known at rendering.
  const margin = 400;

  for (const b of boilerplate) {
    if (size() >= MIN_BYTES + margin) break;
    chosen.add(b.id);
  }
  for (const b of boilerplate) {
    if (size() <= MAX_BYTES - margin) break;
    chosen.delete(b.id);
  }
  while (size() > MAX_BYTES - margin && vendorSectionCount(vendorBlock) > 5) dropLastVendor(vendorBlock);

  const picked = boilerplate.filter((b) => chosen.has(b.id));
  const leading = picked.filter((b) => LEADING_BOILERPLATE.has(b.id)).map((b) => b.section);
  const trailing = picked.filter((b) => !LEADING_BOILERPLATE.has(b.id)).map((b) => b.section);
  const middle = [...leading, ...vendorBlock, ...(policyWide ? [policyWide] : []), ...trailing];
  // Some policies follow the common template order, others are assembled freely.
  const body = rng.chance(0.6) ? middle : rng.shuffle(middle);
  const head = dpoSection && rng.chance(0.5) ? [controllerSection, dpoSection] : [controllerSection];
  const tail = [rights, complaint];
  if (dpoSection && head.length === 1) tail.unshift(dpoSection);
  const sections = [...head, ...body, ...tail];

  const numbering = rng.weighted<Numbering>([['none', 3], ['dot', 4], ['paragraph', 1], ['paren', 1], ['roman', 1], ['upper', 1]]);
  const text = render(title, intro, sections, stand, numbering);
  return {
    fileName: `${String(index + 1).padStart(6, '0')}-${controller.domain.split('.')[0]}-${book.language}.txt`,
    text,
    language: book.language,
    controller: controller.name,
    vendors: vendorKeys(vendorBlock),
  };
}
