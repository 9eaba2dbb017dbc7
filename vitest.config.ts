import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql as Node loads it for the server (its CommonJS build, which Pothos and Yoga import):
  // Vite would hand our sources its ES build instead, a second copy whose types the first
  // one's instanceof checks reject
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
