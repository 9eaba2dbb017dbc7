// `export`: transfers, engagements, sub-processor links or the whole current graph as CSV,
// JSON or DPV JSON-LD, with the same filters as the GraphQL `transfers(filter:)` query.
// Streamed from the database to the file (or stdout), like the server's /export/ routes.
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDbFromEnv } from '../db.js';
import { countryCode } from '../store/queries.js';
import { MECHANISMS } from '../extract/types.js';
import { countryByCode } from '../kb/countries.js';
import { COVERAGES } from '../store/coverage.js';
import { countRecords, EXPORT_KINDS, filterProblem, type ExportFilter } from '../export/records.js';
import { EXPORT_FORMATS, exportStream } from '../export/stream.js';
import { oneOf, parseCommand, UsageError, withUsage } from './args.js';

const USAGE = `usage: policy-graph export [--what transfers|engagements|subprocessors|graph] [--format csv|json|jsonld] [--bom]
       [--out FILE] [--country C] [--service S] [--vendor V] [--controller C] [--mechanism M]
       [--no-mechanism] [--covered-by ${COVERAGES.join('|')}] [--third-country] [--certainty stated|possible] [--history]
  Current records (--history: superseded versions too), filtered as the API's transfers(filter:).
  --what      transfers (default); engagements (controller → recipient, with role); subprocessors
              (processor → sub-processor); graph (all three; filters: country, service, vendor, controller)
  --format    csv (default), json, or jsonld (W3C Data Privacy Vocabulary, context embedded)
  --bom       CSV with a UTF-8 byte order mark, for Excel
  --covered-by none  the third-country transfers nothing covers (no mechanism stated, no adequacy decision)`;

const OPTIONS = {
  what: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  bom: { type: 'boolean' },
  out: { type: 'string' },
  country: { type: 'string' },
  service: { type: 'string' },
  vendor: { type: 'string' },
  controller: { type: 'string' },
  mechanism: { type: 'string' },
  'no-mechanism': { type: 'boolean' },
  'covered-by': { type: 'string' },
  'third-country': { type: 'boolean' },
  certainty: { type: 'string' },
  history: { type: 'boolean' },
} as const;

export function runExport(args: string[]): Promise<number> {
  return withUsage(USAGE, () => exportCommand(args));
}

async function exportCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, USAGE);
  if (!parsed) return 0;
  const v = parsed.values;
  const what = oneOf('what', v.what, EXPORT_KINDS) ?? 'transfers';
  const format = v.json ? 'json' : v.csv ? 'csv' : (oneOf('format', v.format, EXPORT_FORMATS) ?? 'csv');
  if (v.bom && format !== 'csv') throw new UsageError('--bom applies to --format csv only');
  const filter: ExportFilter = {
    country: v.country,
    service: v.service,
    vendor: v.vendor,
    controller: v.controller,
    mechanism: oneOf('mechanism', v.mechanism, MECHANISMS),
    noMechanism: v['no-mechanism'],
    coveredBy: oneOf('covered-by', v['covered-by'], COVERAGES),
    thirdCountry: v['third-country'],
    certainty: oneOf('certainty', v.certainty, ['STATED', 'POSSIBLE'] as const),
    includeHistory: v.history,
  };
  const problem = filterProblem(what, filter);
  if (problem) throw new UsageError(problem);
  // a country filter takes ISO codes (and names): an unknown one answers nothing, so say why
  if (v.country && !countryByCode(countryCode(v.country))) {
    console.error(`warning: "${v.country}" is not a country this graph knows (ISO 3166-1 alpha-2, e.g. US, GB, CH); nothing will match`);
  }
  const db = await openDbFromEnv();
  try {
    const count = v.out ? await countRecords(db.prisma, what, filter) : 0;
    const body = exportStream(db.prisma, what, format, filter, { bom: v.bom });
    // stdout stays open after the export (other output may follow); a file is closed
    try {
      await pipeline(body, v.out ? createWriteStream(v.out) : stdoutKeptOpen());
    } catch (e) {
      // `export … | head`: the reader has what it wanted
      if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
    }
    if (v.out) console.error(`wrote ${count} ${what === 'graph' ? 'records' : what} to ${v.out}`);
  } finally {
    await db.close();
  }
  return 0;
}

function stdoutKeptOpen(): Writable {
  const out = new Writable({ write: (chunk, _enc, done) => (process.stdout.write(chunk) ? done() : process.stdout.once('drain', done)) });
  const fail = (e: Error) => out.destroy(e);
  process.stdout.on('error', fail);
  out.once('close', () => process.stdout.off('error', fail));
  return out;
}
