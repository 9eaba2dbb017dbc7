// With NEO4J_URI set but Neo4j unreachable (a real refused connection, no mock), the traversal
// questions are answered from SQL — the same answers — within seconds, and the outage is logged once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db.js';
import { neo4jTraversal } from '../src/neo4j/traversal-backend.js';
import { SqlTraversal } from '../src/traversal/sql.js';
import { ingestTraversalGraph, orgIds } from './helpers/traversal-graph.js';

describe('traversals while Neo4j is unreachable', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb({});
    await ingestTraversalGraph(db.prisma);
  });
  afterAll(async () => db?.close());

  it('answers from SQL, the same answers, and says so once', async () => {
    const ids = await orgIds(db.prisma);
    const logged: string[] = [];
    const backend = neo4jTraversal({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'not-used' }, db.prisma, (m) => logged.push(m));
    const sql = new SqlTraversal(db.prisma);
    const t0 = Date.now();
    const paths = await backend.dataPaths({ controller: ids.nordlicht, country: 'US', maxDepth: 4, first: 100 });
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths).toEqual(await sql.dataPaths({ controller: ids.nordlicht, country: 'US', maxDepth: 4, first: 100 }));
    expect(await backend.exposure({ vendor: ids.quarz, maxDepth: 4, first: 100 })).toEqual(await sql.exposure({ vendor: ids.quarz, maxDepth: 4, first: 100 }));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/answered from SQL while Neo4j is unavailable/);
    await backend.close();
  });
});
