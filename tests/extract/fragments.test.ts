import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPolicy } from '../../src/extract/index.js';

// Policy fragments written for these tests (vendors and phrasings the seeds do not have): each
// names what must be found. A new phrasing is a new entry in the JSON, not a new test.
interface Expected {
  name: string;
  country?: string | null;
  role?: string;
  transfers?: { country: string | null; mechanisms: string[]; certainty: string }[];
  subprocessors?: string[];
  parent?: string;
  aliasIncludes?: string;
  aliasExcludes?: string;
}
interface Case {
  name: string;
  text: string;
  language?: string;
  controller?: { name: string; country: string };
  recipients: Expected[];
}
const cases: Case[] = JSON.parse(readFileSync(new URL('../fixtures/fragments.json', import.meta.url), 'utf8'));

describe('extractPolicy on written fragments', () => {
  for (const c of cases) {
    it(c.name, () => {
      const g = extractPolicy(c.text, { doc: 'fragment' });
      if (c.language) expect(g.language).toBe(c.language);
      if (c.controller) expect({ name: g.controller.name, country: g.controller.country }).toEqual(c.controller);
      if (!c.recipients.length) expect(g.recipients.map((r) => r.name)).toEqual([]);
      for (const want of c.recipients) {
        const got = g.recipients.find((r) => r.name === want.name);
        expect(got, `recipient ${want.name} in ${g.recipients.map((r) => r.name).join(', ')}`).toBeDefined();
        if (want.country !== undefined) expect(got!.country).toBe(want.country);
        if (want.role) expect(got!.role).toBe(want.role);
        if (want.transfers) expect(got!.transfers.map(({ country, mechanisms, certainty }) => ({ country, mechanisms, certainty }))).toEqual(want.transfers);
        if (want.subprocessors) expect(got!.subprocessors.map((s) => s.name)).toEqual(want.subprocessors);
        if (want.parent) expect(got!.parent?.name).toBe(want.parent);
        if (want.aliasIncludes) expect(got!.aliases).toContain(want.aliasIncludes);
        if (want.aliasExcludes) expect(got!.aliases).not.toContain(want.aliasExcludes);
        // every fact carries its sentence
        for (const t of got!.transfers) for (const e of t.evidence) expect(g.text.slice(e.start, e.end)).toBe(e.quote);
      }
    });
  }
});
