// The committed SDL (schema/schema.graphql) must match the code: integrators generate clients from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSchemaSDL, SCHEMA_FILE } from '../src/graphql/print.js';

describe('schema/schema.graphql', () => {
  it('is up to date with the Pothos schema (run `npm run schema:print` when this fails)', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === printSchemaSDL(), 'schema/schema.graphql is stale: run `npm run schema:print`').toBe(true);
  });

  it('has the acceptance query’s types: Mechanism and Certainty enums, transfers connection with totalCount', () => {
    const sdl = printSchemaSDL();
    expect(sdl).toMatch(/enum Mechanism \{\s+ADEQUACY\s+ART49\s+BCR\s+DPF\s+OTHER\s+SCC\s+\}/);
    expect(sdl).toMatch(/enum Certainty \{\s+POSSIBLE\s+STATED\s+\}/);
    expect(sdl).toMatch(/union IngestPolicyResult = FetchFailedError \| ForbiddenError \| IngestPolicySuccess \| InvalidInputError \| NotAPolicyError \| RateLimitedError \| UnauthorizedError/);
    expect(sdl).toContain('transfers(after: String, before: String, filter: TransferFilter, first: Int, last: Int): QueryTransfersConnection!');
  });
});
