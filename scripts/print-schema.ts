// Writes the printed SDL to schema/schema.graphql (committed; tests/schema.test.ts fails when stale).
// Usage: npm run schema:print          (or --check to exit 1 when the file is stale)
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { printSchemaSDL, SCHEMA_FILE } from '../src/graphql/print.js';

const sdl = printSchemaSDL();
if (process.argv.includes('--check')) {
  const current = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (current !== sdl) {
    console.error(`${path.relative(process.cwd(), SCHEMA_FILE)} is stale: run npm run schema:print`);
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date');
} else {
  mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, sdl);
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
