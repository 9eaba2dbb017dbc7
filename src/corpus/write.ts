// Writes the synthetic load corpus to a folder: the same (n, seed) always gives byte-identical files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePolicy } from './generate.js';
import { documentRng } from './random.js';

/** Writes policies 0…n-1 of `seed` into `dir` (which must exist); `progress` hears of every thousandth. */
export function writeCorpus(dir: string, n: number, seed: number, progress?: (written: number) => void): { fileNames: string[]; bytes: number } {
  const fileNames: string[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const policy = generatePolicy(i, documentRng(seed, i));
    writeFileSync(join(dir, policy.fileName), policy.text);
    fileNames.push(policy.fileName);
    bytes += Buffer.byteLength(policy.text);
    if ((i + 1) % 1000 === 0 && i + 1 < n) progress?.(i + 1);
  }
  return { fileNames, bytes };
}
