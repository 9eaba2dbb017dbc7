// Products named with their provider in words: "Wir nutzen X. Anbieter ist die Y Inc." names Y as
// the maker of X even where the catalog knows X's maker under another name (a brand sold, renamed,
// or contracted through its parent), so X is one of Y's services, not a recipient of its own.
import type { Vendor } from '../kb/vendors.js';
import type { CatalogHit, Entity, Mention } from './entities.js';
import type { Segmented } from './segment.js';

// What stands before the provider's name in its sentence: "Anbieter ist die", "Anbieter dieses
// Dienstes ist die", "Betreiber der Plattform ist", "provided by", "The provider of the tool is".
const PROVIDER_INTRO =
  /(?:^|[.:;]\s+)(?:(?:Der|Die)\s+)?(?:Anbieter(?:in)?|Betreiber(?:in)?|Diensteanbieter(?:in)?)(?:\s+[^.;:()]{1,60}?)?\s+(?:ist|sind)(?:\s+(?:die|der|das))?\s*$|\b(?:provided|operated|offered)\s+by(?:\s+the)?\s*$|(?:^|[.:;]\s+)The\s+(?:provider|operator)(?:\s+[^.;:()]{1,60}?)?\s+is(?:\s+the)?\s*$/iu;

/** How many sentences after a product's name its provider may be introduced. */
const WINDOW = 3;

/**
 * For each catalog product in use that `ownerOf` finds no maker for among the text's entities:
 * the legal entity a sentence introduces as provider, in the product's sentence or the next
 * three of its section, before any other product or provider is named. One binding per product
 * (its first), for the whole text, as the catalog's own makers are.
 */
export function providersInText(
  text: string,
  seg: Segmented,
  hits: { hit: CatalogHit; used: boolean }[],
  entities: Entity[],
  orgMentions: Mention[],
  sentenceAt: (offset: number) => number,
  hasOwner: (vendor: Vendor) => boolean,
): Map<Vendor, Entity> {
  // per sentence, the legal entities it introduces as provider and the products it names
  const introduced = new Map<number, number[]>();
  for (const m of orgMentions) {
    const e = entities[m.entity];
    if (e.brandOnly || !e.legalForm) continue;
    const i = sentenceAt(m.start);
    if (!PROVIDER_INTRO.test(text.slice(seg.sentences[i].start, m.start))) continue;
    if (!introduced.has(i)) introduced.set(i, []);
    introduced.get(i)!.push(m.entity);
  }
  const out = new Map<Vendor, Entity>();
  if (!introduced.size) return out;
  // a catalog name inside a provider's name is that provider ("Salesforce" in "Salesforce, Inc."), not another product
  const names = new Map<number, Mention[]>();
  for (const m of orgMentions) {
    const i = sentenceAt(m.start);
    if (!introduced.has(i)) continue;
    if (!names.has(i)) names.set(i, []);
    names.get(i)!.push(m);
  }
  const productsAt = new Map<number, Set<Vendor>>();
  for (const { hit, used } of hits) {
    if (!used) continue;
    const i = sentenceAt(hit.start);
    if (names.get(i)?.some((m) => m.start <= hit.start && hit.end <= m.end)) continue;
    if (!productsAt.has(i)) productsAt.set(i, new Set());
    productsAt.get(i)!.add(hit.vendor);
  }
  const others = (i: number, vendor: Vendor) => [...(productsAt.get(i) ?? [])].some((v) => v !== vendor);
  for (const { hit, used } of hits) {
    if (!used || out.has(hit.vendor) || hasOwner(hit.vendor)) continue;
    const first = sentenceAt(hit.start);
    const section = seg.sentences[first].section;
    for (let i = first; i <= first + WINDOW && i < seg.sentences.length && seg.sentences[i].section === section; i++) {
      // another product named before the introduction: the provider that follows may be that one's
      if (i > first && (others(first, hit.vendor) || others(i, hit.vendor))) break;
      const ids = introduced.get(i);
      if (!ids) continue;
      // one provider, or none: "Anbieter sind die X GmbH und die Y Inc." binds nothing
      if (new Set(ids).size === 1) out.set(hit.vendor, entities[ids[0]]);
      break;
    }
  }
  return out;
}
