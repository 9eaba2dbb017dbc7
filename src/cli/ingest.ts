// `ingest FILE|DIR|URL…`: extracts and stores each policy through the same path as the API
// (one transaction per policy version, idempotent by content hash), with a progress bar for
// many inputs. Exit code 1 when any input failed.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { openDbFromEnv } from '../db.js';
import { ingestInput } from '../store/ingest-input.js';
import { ingestFile } from '../store/seed.js';

const USAGE = 'usage: policy-graph ingest [--source S] FILE|DIR|URL...   (DATABASE_URL or .data/pglite)';

export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      out.push(input);
      continue;
    }
    const st = statSync(input, { throwIfNoEntry: false });
    if (!st) {
      out.push(input); // reported as failed by the ingest loop
    } else if (st.isDirectory()) {
      const walk = (dir: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (/\.(txt|html?)$/i.test(e.name)) out.push(p);
        }
      };
      walk(input);
    } else out.push(input);
  }
  return out;
}

export async function runIngest(args: string[]): Promise<number> {
  let source: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--source') source = args[++i];
    else if (args[i] === '--help' || args[i] === '-h') {
      console.log(USAGE);
      return 0;
    } else inputs.push(args[i]);
  }
  if (!inputs.length) {
    console.error(USAGE);
    return 2;
  }
  const items = expandInputs(inputs);
  if (source && items.length > 1) {
    console.error('--source applies to a single input');
    return 2;
  }
  const db = await openDbFromEnv();
  const bar =
    items.length > 1 && process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true }, cliProgress.Presets.shades_classic)
      : null;
  bar?.start(items.length, 0, { file: '' });
  let created = 0;
  let unchanged = 0;
  const failed: string[] = [];
  const t0 = Date.now();
  try {
    for (const item of items) {
      try {
        const r = /^https?:\/\//i.test(item)
          ? await ingestInput(db.prisma, { url: item, source }, { allowPrivateNetwork: true })
          : await ingestFile(db.prisma, item, source ?? path.relative(process.cwd(), path.resolve(item)));
        if (r.created) created++;
        else unchanged++;
        if (!bar) console.log(`${r.created ? 'new version' : 'unchanged  '} ${item}: ${r.summary.recipients} recipients, ${r.summary.transfers} transfers (${r.versionId})`);
      } catch (e) {
        failed.push(`${item}: ${(e as Error).name}: ${(e as Error).message}`);
      }
      bar?.increment(1, { file: path.basename(item) });
    }
  } finally {
    bar?.stop();
    await db.close();
  }
  for (const f of failed) console.error(`failed ${f}`);
  console.log(`${items.length} inputs in ${Date.now() - t0} ms: ${created} new versions, ${unchanged} unchanged, ${failed.length} failed`);
  return failed.length ? 1 : 0;
}
