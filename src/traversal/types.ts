// The four multi-hop questions of issue 12 as one interface with two implementations: SQL
// (recursive CTEs, ./sql.ts, always available) and Cypher (Neo4j, when configured). Both must
// return the SAME plain data in the SAME order, so a test can compare them with deep equality.
//
// Everything is in store ids: organization ids (Organization.id), service ids, ISO country
// codes, the store's enums, evidence ids with their quotes. Names are resolved to ids ONCE, in
// the GraphQL layer (src/graphql/types/traversal.ts); backends take ids and never match names.
//
// Only current policy versions count (PolicyVersion.isCurrent, as CURRENT in
// src/store/queries.ts): a link that a superseded version stated and the current one dropped
// is not followed.
//
// ## The hop model
// A data path starts at a controller and follows, from organization to organization:
//   1. exactly one ENGAGEMENT hop first: controller → recipient (an Engagement of a current
//      version; role PROCESSOR, CONTROLLER, JOINT_CONTROLLER or UNSPECIFIED — SELF_HOSTED is
//      NOT followed: self-hosted software sends no data to its vendor);
//   2. then any number of SUBPROCESSOR hops (SubprocessorLink organization → subprocessor) and
//      PARENT hops (ParentLink child → parent: a subsidiary's data may flow to its group parent;
//      the reverse direction is not followed), stated by ANY current version.
// An organization never appears twice on a path (cycles are cut: the link back is not taken).
// Hops are aggregated per (kind, from, to): one hop however many current rows state it, with
// the distinct roles and the evidence of all of them. Depth = number of hops (org → org);
// maxDepth is at most MAX_DEPTH (6), by default DEFAULT_DEPTH (4) — callers validate it.
//
// A path reaches a country through TRANSFERS of its last organization (Transfer rows of current
// versions with recipientId = last org and countryCode = the country):
//   - when the path is the single engagement hop, only the controller's own transfers
//     (Transfer.controllerId = the controller), which carry the controller's mechanisms;
//   - deeper, the transfers any current version states for that organization.
// Transfers with no named country (countryCode null) reach no country. An arrival aggregates
// those transfers: the union of their mechanisms, STATED if any is stated, how many there are,
// and the evidence of at most ARRIVAL_EVIDENCE of them — the lowest evidence ids (a vendor such
// as a large cloud is the recipient of thousands of transfers on a big graph; every path
// ending there would otherwise carry thousands of quotes).
//
// ## Ordering (deterministic, identical in both backends)
// Paths (DataPath, Exposure, ChainLink): by number of hops, then by the sequence of
// organization ids along the path compared element by element, then by the sequence of hop
// kinds; strings compare by code point (SQL: COLLATE "C"; Cypher and JS compare so natively).
// Inside a hop or arrival: roles, mechanisms and services sorted; evidence sorted by id.
// SharedVendor: by number of controllers descending, then vendor id.
// `first` bounds the rows returned, applied AFTER ordering (so a prefix of the full answer).
import type { Certainty, Mechanism, Role } from '../generated/prisma/enums.js';

export type { Certainty, Mechanism, Role };

export const DEFAULT_DEPTH = 4;
export const MAX_DEPTH = 6;
export const DEFAULT_FIRST = 100;
export const MAX_FIRST = 1000;
/** Most evidence rows an arrival carries (the lowest ids). */
export const ARRIVAL_EVIDENCE = 10;

export type HopKind = 'ENGAGEMENT' | 'SUBPROCESSOR' | 'PARENT';

/** The sentence a fact came from. */
export interface EvidenceRef {
  id: string;
  quote: string;
}

/** One link between two organizations, aggregated over every current row that states it. */
export interface Hop {
  kind: HopKind;
  /** Organization id. */
  from: string;
  /** Organization id. */
  to: string;
  /** ENGAGEMENT: the distinct roles the current engagements state, sorted; otherwise []. */
  roles: Role[];
  /** Evidence of every row behind the hop (engagement, sub-processor or parent link), sorted by id. */
  evidence: EvidenceRef[];
}

/** How the last organization of a path reaches the country: its transfers there, aggregated. */
export interface Arrival {
  /** Organization id (the path's last organization). */
  from: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Union of the transfers' mechanisms, sorted ([] when none is stated). */
  mechanisms: Mechanism[];
  /** STATED when any transfer is stated, else POSSIBLE. */
  certainty: Certainty;
  /** How many current transfers state it. */
  transfers: number;
  /** Evidence of the transfers: the ARRIVAL_EVIDENCE lowest evidence ids, sorted by id. */
  evidence: EvidenceRef[];
}

export interface DataPath {
  /** Organization id: the controller asked about (= hops[0].from). */
  controller: string;
  /** Organization ids along the path, controller first (length = hops.length + 1). */
  organizations: string[];
  hops: Hop[];
  arrival: Arrival;
}

/** One path below the organization asked about, ending with one sub-processor link. */
export interface ChainLink {
  /** Organization ids from the organization asked about to this link's sub-processor. */
  organizations: string[];
  /** SUBPROCESSOR hops only, in order (length = organizations.length - 1 = depth). */
  hops: Hop[];
}

/** How one controller uses a vendor (direct engagements of its current versions). */
export interface VendorUse {
  /** Organization id. */
  controller: string;
  /** Distinct roles, sorted (SELF_HOSTED included here: the question is who uses whom). */
  roles: Role[];
  /** Service ids its engagements name (Engagement.serviceId and Engagement.services), sorted. */
  services: string[];
  /** Evidence of those engagements, sorted by id. */
  evidence: EvidenceRef[];
}

export interface SharedVendor {
  /** Organization id of the recipient two or more of the given controllers engage. */
  vendor: string;
  /** One entry per controller that engages it, sorted by controller id (at least two). */
  controllers: VendorUse[];
  /** Service ids named by two or more of those controllers, sorted. */
  sharedServices: string[];
}

/** A controller whose data reaches the vendor, with the path (hop model above, ending at the vendor). */
export interface Exposure {
  /** Organization id (= hops[0].from). */
  controller: string;
  /** Organization ids along the path, controller first, vendor last. */
  organizations: string[];
  hops: Hop[];
}

export interface TraversalBackend {
  /** Every path by which the controller's data can reach the country. */
  dataPaths(a: { controller: string; country: string; maxDepth: number; first: number }): Promise<DataPath[]>;
  /** Every path of sub-processor links below the organization (it is not a path itself). */
  subprocessorChain(a: { organization: string; maxDepth: number; first: number }): Promise<ChainLink[]>;
  /** Recipients that two or more of the given controllers engage directly. */
  sharedVendors(a: { controllers: string[]; first: number }): Promise<SharedVendor[]>;
  /** Every path from a controller to the vendor (the vendor as a direct recipient is one hop). */
  exposure(a: { vendor: string; maxDepth: number; first: number }): Promise<Exposure[]>;
}
