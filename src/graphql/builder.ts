// The Pothos schema builder with its plugins; defines no types (see ./types/*, one file per
// domain type, each with its root queries beside it).
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import PlannedRowsPlugin from './planned-rows-plugin.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { ReadSql } from '../db.js';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import type { FilterIdsMemo } from '../store/filter-ids-memo.js';
import type { IngestInputOptions } from '../store/ingest-input.js';
import type { AuthContext } from './auth.js';
import type { TraversalBackend } from '../traversal/types.js';

export interface Context extends AuthContext {
  prisma: PrismaClient;
  /** The app's own SQL for the hot read paths (Db.read). */
  read: ReadSql;
  /** Fetch limits and (in tests) a stand-in extractor for the ingestPolicy mutation. */
  ingestOptions?: IngestInputOptions;
  /** Called after an ingestion through the API (invalidates the response cache). */
  graphChanged?: () => void;
  /** The transfer filters' names as ids, kept between requests until the graph changes; resolved per request when absent. */
  filterIds?: FilterIdsMemo;
  /** Answers the traversal questions (Cypher when Neo4j is configured); SQL when absent. */
  traversal?: TraversalBackend;
}

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
}>({
  // plannedRows just before prisma, so its shortcut skips the prisma plugin's wrapper only
  plugins: [ErrorsPlugin, RelayPlugin, PlannedRowsPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  relay: { clientMutationId: 'omit', cursorType: 'String' },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
    maxConnectionSize: 200,
    defaultConnectionSize: 50,
  },
  errors: { defaultTypes: [] },
});

builder.queryType({ description: 'Questions about the policy graph. Everything answers from current policy versions.' });
builder.mutationType({});

builder.scalarType('DateTime', {
  description: 'An ISO-8601 timestamp.',
  serialize: (d) => (d instanceof Date ? d.toISOString() : String(d)),
  parseValue: (v) => new Date(String(v)),
});
