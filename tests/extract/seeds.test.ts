import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPolicy } from '../../src/extract/index.js';
import { nameTokens } from '../../src/extract/names.js';

// The seed policies against their gold annotations: every gold recipient is found, with its
// role, seat and transfers; nothing is found that gold lacks.
const seedDir = new URL('../../seed/', import.meta.url);
const goldDir = new URL('../fixtures/gold/', import.meta.url);

interface GoldRecipient {
  name: string;
  aliases: string[];
  services: string[];
  country: string | null;
  role: string;
  transfers: { country: string | null; mechanisms: string[]; certainty: string }[];
}

const sameEntity = (g: GoldRecipient, names: string[]) =>
  [g.name, ...g.aliases, ...g.services].some((a) => names.some((b) => {
    const [x, y] = [nameTokens(a), nameTokens(b)];
    const [s, l] = x.length <= y.length ? [x, y] : [y, x];
    return s.length > 0 && s.every((t) => l.includes(t));
  }));

describe('seed policies against gold', () => {
  it('finds the controllers, recipients, roles, seats and transfers gold names', () => {
    let goldCount = 0, predCount = 0, found = 0, agree = 0;
    const misses: string[] = [];
    for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.txt'))) {
      const doc = file.replace(/\.txt$/, '');
      const gold = JSON.parse(readFileSync(new URL(`${doc}.json`, goldDir), 'utf8'));
      const g = extractPolicy(readFileSync(new URL(file, seedDir)), { doc });
      expect(nameTokens(g.controller.name ?? '')).toEqual(nameTokens(gold.controller.name));
      expect(g.controller.country).toBe(gold.controller.country);
      goldCount += gold.recipients.length;
      predCount += g.recipients.length;
      for (const want of gold.recipients as GoldRecipient[]) {
        const got = g.recipients.find((r) => sameEntity(want, [r.name, ...r.aliases, ...r.services]));
        if (!got) {
          misses.push(`${doc}: missing ${want.name}`);
          continue;
        }
        found++;
        const norm = (ts: GoldRecipient['transfers']) => ts.map((t) => `${t.country}:${[...t.mechanisms].sort().join('+')}:${t.certainty}`).sort().join(' ');
        if (got.role === want.role && got.country === want.country && norm(got.transfers) === norm(want.transfers)) agree++;
        else misses.push(`${doc}: ${want.name} ${got.role}/${got.country}/${norm(got.transfers)} ≠ ${want.role}/${want.country}/${norm(want.transfers)}`);
      }
    }
    // recall and precision of recipients, and full agreement on role, seat and transfers
    expect({ recall: found / goldCount >= 0.95, precision: found / predCount >= 0.95, agreement: agree / found >= 0.85, misses }).toMatchObject({ recall: true, precision: true, agreement: true });
  });
});
