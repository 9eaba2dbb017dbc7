// diffVersions on plain data: every kind of change, with the evidence of both sides; the same
// facts (however ordered or duplicated) give no change.
import { describe, expect, it } from 'vitest';
import { diffVersions, type EngagementFact, type TransferFact, type VersionFacts } from '../src/store/diff-versions.js';

const eng = (vendorId: string, role: EngagementFact['role'], evidenceId: string): EngagementFact => ({ vendorId, vendorName: `${vendorId} Inc.`, serviceId: null, role, evidenceId });
const tr = (vendorId: string, countryCode: string | null, mechanisms: TransferFact['mechanisms'], evidenceId: string, ...more: { id: string; quote: string }[]): TransferFact => ({
  vendorId, vendorName: `${vendorId} Inc.`, serviceId: null, countryCode, mechanisms, evidence: [{ id: evidenceId, quote: 'Daten gehen in die USA.' }, ...more],
});
const version = (versionId: string, engagements: EngagementFact[], transfers: TransferFact[] = []): VersionFacts => ({ versionId, controllerId: 'ctrl', controllerName: 'Acme GmbH', engagements, transfers });

/** The interesting part of each change, in order. */
const brief = (before: VersionFacts, after: VersionFacts) =>
  diffVersions(before, after).map((c) => ({ kind: c.kind, vendor: c.vendorId, country: c.countryCode, from: c.countryBeforeCode, mechanism: c.mechanism, roles: [c.roleBefore, c.roleAfter], evidence: [c.beforeEvidenceId, c.afterEvidenceId] }));

