// A small synthetic graph for the traversal questions, ingested through the store: three
// controllers whose policies (invented, in our own words) state engagements, transfers,
// sub-processor links and a parent link that together make a chain, a diamond, a cycle, a
// self-hosted dead end and a one-hop rule for transfers. Names are fictional so that no catalog
// entry merges them.
//
//   Nordlicht GmbH ─ENG(PROCESSOR, US SCC)→ Kumulus Mail Inc. ─SUB→ Orbit Hosting LLC ─SUB→ Quarz Backup Inc. ─SUB→ Kumulus (cycle)
//                  ─ENG(CONTROLLER)→ Ferro Analytics Ltd.      ─SUB→ Pixel CDN Inc. ───SUB→ Quarz (diamond)
//                  ─ENG(SELF_HOSTED)→ Selbst Stats GmbH ─SUB→ Quarz          Orbit ─PARENT→ Orbit Holdings Inc.
//   Sonnenweg AG   ─ENG→ Quarz (US DPF), ─ENG→ Orbit Holdings (US, POSSIBLE, no mechanism)
//   Talblick GmbH  ─ENG→ Kumulus (US BCR; also states Kumulus→Orbit), Orbit (states Orbit→Quarz, parent), Pixel (Pixel→Quarz), Quarz (Quarz→Kumulus)
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import type { PolicyGraph } from '../../src/extract/types.js';
import { ingestGraph, type IngestResult } from '../../src/store/ingest.js';
import { ev, policy, recipient, transfer } from './fixtures.js';

export const ORGS = {
  nordlicht: 'Nordlicht GmbH',
  sonnenweg: 'Sonnenweg AG',
  talblick: 'Talblick GmbH',
  kumulus: 'Kumulus Mail Inc.',
  ferro: 'Ferro Analytics Ltd.',
  selbst: 'Selbst Stats GmbH',
  orbit: 'Orbit Hosting LLC',
  holdings: 'Orbit Holdings Inc.',
  pixel: 'Pixel CDN Inc.',
  quarz: 'Quarz Backup Inc.',
} as const;

const link = (name: string, quote: string) => ({ name, evidence: ev(quote, 'Unterauftragsverarbeiter') });

export function nordlicht(): PolicyGraph {
  return policy('nordlicht.txt', ORGS.nordlicht, [
    recipient(ORGS.kumulus, {
      services: ['Kumulus Newsletter'],
      transfers: [transfer('US', ['SCC'], 'Kumulus Mail verarbeitet Adressen in den USA auf Grundlage der Standardvertragsklauseln.')],
      subprocessors: [link(ORGS.orbit, 'Kumulus Mail betreibt seine Server bei Orbit Hosting.'), link(ORGS.pixel, 'Kumulus Mail liefert Bilder über Pixel CDN aus.')],
    }),
    recipient(ORGS.ferro, { role: 'controller' }),
    recipient(ORGS.selbst, { role: 'self_hosted', subprocessors: [link(ORGS.quarz, 'Die Sicherungen von Selbst Stats liegen bei Quarz Backup.')] }),
  ]);
}

export function sonnenweg(): PolicyGraph {
  return policy('sonnenweg.txt', ORGS.sonnenweg, [
    recipient(ORGS.quarz, { transfers: [transfer('US', ['DPF'], 'Quarz Backup speichert Sicherungen in den USA und ist nach dem Data Privacy Framework zertifiziert.')] }),
    recipient(ORGS.holdings, { transfers: [transfer('US', [], 'Orbit Holdings kann Daten auch in den USA verarbeiten.', 'possible')] }),
  ]);
}

/** Talblick's policy; `withOrbitQuarz: false` is a later version that no longer names Quarz under Orbit. */
export function talblick(withOrbitQuarz = true): PolicyGraph {
  const g = policy('talblick.txt', ORGS.talblick, [
    recipient(ORGS.kumulus, {
      services: ['Kumulus Newsletter'],
      transfers: [transfer('US', ['BCR'], 'Kumulus Mail überträgt Daten auf Grundlage verbindlicher interner Datenschutzvorschriften in die USA.')],
      // the same link Nordlicht states: one hop with both sentences
      subprocessors: [link(ORGS.orbit, 'Kumulus Mail hostet seine Dienste bei Orbit Hosting.')],
    }),
    recipient(ORGS.orbit, {
      subprocessors: withOrbitQuarz ? [link(ORGS.quarz, 'Orbit Hosting sichert Daten bei Quarz Backup.')] : [],
      parent: { name: ORGS.holdings, evidence: ev('Orbit Hosting ist eine Tochter der Orbit Holdings Inc.', 'Hosting') },
    }),
    recipient(ORGS.pixel, { subprocessors: [link(ORGS.quarz, 'Pixel CDN lagert Protokolle bei Quarz Backup.')] }),
    recipient(ORGS.quarz, { subprocessors: [link(ORGS.kumulus, 'Quarz Backup versendet Benachrichtigungen über Kumulus Mail.')] }),
  ]);
  if (!withOrbitQuarz) g.text += ' Stand: neue Fassung ohne Quarz Backup bei Orbit.';
  return g;
}

export async function ingestTraversalGraph(prisma: PrismaClient): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for (const g of [nordlicht(), sonnenweg(), talblick()]) out.push(await ingestGraph(prisma, g));
  return out;
}

/** Organization ids by the names above. */
export async function orgIds(prisma: PrismaClient): Promise<Record<keyof typeof ORGS, string>> {
  const rows = await prisma.organization.findMany({ where: { name: { in: Object.values(ORGS) } }, select: { id: true, name: true } });
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return Object.fromEntries(Object.entries(ORGS).map(([k, name]) => [k, byName.get(name) ?? missing(name)])) as Record<keyof typeof ORGS, string>;
}

function missing(name: string): never {
  throw new Error(`fixture organization not stored under its name: ${name}`);
}
