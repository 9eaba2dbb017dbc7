// The Cypher backend's path assembly (src/traversal/cypher.ts): Neo4j returns the links level
// by level, these pure functions enumerate the paths. Checked here on hand-written links
// against answers worked out by hand (chains, cycles, diamonds, depth limits, ordering); the
// statements themselves are parsed in tests/store-neo4j.test.ts and run against a real Neo4j
// there when NEO4J_URI is set.
import { describe, expect, it } from 'vitest';
import { assembleChain, assembleDataPaths, assembleExposure, assembleSharedVendors, toHop, type LinkRow, type TransferRow } from '../src/traversal/cypher.js';
import { ARRIVAL_EVIDENCE, type Hop, type HopKind } from '../src/traversal/types.js';

const hop = (kind: HopKind, from: string, to: string, roles: string[] = [], ev: [string, string][] = [[`ev-${from}-${to}`, `${from} → ${to}`]]): Hop =>
  toHop({ kind, from, to, roles, evidenceIds: [ev.map((e) => e[0])], evidenceQuotes: [ev.map((e) => e[1])] } satisfies LinkRow);
const tr = (from: string, controllerId: string, mechanisms: string[], certainty = 'STATED', id = `t-${from}-${controllerId}`): TransferRow => ({
  from, controllerId, mechanisms, certainty, evidenceIds: [id], evidenceQuotes: [`${from} sends to US`],
});
const orgs = (paths: { organizations: string[] }[]) => paths.map((p) => p.organizations.join('>'));

// a -ENG-> b -SUB-> c -SUB-> d, b -PARENT-> e -SUB-> d, c -SUB-> b (a cycle back)
const first = [hop('ENGAGEMENT', 'a', 'b', ['PROCESSOR', 'CONTROLLER', 'PROCESSOR'])];
const links = [hop('SUBPROCESSOR', 'b', 'c'), hop('SUBPROCESSOR', 'c', 'd'), hop('PARENT', 'b', 'e'), hop('SUBPROCESSOR', 'e', 'd'), hop('SUBPROCESSOR', 'c', 'b')];

