import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schema } from './schema.js';

// graphql@16 ships both index.js (CJS, what Node loads for Pothos and Yoga) and index.mjs
// (what Vite/vitest would pick for a direct import): load the same copy Node uses, so
// printSchema does not see the schema's scalars as coming "from another realm".
const { printSchema, lexicographicSortSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/schema.graphql');

export function printSchemaSDL(): string {
  return `${printSchema(lexicographicSortSchema(schema)).trim()}\n`;
}
