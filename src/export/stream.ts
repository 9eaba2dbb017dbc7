// One export as a stream of text: records are read page by page and written as they come,
// so neither the server nor the CLI holds the whole answer. CSV through csv-stringify, JSON as
// one array, JSON-LD as one document with the DPV context embedded and the records in @graph.
import { pipeline, Readable } from 'node:stream';
import type { PrismaClient } from '../generated/prisma/client.js';
import { csvRow, csvStringifier } from './csv.js';
import { DPV_CONTEXT, dpvNode } from './dpv.js';
import { exportRecords, type ExportFilter, type ExportKind, type ExportRecord } from './records.js';

export const EXPORT_FORMATS = ['csv', 'json', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
};

export interface ExportOptions {
  /** CSV only: a UTF-8 byte order mark first (for Excel). */
  bom?: boolean;
  /** Stop after this many records (the caller has checked the count; this is the backstop). */
  maxRecords?: number;
}

async function* capped(records: AsyncIterable<ExportRecord>, max: number): AsyncGenerator<ExportRecord> {
  let n = 0;
  for await (const r of records) {
    if (++n > max) return;
    yield r;
  }
}

/** JSON texts for an array whose items come one at a time: "[", items separated by ",", "]". */
async function* jsonArray(head: string, items: AsyncIterable<unknown>, tail: string): AsyncGenerator<string> {
  yield head;
  let first = true;
  for await (const item of items) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(item)}`;
    first = false;
  }
  yield `${first ? '' : '\n'}${tail}`;
}

async function* map<T, U>(items: AsyncIterable<T>, f: (t: T) => U): AsyncGenerator<U> {
  for await (const t of items) yield f(t);
}

/** The export of `kind` under `filter` in `format`, as a readable stream of UTF-8 text. */
export function exportStream(prisma: PrismaClient, kind: ExportKind, format: ExportFormat, filter: ExportFilter, opts: ExportOptions = {}): Readable {
  const records = capped(exportRecords(prisma, kind, filter), opts.maxRecords ?? Infinity);
  if (format === 'csv') {
    // pipeline: an error on either side destroys both (the reader sees it), and a reader that
    // goes away stops the database reads
    return pipeline(Readable.from(map(records, (r) => csvRow(kind, r))), csvStringifier(kind, { bom: opts.bom }), () => {});
  }
  if (format === 'json') return Readable.from(jsonArray('[', records, ']\n'), { objectMode: false });
  const head = `{\n"@context": ${JSON.stringify(DPV_CONTEXT)},\n"@graph": [`;
  return Readable.from(jsonArray(head, map(records, dpvNode), ']\n}\n'), { objectMode: false });
}
