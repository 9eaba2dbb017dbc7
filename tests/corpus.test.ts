import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePolicy, MAX_BYTES, MIN_BYTES, type GeneratedPolicy } from '../src/corpus/generate.js';
import { documentRng } from '../src/corpus/random.js';
import { vendorByKey, VENDORS } from '../src/kb/vendors.js';

const DOCS = 200;
const corpus: GeneratedPolicy[] = Array.from({ length: DOCS }, (_, i) => generatePolicy(i, documentRng(1, i)));

describe('generatePolicy', () => {
  it('is deterministic per seed and index, and the seed matters', () => {
    for (const i of [0, 17, 199]) {
      expect(generatePolicy(i, documentRng(1, i))).toEqual(corpus[i]);
      expect(generatePolicy(i, documentRng(2, i)).text).not.toBe(corpus[i].text);
    }
  });

  it('keeps every document between 5 KB and 60 KB', () => {
    for (const p of corpus) {
      const bytes = Buffer.byteLength(p.text);
      expect(bytes, p.fileName).toBeGreaterThanOrEqual(MIN_BYTES);
      expect(bytes, p.fileName).toBeLessThanOrEqual(MAX_BYTES);
    }
  });

  it('names 5 to 40 distinct catalog vendors, each visible in the text', () => {
    for (const p of corpus) {
      expect(p.vendors.length).toBeGreaterThanOrEqual(5);
      expect(p.vendors.length).toBeLessThanOrEqual(40);
      expect(new Set(p.vendors).size).toBe(p.vendors.length);
      for (const key of p.vendors) {
        const v = vendorByKey(key);
        expect(v, key).toBeDefined();
        expect([v!.brand, ...v!.services].some((name) => p.text.includes(name)), `${key} in ${p.fileName}`).toBe(true);
      }
    }
  });

  it('invents a distinct controller and file name for every document', () => {
    expect(new Set(corpus.map((p) => p.controller)).size).toBe(DOCS);
    expect(new Set(corpus.map((p) => p.fileName)).size).toBe(DOCS);
    for (const p of corpus) expect(p.text).toContain(p.controller);
  });

  it('writes about three quarters in German', () => {
    const german = corpus.filter((p) => p.language === 'de').length / DOCS;
    expect(german).toBeGreaterThan(0.65);
    expect(german).toBeLessThan(0.85);
  });

  it('follows catalog popularity: Google Analytics far more often than a popularity-1 vendor', () => {
    const niche = VENDORS.filter((v) => v.popularity === 1).map((v) => v.key);
    const count = (key: string) => corpus.filter((p) => p.vendors.includes(key)).length;
    const google = count('google-analytics');
    const busiestNiche = Math.max(...niche.map(count));
    expect(google).toBeGreaterThan(DOCS / 3);
    expect(google).toBeGreaterThan(3 * busiestNiche);
  });

  it('covers every transfer mechanism, possible transfers and negations', () => {
    const all = corpus.filter((p) => p.language === 'de').map((p) => p.text).join('\n');
    for (const phrase of ['Standard', 'Data Privacy Framework', 'Binding Corporate Rules', 'Angemessenheitsbeschluss', 'Art. 49', 'nicht ausgeschlossen', 'Art. 26 DSGVO', 'Art. 28']) {
      expect(all, phrase).toContain(phrase);
    }
    expect(all).toContain('Eine Übermittlung in Drittländer findet nicht statt.');
  });
});

describe('corpus CLI', () => {
  const dirs: string[] = [];
  const cli = join(import.meta.dirname, '../src/corpus/cli.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
  const tmp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-test-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes byte-identical corpora for the same arguments', () => {
    const [a, b] = [tmp(), tmp()];
    expect(run('--n', '25', '--seed', '7', '--out', a).status).toBe(0);
    expect(run('--n', '25', '--seed', '7', '--out', b).status).toBe(0);
    const files = readdirSync(a).sort();
    expect(files).toHaveLength(25);
    expect(readdirSync(b).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });

  it.each([
    [['--seed', '1', '--out', 'x'], /missing --n/],
    [['--n', 'ten', '--out', 'x'], /--n must be an integer/],
    [['--n', '0', '--out', 'x'], /--n must be an integer >= 1/],
    [['--n', '5'], /missing --out/],
    [['--n', '5', '--out', 'x', '--bogus'], /Unknown option/],
  ])('rejects %j with a usage message', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('usage: npm run corpus');
  });
});
