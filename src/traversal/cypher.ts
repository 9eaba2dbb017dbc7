// The four traversal questions (./types.ts) answered from the Neo4j projection
// (src/neo4j/cypher.ts). Neo4j walks the graph one level at a time — each statement expands
// a whole frontier through the relationship indexes and returns the links aggregated per
// (kind, from, to) — and the paths are enumerated here from those links. Why not one
// variable-length pattern: the projection keeps one relationship per stated row (each with its
// evidence), so ten policies stating "Zoom uses AWS" are ten parallel relationships, and a
// `*..6` pattern would enumerate every combination of parallel relationships (10^depth paths
// for one path of organizations) before any de-duplication.
//
// Every statement is a constant taking parameters; the answers are the SQL backend's, in the
// same order (the rules are in ./types.ts).
import type { Driver } from 'neo4j-driver';
import type { Statement } from '../neo4j/cypher.js';
import { cmp, comparePaths, sortedEvidence, sortedSet as sorted } from './order.js';
import { ARRIVAL_EVIDENCE, type ChainLink, type DataPath, type EvidenceRef, type Exposure, type Hop, type HopKind, type Mechanism, type Role, type SharedVendor, type TraversalBackend, type VendorUse, type Certainty } from './types.js';

// ---- statements --------------------------------------------------------------------------

/** Engagement hops out of `$ids` (SELF_HOSTED sends no data: not followed). */
export const ENGAGEMENTS_FROM = `UNWIND $ids AS id
MATCH (a:Organization {id: id})-[e:ENGAGES]->(b:Organization)
WHERE e.role <> 'SELF_HOSTED' AND b.id <> a.id
RETURN a.id AS from, b.id AS to, 'ENGAGEMENT' AS kind, collect(e.role) AS roles, collect(e.evidenceIds) AS evidenceIds, collect(e.evidenceQuotes) AS evidenceQuotes`;

/** Engagement hops into `$ids`. */
export const ENGAGEMENTS_INTO = `UNWIND $ids AS id
MATCH (a:Organization)-[e:ENGAGES]->(b:Organization {id: id})
WHERE e.role <> 'SELF_HOSTED' AND b.id <> a.id
RETURN a.id AS from, b.id AS to, 'ENGAGEMENT' AS kind, collect(e.role) AS roles, collect(e.evidenceIds) AS evidenceIds, collect(e.evidenceQuotes) AS evidenceQuotes`;

/** Sub-processor and parent hops out of `$ids`. */
export const LINKS_FROM = `UNWIND $ids AS id
MATCH (a:Organization {id: id})-[l:USES_SUBPROCESSOR|PART_OF]->(b:Organization)
WHERE b.id <> a.id
RETURN a.id AS from, b.id AS to, CASE type(l) WHEN 'PART_OF' THEN 'PARENT' ELSE 'SUBPROCESSOR' END AS kind, [] AS roles,
       collect(l.evidenceIds) AS evidenceIds, collect(l.evidenceQuotes) AS evidenceQuotes`;

/** Sub-processor and parent hops into `$ids`. */
export const LINKS_INTO = `UNWIND $ids AS id
MATCH (a:Organization)-[l:USES_SUBPROCESSOR|PART_OF]->(b:Organization {id: id})
WHERE b.id <> a.id
RETURN a.id AS from, b.id AS to, CASE type(l) WHEN 'PART_OF' THEN 'PARENT' ELSE 'SUBPROCESSOR' END AS kind, [] AS roles,
       collect(l.evidenceIds) AS evidenceIds, collect(l.evidenceQuotes) AS evidenceQuotes`;

/** Sub-processor hops only, out of `$ids`. */
export const SUBPROCESSORS_FROM = `UNWIND $ids AS id
MATCH (a:Organization {id: id})-[l:USES_SUBPROCESSOR]->(b:Organization)
WHERE b.id <> a.id
RETURN a.id AS from, b.id AS to, 'SUBPROCESSOR' AS kind, [] AS roles, collect(l.evidenceIds) AS evidenceIds, collect(l.evidenceQuotes) AS evidenceQuotes`;

/** Transfers of `$ids` to the named country `$country` (one row per transfer: which count depends on the path). */
export const TRANSFERS_TO_COUNTRY = `UNWIND $ids AS id
MATCH (o:Organization {id: id})-[t:TRANSFERS_TO]->(:Country {code: $country})
WHERE t.countryNamed
RETURN o.id AS from, t.controllerId AS controllerId, t.mechanisms AS mechanisms, t.certainty AS certainty, t.evidenceIds AS evidenceIds, t.evidenceQuotes AS evidenceQuotes`;

/** Every direct engagement of the controllers `$ids` (all roles: the question is who uses whom). */
export const ENGAGEMENTS_OF = `UNWIND $ids AS id
MATCH (c:Organization {id: id})-[e:ENGAGES]->(v:Organization)
WHERE v.id <> c.id
RETURN v.id AS vendor, c.id AS controller, collect(e.role) AS roles, collect(e.serviceIds) AS serviceIds,
       collect(e.evidenceIds) AS evidenceIds, collect(e.evidenceQuotes) AS evidenceQuotes`;

