import { nameTokens } from './names.js';

/**
 * Finds, among the entities made so far, the one an organization mention names, without
 * comparing it to all of them (12,000 organizations in a crafted text took 85 s that way).
 *
 * Two names are one entity when they have the same key and form (`exact`) or the same legal
 * form, the same first word, and the words of one are among those of the other ("Cisco Inc."
 * and "Cisco Systems, Inc."). So only entities of the same form and first word are candidates,
 * and among them only those whose word set contains, or is contained in, the mention's: every
 * entity is filed under each subset of its words that keeps the first word, and the mention
 * looks up its own word set (entities containing it) and each of its subsets (entities
 * contained in it). Word sets larger than SMALL are not enumerated (2^(n-1) subsets); such
 * entities, and mentions with such names, are compared one by one within their form and first
 * word, which the cap on organizations per document bounds.
 */
const SMALL = 6;

interface Filed<E> {
  entity: E;
  id: number;
}

export class EntityIndex<E> {
  private readonly byExact = new Map<string, Filed<E>>();
  /** form, first word, word set → the entities with exactly that word set */
  private readonly byWords = new Map<string, Filed<E>[]>();
  /** form, first word, a subset of the words → the entities with a small word set containing it */
  private readonly bySubset = new Map<string, Filed<E>[]>();
  /** form, first word → the entities with a large word set */
  private readonly large = new Map<string, Filed<E>[]>();
  /** form, first word → every entity */
  private readonly all = new Map<string, Filed<E>[]>();

  /** Files an entity (ids increasing): `exactKey` its name's key and form, `form` its normalised legal form. */
  add(entity: E, id: number, exactKey: string, form: string, name: string): void {
    const filed = { entity, id };
    if (!this.byExact.has(exactKey)) this.byExact.set(exactKey, filed);
    const words = wordSet(name);
    if (!words.length) return;
    const bucket = `${form}\u0000${words[0]}`;
    push(this.all, bucket, filed);
    push(this.byWords, `${bucket}\u0000${words.join(' ')}`, filed);
    if (words.length > SMALL) push(this.large, bucket, filed);
    else for (const s of subsets(words)) push(this.bySubset, `${bucket}\u0000${s}`, filed);
  }

  /**
   * The entity with the lowest id among those filed under `exactKey` or for which `same` holds,
   * as a scan of all entities in order would find it. `same` decides; the index only narrows.
   */
  find(exactKey: string, form: string, name: string, same: (e: E) => boolean): E | undefined {
    let best = this.byExact.get(exactKey);
    const consider = (list: Filed<E>[] | undefined) => {
      // lists are in id order: the first that holds is the list's best
      for (const f of list ?? []) {
        if (best && f.id >= best.id) return;
        if (same(f.entity)) {
          best = f;
          return;
        }
      }
    };
    const words = wordSet(name);
    if (!words.length) return best?.entity;
    const bucket = `${form}\u0000${words[0]}`;
    if (words.length > SMALL) consider(this.all.get(bucket));
    else {
      // entities whose words contain the mention's …
      consider(this.bySubset.get(`${bucket}\u0000${words.join(' ')}`));
      consider(this.large.get(bucket));
      // … and those whose words it contains
      for (const s of subsets(words)) consider(this.byWords.get(`${bucket}\u0000${s}`));
    }
    return best?.entity;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The distinct words of a name, the first word first, the rest sorted. */
function wordSet(name: string): string[] {
  const tokens = nameTokens(name);
  if (!tokens.length) return [];
  return [tokens[0], ...[...new Set(tokens.slice(1))].filter((t) => t !== tokens[0]).sort()];
}

/** Every subset of `words` that keeps its first word, each as its words joined in order. */
function subsets(words: string[]): string[] {
  const rest = words.slice(1);
  const out: string[] = [];
  for (let mask = 0; mask < 1 << rest.length; mask++) out.push([words[0], ...rest.filter((_, k) => mask & (1 << k))].join(' '));
  return out;
}
