#!/usr/bin/env node
// policy-graph: one entry point, one module per subcommand.
import { runExtract } from './extract.js';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: () => Promise<Command>; help: string }> = {
  extract: { run: async () => runExtract, help: 'extract [--format json|table] [--out DIR] FILE...  policy text/HTML → policy graph' },
  serve: { run: async () => (await import('./serve.js')).runServe, help: 'serve [--port N] [--host H]  GraphQL API + GraphiQL on 127.0.0.1:4000; seeds an empty database' },
  ingest: { run: async () => (await import('./ingest.js')).runIngest, help: 'ingest [--source S] FILE|DIR|URL...  extract and store policies (DATABASE_URL or .data/pglite)' },
  keys: { run: async () => (await import('./keys.js')).runKeys, help: 'keys create --name N [--scope write|read] | list | revoke ID  API keys for writes (and reads)' },
  neo4j: { run: async () => (await import('./neo4j.js')).runNeo4j, help: 'neo4j sync | status  rebuild the Neo4j projection; how far behind it is (NEO4J_URI, NEO4J_PASSWORD)' },
  export: { run: async () => (await import('./export.js')).runExport, help: 'export [--what transfers|engagements|subprocessors|graph] [--format csv|json|jsonld] [--out FILE] [--country C] ...  current graph as CSV, JSON or DPV JSON-LD' },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const usage = `usage: policy-graph <command> [options]   (policy-graph <command> --help for its options)\n\n${Object.values(COMMANDS).map((c) => `  ${c.help}`).join('\n')}`;
    const help = name === '--help' || name === '-h' || name === 'help';
    (help ? console.log : console.error)(name && !help ? `unknown command "${name}"\n${usage}` : usage);
    return help ? 0 : 2;
  }
  return (await command.run())(args);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