// ---- rows and their assembly (pure) ------------------------------------------------------

export interface LinkRow {
  from: string;
  to: string;
  kind: HopKind;
  roles: string[];
  evidenceIds: string[][];
  evidenceQuotes: string[][];
}

export interface TransferRow {
  from: string;
  controllerId: string;
  mechanisms: string[];
  certainty: string;
  evidenceIds: string[];
  evidenceQuotes: string[];
}

export interface UseRow {
  vendor: string;
  controller: string;
  roles: string[];
  serviceIds: string[][];
  evidenceIds: string[][];
  evidenceQuotes: string[][];
}

/** Evidence from the parallel id/quote lists of the relationships behind one hop, sorted by id. */
function zipEvidence(ids: string[][], quotes: string[][]): EvidenceRef[] {
  return sortedEvidence(ids.flatMap((list, i) => list.map((id, j) => ({ id, quote: quotes[i][j] }))));
}

export function toHop(r: LinkRow): Hop {
  return { kind: r.kind, from: r.from, to: r.to, roles: r.kind === 'ENGAGEMENT' ? sorted(r.roles as Role[]) : [], evidence: zipEvidence(r.evidenceIds, r.evidenceQuotes) };
}

/** Hops keyed by their start: the adjacency a walk follows. */
function adjacency(hops: Hop[], key: 'from' | 'to'): Map<string, Hop[]> {
  const m = new Map<string, Hop[]>();
  for (const h of hops) {
    const list = m.get(h[key]) ?? [];
    list.push(h);
    m.set(h[key], list);
  }
  return m;
}

/**
 * Every path from `controller` (an engagement hop, then sub-processor/parent hops, no
 * organization twice, at most `maxDepth` hops) whose last organization transfers to the
 * country: for a one-hop path the controller's own transfers, deeper any transfer.
 */
export function assembleDataPaths(controller: string, first: Hop[], links: Hop[], transfers: TransferRow[], country: string, maxDepth: number): DataPath[] {
  const next = adjacency(links, 'from');
  const byOrg = new Map<string, TransferRow[]>();
  for (const t of transfers) byOrg.set(t.from, [...(byOrg.get(t.from) ?? []), t]);
  const out: DataPath[] = [];
  const visit = (organizations: string[], hops: Hop[]) => {
    const last = organizations[organizations.length - 1];
    const arriving = (byOrg.get(last) ?? []).filter((t) => hops.length > 1 || t.controllerId === controller);
    if (arriving.length) {
      out.push({
        controller,
        organizations,
        hops,
        arrival: {
          from: last,
          country,
          mechanisms: sorted(arriving.flatMap((t) => t.mechanisms) as Mechanism[]),
          certainty: (arriving.some((t) => t.certainty === 'STATED') ? 'STATED' : 'POSSIBLE') as Certainty,
          transfers: arriving.length,
          // a big cloud vendor receives thousands of transfers: the lowest evidence ids only, as in SQL
          evidence: zipEvidence(arriving.map((t) => t.evidenceIds), arriving.map((t) => t.evidenceQuotes)).slice(0, ARRIVAL_EVIDENCE),
        },
      });
    }
    if (hops.length >= maxDepth) return;
    for (const h of next.get(last) ?? []) if (!organizations.includes(h.to)) visit([...organizations, h.to], [...hops, h]);
  };
  for (const h of first) if (h.from === controller && h.to !== controller) visit([controller, h.to], [h]);
  return out.sort(comparePaths);
}

/** Every path of sub-processor hops below `organization`, 1 to `maxDepth` hops, no organization twice. */
export function assembleChain(organization: string, links: Hop[], maxDepth: number): ChainLink[] {
  const next = adjacency(links, 'from');
  const out: ChainLink[] = [];
  const visit = (organizations: string[], hops: Hop[]) => {
    if (hops.length) out.push({ organizations, hops });
    if (hops.length >= maxDepth) return;
    for (const h of next.get(organizations[organizations.length - 1]) ?? []) if (!organizations.includes(h.to)) visit([...organizations, h.to], [...hops, h]);
  };
  visit([organization], []);
  return out.sort(comparePaths);
}

/** Every path ending at `vendor`: an engagement hop into the first recipient, then sub-processor/parent hops, at most `maxDepth` hops. */
export function assembleExposure(vendor: string, engagements: Hop[], links: Hop[], maxDepth: number): Exposure[] {
  const engagedBy = adjacency(engagements, 'to');
  const linkedBy = adjacency(links, 'to');
  const out: Exposure[] = [];
  // walks backwards from the vendor: `organizations` is the tail of a path, `hops` its hops
  const visit = (organizations: string[], hops: Hop[]) => {
    const head = organizations[0];
    if (hops.length + 1 <= maxDepth) {
      for (const e of engagedBy.get(head) ?? []) if (!organizations.includes(e.from)) out.push({ controller: e.from, organizations: [e.from, ...organizations], hops: [e, ...hops] });
    }
    if (hops.length + 2 > maxDepth) return; // a link needs an engagement before it
    for (const l of linkedBy.get(head) ?? []) if (!organizations.includes(l.from)) visit([l.from, ...organizations], [l, ...hops]);
  };
  visit([vendor], []);
  return out.sort(comparePaths);
}

