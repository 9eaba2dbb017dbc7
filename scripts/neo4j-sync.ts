// Projects the current graph into Neo4j: NEO4J_URI (bolt://…), NEO4J_USER, NEO4J_PASSWORD.
// Usage: npm run neo4j:sync
import { openDbFromEnv } from '../src/db.js';
import { neo4jDriverFromEnv, syncToNeo4j } from '../src/neo4j/sync.js';

const driver = neo4jDriverFromEnv();
if (!driver) {
  console.error('NEO4J_URI is not set: nothing to sync to');
  process.exit(2);
}
const db = await openDbFromEnv();
try {
  const t0 = Date.now();
  const counts = await syncToNeo4j(db.prisma, driver);
  console.log(`synced to Neo4j in ${Date.now() - t0} ms: ${JSON.stringify(counts)}`);
} finally {
  await driver.close();
  await db.close();
}
