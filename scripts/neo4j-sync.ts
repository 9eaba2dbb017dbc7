// `npm run neo4j:sync`: the same as `policy-graph neo4j sync` (a full rebuild of the Neo4j
// projection; NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).
import { runNeo4j } from '../src/cli/neo4j.js';

runNeo4j(['sync', ...process.argv.slice(2)]).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