/** Recipients two or more of the controllers engage, with each one's use. */
export function assembleSharedVendors(rows: UseRow[]): SharedVendor[] {
  const byVendor = new Map<string, VendorUse[]>();
  for (const r of rows) {
    const use: VendorUse = {
      controller: r.controller,
      roles: sorted(r.roles as Role[]),
      services: sorted(r.serviceIds.flat()),
      evidence: zipEvidence(r.evidenceIds, r.evidenceQuotes),
    };
    byVendor.set(r.vendor, [...(byVendor.get(r.vendor) ?? []), use]);
  }
  const out: SharedVendor[] = [];
  for (const [vendor, uses] of byVendor) {
    if (uses.length < 2) continue;
    uses.sort((a, b) => cmp(a.controller, b.controller));
    const count = new Map<string, number>();
    for (const u of uses) for (const s of u.services) count.set(s, (count.get(s) ?? 0) + 1);
    out.push({ vendor, controllers: uses, sharedServices: sorted([...count].filter(([, n]) => n >= 2).map(([s]) => s)) });
  }
  return out.sort((a, b) => b.controllers.length - a.controllers.length || cmp(a.vendor, b.vendor));
}

// ---- the backend -------------------------------------------------------------------------

/** Runs one read statement and returns its records as plain objects. */
export type CypherReader = <T>(s: Statement) => Promise<T[]>;

export function driverReader(driver: Driver, database?: string): CypherReader {
  return async <T>(s: Statement) => {
    const session = driver.session({ defaultAccessMode: 'READ', ...(database ? { database } : {}) });
    try {
      const result = await session.executeRead((tx) => tx.run(s.text, s.params));
      return result.records.map((r) => r.toObject() as T);
    } finally {
      await session.close();
    }
  };
}

/** The statement expanding `ids` one level (the same statement with each frontier). */
function expand(text: string, ids: string[]): Statement {
  return { text, params: { ids } };
}

export class CypherTraversal implements TraversalBackend {
  constructor(private readonly read: CypherReader) {}

  /**
   * Breadth-first: the links out of (or into) each organization reached, fetched once per
   * organization, for organizations up to `levels` hops from `start`.
   */
  private async walk(start: string[], text: string, levels: number, direction: 'from' | 'to'): Promise<Hop[]> {
    const seen = new Set(start);
    const hops: Hop[] = [];
    let frontier = start;
    for (let level = 0; level < levels && frontier.length; level++) {
      const found = (await this.read<LinkRow>(expand(text, frontier))).map(toHop);
      hops.push(...found);
      const reached = found.map((h) => (direction === 'from' ? h.to : h.from));
      frontier = [...new Set(reached)].filter((id) => !seen.has(id));
      for (const id of frontier) seen.add(id);
    }
    return hops;
  }

  async dataPaths(a: { controller: string; country: string; maxDepth: number; first: number }): Promise<DataPath[]> {
    const first = (await this.read<LinkRow>(expand(ENGAGEMENTS_FROM, [a.controller]))).map(toHop);
    const recipients = [...new Set(first.map((h) => h.to))];
    const links = a.maxDepth > 1 ? await this.walk(recipients, LINKS_FROM, a.maxDepth - 1, 'from') : [];
    const reached = [...new Set([...recipients, ...links.map((h) => h.to)])];
    const transfers = reached.length ? await this.read<TransferRow>({ text: TRANSFERS_TO_COUNTRY, params: { ids: reached, country: a.country } }) : [];
    return assembleDataPaths(a.controller, first, links, transfers, a.country, a.maxDepth).slice(0, a.first);
  }

  async subprocessorChain(a: { organization: string; maxDepth: number; first: number }): Promise<ChainLink[]> {
    const links = await this.walk([a.organization], SUBPROCESSORS_FROM, a.maxDepth, 'from');
    return assembleChain(a.organization, links, a.maxDepth).slice(0, a.first);
  }

  async sharedVendors(a: { controllers: string[]; first: number }): Promise<SharedVendor[]> {
    const ids = [...new Set(a.controllers)];
    const rows = ids.length ? await this.read<UseRow>({ text: ENGAGEMENTS_OF, params: { ids } }) : [];
    return assembleSharedVendors(rows).slice(0, a.first);
  }

  async exposure(a: { vendor: string; maxDepth: number; first: number }): Promise<Exposure[]> {
    // organizations within maxDepth - 1 link hops above the vendor, then the engagements into any of them
    const links = a.maxDepth > 1 ? await this.walk([a.vendor], LINKS_INTO, a.maxDepth - 1, 'to') : [];
    const targets = [...new Set([a.vendor, ...links.map((h) => h.from)])];
    const engagements = (await this.read<LinkRow>(expand(ENGAGEMENTS_INTO, targets))).map(toHop);
    return assembleExposure(a.vendor, engagements, links, a.maxDepth).slice(0, a.first);
  }
}
