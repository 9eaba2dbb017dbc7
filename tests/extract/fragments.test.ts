import { readdirSync, readFileSync } from 'node:fs';
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
  controller?: { name: string | null; country?: string | null };
  recipients: Expected[];
  /** Names that must not come out as recipients (negatives): matched against names and aliases, case-insensitively. */
  absent?: string[];
}
// One file per topic under fixtures/fragments/ (spans, controller, scope, transfers, …).
const dir = new URL('../fixtures/fragments/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const cases: [string, Case][] = files.flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Case[]).map((c) => [f.replace(/\.json$/, ''), c] as [string, Case]));

describe('extractPolicy on written fragments', () => {
  for (const [topic, c] of cases) {
    it(`${topic}: ${c.name}`, () => {
      const g = extractPolicy(c.text, { doc: 'fragment' });
      if (c.language) expect(g.language).toBe(c.language);
      if (c.controller) {
        expect(g.controller.name).toBe(c.controller.name);
        if (c.controller.country !== undefined) expect(g.controller.country).toBe(c.controller.country);
      }
      if (!c.recipients.length && !c.absent) expect(g.recipients.map((r) => r.name)).toEqual([]);
      for (const no of c.absent ?? []) {
        const hit = g.recipients.find((r) => [r.name, ...r.aliases].some((n) => n.toLowerCase().includes(no.toLowerCase())));
        expect(hit?.name, `${no} must not be a recipient`).toBeUndefined();
      }
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
