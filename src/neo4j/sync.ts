// Optional projection of the stored graph into Neo4j for multi-hop questions (sub-processor
// chains, every path from a controller to a country). Idempotent: nodes and relationships are
// MERGEd on their store ids, and relationships of superseded policy versions are removed, so
// running it again after any ingest leaves Neo4j equal to the current graph.
import neo4j, { type Driver } from 'neo4j-driver';
import type { PrismaClient } from '../generated/prisma/client.js';
import { CURRENT } from '../store/queries.js';

export interface SyncCounts {
  organizations: number;
  services: number;
  countries: number;
  engages: number;
  transfers: number;
  subprocessors: number;
  parents: number;
  processingLocations: number;
}

export function neo4jDriverFromEnv(): Driver | null {
  const uri = process.env.NEO4J_URI;
  if (!uri) return null;
  return neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'));
}

export async function syncToNeo4j(prisma: PrismaClient, driver: Driver, database?: string): Promise<SyncCounts> {
  const current = { version: CURRENT };
  const [orgs, services, countries, engagements, transfers, subs, parents, locations] = await Promise.all([
    prisma.organization.findMany({ select: { id: true, name: true, legalForm: true, countryCode: true, dpfId: true } }),
    prisma.service.findMany({ select: { id: true, name: true, organizationId: true } }),
    prisma.country.findMany(),
    prisma.engagement.findMany({ where: current, select: { id: true, versionId: true, controllerId: true, recipientId: true, role: true, serviceId: true } }),
    prisma.transfer.findMany({
      where: current,
      select: { id: true, versionId: true, controllerId: true, recipientId: true, countryCode: true, mechanisms: true, certainty: true, serviceId: true, thirdCountry: true },
    }),
    prisma.subprocessorLink.findMany({ where: current, select: { id: true, versionId: true, organizationId: true, subprocessorId: true } }),
    prisma.parentLink.findMany({ where: current, select: { id: true, versionId: true, childId: true, parentId: true } }),
    prisma.processingLocation.findMany({ where: current, select: { id: true, versionId: true, organizationId: true, countryCode: true } }),
  ]);
  const session = driver.session(database ? { database } : {});
  try {
    await session.executeWrite(async (tx) => {
      await tx.run('CREATE CONSTRAINT org_id IF NOT EXISTS FOR (o:Organization) REQUIRE o.id IS UNIQUE');
      await tx.run('CREATE CONSTRAINT country_code IF NOT EXISTS FOR (c:Country) REQUIRE c.code IS UNIQUE');
      await tx.run('CREATE CONSTRAINT service_id IF NOT EXISTS FOR (s:Service) REQUIRE s.id IS UNIQUE');
    }).catch(() => {});
    await session.executeWrite(async (tx) => {
      await tx.run('UNWIND $rows AS r MERGE (o:Organization {id: r.id}) SET o.name = r.name, o.legalForm = r.legalForm, o.dpfId = r.dpfId', { rows: orgs });
      await tx.run('UNWIND $rows AS r MERGE (c:Country {code: r.code}) SET c.nameEn = r.nameEn, c.nameDe = r.nameDe, c.eu = r.eu, c.eea = r.eea, c.adequacy = r.adequacy', { rows: countries });
      await tx.run('UNWIND $rows AS r MERGE (s:Service {id: r.id}) SET s.name = r.name', { rows: services });
      await tx.run('UNWIND $rows AS r MATCH (s:Service {id: r.id}), (o:Organization {id: r.organizationId}) MERGE (o)-[:OFFERS]->(s)', {
        rows: services.filter((s) => s.organizationId),
      });
      await tx.run('UNWIND $rows AS r MATCH (o:Organization {id: r.id}), (c:Country {code: r.countryCode}) MERGE (o)-[:SEATED_IN]->(c)', {
        rows: orgs.filter((o) => o.countryCode),
      });
      await tx.run(
        'UNWIND $rows AS r MATCH (a:Organization {id: r.controllerId}), (b:Organization {id: r.recipientId}) MERGE (a)-[e:ENGAGES {id: r.id}]->(b) SET e.role = r.role, e.versionId = r.versionId, e.serviceId = r.serviceId',
        { rows: engagements },
      );
      await tx.run(
        `UNWIND $rows AS r MATCH (b:Organization {id: r.recipientId})
         MERGE (c:Country {code: coalesce(r.countryCode, 'XX')})
         MERGE (b)-[t:TRANSFERS_TO {id: r.id}]->(c)
         SET t.mechanisms = r.mechanisms, t.certainty = r.certainty, t.controllerId = r.controllerId, t.versionId = r.versionId, t.serviceId = r.serviceId, t.thirdCountry = r.thirdCountry`,
        { rows: transfers },
      );
      await tx.run(
        'UNWIND $rows AS r MATCH (a:Organization {id: r.organizationId}), (b:Organization {id: r.subprocessorId}) MERGE (a)-[s:USES_SUBPROCESSOR {id: r.id}]->(b) SET s.versionId = r.versionId',
        { rows: subs },
      );
      await tx.run(
        'UNWIND $rows AS r MATCH (a:Organization {id: r.childId}), (b:Organization {id: r.parentId}) MERGE (a)-[p:PART_OF {id: r.id}]->(b) SET p.versionId = r.versionId',
        { rows: parents },
      );
      await tx.run(
        'UNWIND $rows AS r MATCH (a:Organization {id: r.organizationId}), (c:Country {code: r.countryCode}) MERGE (a)-[p:PROCESSES_IN {id: r.id}]->(c) SET p.versionId = r.versionId',
        { rows: locations.filter((l) => l.countryCode) },
      );
      // relationships of superseded versions
      const live = [...engagements, ...transfers, ...subs, ...parents, ...locations].map((x) => x.id);
      await tx.run(
        'MATCH ()-[r:ENGAGES|TRANSFERS_TO|USES_SUBPROCESSOR|PART_OF|PROCESSES_IN]->() WHERE NOT r.id IN $live DELETE r',
        { live },
      );
    });
  } finally {
    await session.close();
  }
  return {
    organizations: orgs.length,
    services: services.length,
    countries: countries.length,
    engages: engagements.length,
    transfers: transfers.length,
    subprocessors: subs.length,
    parents: parents.length,
    processingLocations: locations.length,
  };
}
