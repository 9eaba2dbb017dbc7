// The traversal questions answered in Neo4j when it is configured (NEO4J_URI): the driver is
// opened on first use, and while Neo4j cannot be reached a question is answered from SQL, which
// gives the same answer (tests/store-neo4j.test.ts checks the two agree) from the primary
// database — an outage of the projection never takes the API's traversal fields down with it.
import type { Driver } from 'neo4j-driver';
import type { PrismaClient } from '../generated/prisma/client.js';
import { CypherTraversal, driverReader } from '../traversal/cypher.js';
import { SqlTraversal } from '../traversal/sql.js';
import type { TraversalBackend } from '../traversal/types.js';
import { connectNeo4j, Neo4jUnavailableError, type Neo4jConfig } from './connect.js';

/** After a failure, SQL answers for this long before Neo4j is tried again. */
const RETRY_AFTER_MS = 30_000;

export interface Neo4jTraversal extends TraversalBackend {
  close(): Promise<void>;
}

export function neo4jTraversal(cfg: Neo4jConfig, prisma: PrismaClient, log: (msg: string) => void = console.error): Neo4jTraversal {
  const sql = new SqlTraversal(prisma);
  let driver: Promise<Driver> | null = null;
  let failedAt = 0;
  const answer = async <A, R>(ask: (b: TraversalBackend, a: A) => Promise<R>, a: A): Promise<R> => {
    if (Date.now() - failedAt < RETRY_AFTER_MS) return ask(sql, a);
    try {
      driver ??= connectNeo4j(cfg);
      const r = await ask(new CypherTraversal(driverReader(await driver, cfg.database)), a);
      if (failedAt) log('neo4j: reachable again; traversals answered from Neo4j');
      failedAt = 0;
      return r;
    } catch (e) {
      const unavailable = e instanceof Neo4jUnavailableError || (e as { code?: string }).code === 'ServiceUnavailable' || (e as { code?: string }).code === 'SessionExpired';
      if (!unavailable) throw e;
      if (!failedAt) log(`neo4j: traversals answered from SQL while Neo4j is unavailable: ${(e as Error).message}`);
      failedAt = Date.now();
      const stale = driver;
      driver = null;
      void stale?.then((d) => d.close()).catch(() => {});
      return ask(sql, a);
    }
  };
  return {
    dataPaths: (a) => answer((b, x) => b.dataPaths(x), a),
    subprocessorChain: (a) => answer((b, x) => b.subprocessorChain(x), a),
    sharedVendors: (a) => answer((b, x) => b.sharedVendors(x), a),
    exposure: (a) => answer((b, x) => b.exposure(x), a),
    async close() {
      const d = driver;
      driver = null;
      await d?.then((x) => x.close()).catch(() => {});
    },
  };
}