describe('diffVersions', () => {
  it('finds nothing between versions with the same facts, however listed', () => {
    const a = version('v1', [eng('zoom', 'PROCESSOR', 'e1'), eng('hetzner', 'PROCESSOR', 'e2')], [tr('zoom', 'US', ['SCC', 'DPF'], 't1')]);
    const b = version('v2', [eng('hetzner', 'PROCESSOR', 'x2'), eng('zoom', 'PROCESSOR', 'x1')], [tr('zoom', 'US', ['DPF'], 'y1'), tr('zoom', 'US', ['SCC'], 'y2')]);
    expect(diffVersions(a, b)).toEqual([]);
    expect(diffVersions(null, b)).toEqual([]);
  });

  it('vendor added and removed, with the evidence of the side that has it', () => {
    const changes = brief(version('v1', [eng('zoom', 'PROCESSOR', 'e-zoom')]), version('v2', [eng('teams', 'PROCESSOR', 'e-teams')]));
    expect(changes).toEqual([
      { kind: 'VENDOR_ADDED', vendor: 'teams', country: null, from: null, mechanism: null, roles: [null, 'PROCESSOR'], evidence: [null, 'e-teams'] },
      { kind: 'VENDOR_REMOVED', vendor: 'zoom', country: null, from: null, mechanism: null, roles: ['PROCESSOR', null], evidence: ['e-zoom', null] },
    ]);
  });

  it('role changed, with both sentences', () => {
    expect(brief(version('v1', [eng('meta', 'PROCESSOR', 'old')]), version('v2', [eng('meta', 'JOINT_CONTROLLER', 'new')]))).toEqual([
      { kind: 'ROLE_CHANGED', vendor: 'meta', country: null, from: null, mechanism: null, roles: ['PROCESSOR', 'JOINT_CONTROLLER'], evidence: ['old', 'new'] },
    ]);
  });

  it('transfers added and removed (a new vendor’s transfers count as added; an unnamed third country is a destination too)', () => {
    const before = version('v1', [eng('zoom', 'PROCESSOR', 'e1'), eng('wp', 'PROCESSOR', 'e2')], [tr('wp', null, [], 't-wp')]);
    const after = version('v2', [eng('zoom', 'PROCESSOR', 'e1b'), eng('wp', 'PROCESSOR', 'e2b'), eng('aws', 'PROCESSOR', 'e3')], [tr('zoom', 'US', ['SCC'], 't-zoom'), tr('aws', 'US', ['DPF'], 't-aws')]);
    expect(brief(before, after)).toEqual([
      { kind: 'VENDOR_ADDED', vendor: 'aws', country: null, from: null, mechanism: null, roles: [null, 'PROCESSOR'], evidence: [null, 'e3'] },
      { kind: 'TRANSFER_ADDED', vendor: 'zoom', country: 'US', from: null, mechanism: null, roles: [null, null], evidence: [null, 't-zoom'] },
      { kind: 'TRANSFER_ADDED', vendor: 'aws', country: 'US', from: null, mechanism: null, roles: [null, null], evidence: [null, 't-aws'] },
      { kind: 'TRANSFER_REMOVED', vendor: 'wp', country: null, from: null, mechanism: null, roles: [null, null], evidence: ['t-wp', null] },
    ]);
  });

  it('mechanisms added and dropped on the same transfer, one change per mechanism', () => {
    const before = version('v1', [eng('sf', 'PROCESSOR', 'e')], [tr('sf', 'US', ['SCC', 'BCR'], 'old')]);
    const after = version('v2', [eng('sf', 'PROCESSOR', 'e')], [tr('sf', 'US', ['DPF', 'BCR'], 'new')]);
    const changes = diffVersions(before, after);
    expect(brief(before, after)).toEqual([
      { kind: 'MECHANISM_ADDED', vendor: 'sf', country: 'US', from: null, mechanism: 'DPF', roles: [null, null], evidence: ['old', 'new'] },
      { kind: 'MECHANISM_DROPPED', vendor: 'sf', country: 'US', from: null, mechanism: 'SCC', roles: [null, null], evidence: ['old', 'new'] },
    ]);
    expect(changes[1].summary).toBe('Acme GmbH no longer names SCC for transfers by sf Inc. to US (now BCR, DPF)');
    expect(changes.map((c) => c.position)).toEqual([0, 1]);
  });

  it('quotes the sentence that names the mechanism on each side', () => {
    const before = version('v1', [eng('zoom', 'PROCESSOR', 'e')], [tr('zoom', 'US', ['SCC'], 'where-old', { id: 'scc', quote: 'Grundlage sind die Standardvertragsklauseln.' })]);
    const after = version('v2', [eng('zoom', 'PROCESSOR', 'e')], [tr('zoom', 'US', ['DPF'], 'where-new', { id: 'dpf', quote: 'Zoom ist nach dem EU-US Data Privacy Framework zertifiziert.' })]);
    expect(brief(before, after).map((c) => [c.kind, c.mechanism, ...c.evidence])).toEqual([
      ['MECHANISM_ADDED', 'DPF', 'scc', 'dpf'],
      ['MECHANISM_DROPPED', 'SCC', 'scc', 'dpf'],
    ]);
  });

  it('destination changed: a vendor that still transfers, elsewhere; a vendor that is gone only loses its transfer', () => {
    const before = version('v1', [eng('zoom', 'PROCESSOR', 'e1'), eng('gone', 'PROCESSOR', 'e2')], [tr('zoom', 'US', ['SCC'], 'us'), tr('gone', 'IN', ['SCC'], 'in')]);
    const after = version('v2', [eng('zoom', 'PROCESSOR', 'e1')], [tr('zoom', 'CA', ['SCC'], 'ca')]);
    const changes = diffVersions(before, after);
    expect(brief(before, after)).toEqual([
      { kind: 'VENDOR_REMOVED', vendor: 'gone', country: null, from: null, mechanism: null, roles: ['PROCESSOR', null], evidence: ['e2', null] },
      { kind: 'DESTINATION_CHANGED', vendor: 'zoom', country: 'CA', from: 'US', mechanism: null, roles: [null, null], evidence: ['us', 'ca'] },
      { kind: 'TRANSFER_REMOVED', vendor: 'gone', country: 'IN', from: null, mechanism: null, roles: [null, null], evidence: ['in', null] },
    ]);
    expect(changes[1].summary).toBe('Acme GmbH: transfers by zoom Inc. now go to CA (was US; SCC)');
    expect(changes.every((c) => c.controllerId === 'ctrl')).toBe(true);
  });

  it('a vendor named twice keeps its most specific role (no change when only the duplicate differs)', () => {
    const before = version('v1', [eng('g', 'UNSPECIFIED', 'a'), eng('g', 'PROCESSOR', 'b')]);
    const after = version('v2', [eng('g', 'PROCESSOR', 'c')]);
    expect(diffVersions(before, after)).toEqual([]);
  });
});
