import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ExtractError, extractPolicy } from '../extract/index.js';
import { toJsonDocument } from '../extract/serialize.js';
import { formatTable } from './table.js';

const USAGE = 'usage: policy-graph extract [--format json|table] [--out DIR] FILE...';

/** `extract`: each file → its policy graph; JSON per file into --out, else to stdout. Exit 1 if any file failed. */
export async function runExtract(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  if (!files.length || (values.format !== 'json' && values.format !== 'table')) {
    console.error(USAGE);
    return 2;
  }
  if (values.out) mkdirSync(values.out, { recursive: true });
  let failed = 0;
  const results: unknown[] = [];
  for (const file of files) {
    const doc = basename(file, extname(file));
    try {
      const graph = extractPolicy(readFileSync(file), { doc, contentType: /\.html?$/i.test(file) ? 'text/html' : undefined });
      if (values.format === 'table') {
        process.stdout.write(formatTable(graph) + '\n');
        continue;
      }
      const json = toJsonDocument(graph);
      if (values.out) {
        // write beside, then rename: a reader never sees half a file
        const target = join(values.out, `${doc}.json`);
        writeFileSync(`${target}.tmp`, JSON.stringify(json, null, 2) + '\n');
        renameSync(`${target}.tmp`, target);
        console.error(`${file}: ${graph.recipients.length} recipients → ${target}`);
      } else results.push(json);
    } catch (err) {
      failed++;
      const reason = err instanceof ExtractError ? `${err.code}: ${err.message}` : (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
      console.error(`${file}: ${reason}`);
    }
  }
  if (values.format === 'json' && !values.out && results.length) process.stdout.write(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
  return failed ? 1 : 0;
}