describe('Cypher backend: path assembly', () => {
  it('aggregates a hop: distinct sorted roles, evidence of every relationship sorted by id', () => {
    const h = toHop({ kind: 'ENGAGEMENT', from: 'a', to: 'b', roles: ['PROCESSOR', 'CONTROLLER', 'PROCESSOR'], evidenceIds: [['e2', 'e1'], ['e3', 'e1']], evidenceQuotes: [['two', 'one'], ['three', 'one']] });
    expect(h).toEqual({ kind: 'ENGAGEMENT', from: 'a', to: 'b', roles: ['CONTROLLER', 'PROCESSOR'], evidence: [{ id: 'e1', quote: 'one' }, { id: 'e2', quote: 'two' }, { id: 'e3', quote: 'three' }] });
    expect(toHop({ kind: 'PARENT', from: 'a', to: 'b', roles: [], evidenceIds: [[]], evidenceQuotes: [[]] }).roles).toEqual([]);
  });

  it('data paths: one hop arrives by the controller’s own transfers, deeper by any; cycles cut; ordered by length, ids, kinds', () => {
    const transfers = [tr('b', 'x', ['SCC']), tr('b', 'a', ['DPF', 'SCC']), tr('d', 'x', ['SCC'], 'POSSIBLE'), tr('d', 'y', ['BCR'], 'STATED'), tr('c', 'x', [])];
    const paths = assembleDataPaths('a', first, links, transfers, 'US', 4);
    expect(orgs(paths)).toEqual(['a>b', 'a>b>c', 'a>b>c>d', 'a>b>e>d']);
    expect(paths[0].arrival).toEqual({ from: 'b', country: 'US', mechanisms: ['DPF', 'SCC'], certainty: 'STATED', transfers: 1, evidence: [{ id: 't-b-a', quote: 'b sends to US' }] });
    expect(paths[0].hops[0].roles).toEqual(['CONTROLLER', 'PROCESSOR']);
    expect(paths[1].arrival).toMatchObject({ mechanisms: [], certainty: 'STATED' });
    expect(paths[2].arrival).toMatchObject({ mechanisms: ['BCR', 'SCC'], certainty: 'STATED', transfers: 2, evidence: [{ id: 't-d-x' }, { id: 't-d-y' }] });
    expect(paths[3].hops.map((h) => h.kind)).toEqual(['ENGAGEMENT', 'PARENT', 'SUBPROCESSOR']);
    expect(paths.every((p) => p.controller === 'a' && p.organizations.length === p.hops.length + 1)).toBe(true);
    // depth limit: three hops are too many for maxDepth 2
    expect(orgs(assembleDataPaths('a', first, links, transfers, 'US', 2))).toEqual(['a>b', 'a>b>c']);
    // the one-hop path needs the controller's own transfer
    expect(orgs(assembleDataPaths('a', first, links, [tr('b', 'x', ['SCC'])], 'US', 4))).toEqual([]);
  });

  it('an arrival counts every transfer but carries the evidence of the lowest ARRIVAL_EVIDENCE ids', () => {
    const many = Array.from({ length: ARRIVAL_EVIDENCE + 3 }, (_, i) => tr('b', 'a', ['SCC'], 'POSSIBLE', `t${String(99 - i).padStart(2, '0')}`));
    const [path] = assembleDataPaths('a', first, [], many, 'US', 1);
    expect(path.arrival.transfers).toBe(ARRIVAL_EVIDENCE + 3);
    expect(path.arrival.certainty).toBe('POSSIBLE');
    expect(path.arrival.evidence.map((e) => e.id)).toEqual(many.map((t) => t.evidenceIds[0]).sort().slice(0, ARRIVAL_EVIDENCE));
  });

  it('sub-processor chains: every prefix is a link, a cycle back to a member is cut', () => {
    const subs = links.filter((h) => h.kind === 'SUBPROCESSOR');
    expect(orgs(assembleChain('b', subs, 6))).toEqual(['b>c', 'b>c>d']);
    expect(orgs(assembleChain('c', subs, 6))).toEqual(['c>b', 'c>d']);
    expect(orgs(assembleChain('c', subs, 1))).toEqual(['c>b', 'c>d']);
    expect(orgs(assembleChain('d', subs, 6))).toEqual([]);
  });

  it('exposure: every path into the vendor, the engagement first, within the depth', () => {
    const engagements = [hop('ENGAGEMENT', 'a', 'b'), hop('ENGAGEMENT', 'z', 'd'), hop('ENGAGEMENT', 'd', 'c')];
    expect(orgs(assembleExposure('d', engagements, links, 4))).toEqual(['z>d', 'a>b>c>d', 'a>b>e>d']);
    // d engages c, but d cannot reach itself
    expect(orgs(assembleExposure('d', engagements, links, 4)).some((p) => p.startsWith('d>'))).toBe(false);
    expect(orgs(assembleExposure('d', engagements, links, 1))).toEqual(['z>d']);
    // b is below c too (c -SUB-> b): d engages c, so d>c>b; the loop b>c>b is cut
    expect(orgs(assembleExposure('b', engagements, links, 4))).toEqual(['a>b', 'd>c>b']);
  });

  it('shared vendors: two or more controllers, each one’s use, the services they share', () => {
    const shared = assembleSharedVendors([
      { vendor: 'v1', controller: 'c2', roles: ['PROCESSOR'], serviceIds: [['s1'], ['s2', 's1']], evidenceIds: [['e2'], ['e1']], evidenceQuotes: [['two'], ['one']] },
      { vendor: 'v1', controller: 'c1', roles: ['SELF_HOSTED'], serviceIds: [['s1']], evidenceIds: [['e3']], evidenceQuotes: [['three']] },
      { vendor: 'v0', controller: 'c1', roles: ['PROCESSOR'], serviceIds: [[]], evidenceIds: [[]], evidenceQuotes: [[]] },
      { vendor: 'v2', controller: 'c1', roles: ['PROCESSOR'], serviceIds: [[]], evidenceIds: [[]], evidenceQuotes: [[]] },
      { vendor: 'v2', controller: 'c2', roles: ['CONTROLLER'], serviceIds: [['s9']], evidenceIds: [[]], evidenceQuotes: [[]] },
      { vendor: 'v2', controller: 'c3', roles: ['PROCESSOR'], serviceIds: [[]], evidenceIds: [[]], evidenceQuotes: [[]] },
    ]);
    expect(shared.map((s) => [s.vendor, s.controllers.map((c) => c.controller), s.sharedServices])).toEqual([
      ['v2', ['c1', 'c2', 'c3'], []],
      ['v1', ['c1', 'c2'], ['s1']],
    ]);
    expect(shared[1].controllers[1]).toEqual({ controller: 'c2', roles: ['PROCESSOR'], services: ['s1', 's2'], evidence: [{ id: 'e1', quote: 'one' }, { id: 'e2', quote: 'two' }] });
  });
});
