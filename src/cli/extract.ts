import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ExtractError, extractPolicy } from '../extract/index.js';
import { toJsonDocument } from '../extract/serialize.js';
import { formatTable } from './table.js';
import { oneOf, parseCommand, UsageError, withUsage } from './args.js';

const USAGE = `usage: policy-graph extract [--format json|table] [--out DIR] FILE...
  Extracts each policy (text or HTML, UTF-8 or Windows-1252) into its policy graph:
  JSON on stdout, a table with --format table, or one DIR/<name>.json per file with --out.`;

/** `extract`: each file → its policy graph; JSON per file into --out, else to stdout. Exit 1 if any file failed. */
export function runExtract(argv: string[]): Promise<number> {
  return withUsage(USAGE, () => extractFiles(argv));
}

async function extractFiles(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, { format: { type: 'string' }, out: { type: 'string' } }, USAGE, { positionals: true });
  if (!parsed) return 0;
  const { values, positionals: files } = parsed;
  values.format = oneOf('format', values.format, ['json', 'table'] as const) ?? 'json';
  if (!files.length) throw new UsageError('no input file given');
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
