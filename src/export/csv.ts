// Export records as CSV rows: one flat row per record, the evidence reduced to its first
// section and the quotes joined. Written by csv-stringify with its formula guard on: a cell
// that starts with = + - @ tab or CR (text from an untrusted policy) gets a leading ' so a
// spreadsheet shows it instead of evaluating it.
import { stringify, type Stringifier } from 'csv-stringify';
import type { ExportKind, ExportRecord } from './records.js';

type Cell = string | number | boolean | null | string[];
type Row = Record<string, Cell>;

export const CSV_COLUMNS: Record<ExportKind, readonly string[]> = {
  // the columns `export` has always written, in that order
  transfers: ['controller', 'recipient', 'recipientCountry', 'service', 'country', 'thirdCountry', 'mechanisms', 'coveredBy', 'certainty', 'dpfId', 'source', 'lastUpdated', 'contentHash', 'section', 'quote'],
  engagements: ['controller', 'controllerCountry', 'recipient', 'recipientCountry', 'role', 'services', 'purposes', 'dataCategories', 'legalBases', 'source', 'lastUpdated', 'contentHash', 'section', 'quote'],
  subprocessors: ['controller', 'processor', 'processorCountry', 'subprocessor', 'subprocessorCountry', 'source', 'lastUpdated', 'contentHash', 'section', 'quote'],
  // one edge per row: engagement controller → recipient, transfer recipient → country, sub-processor processor → sub-processor
  graph: ['kind', 'controller', 'from', 'fromCountry', 'to', 'toCountry', 'role', 'services', 'thirdCountry', 'mechanisms', 'coveredBy', 'certainty', 'source', 'lastUpdated', 'contentHash', 'section', 'quote'],
};

const evidenceCells = (r: ExportRecord) => ({ section: r.evidence[0]?.section ?? null, quote: r.evidence.map((e) => e.quote).join(' … ') });
const versionCells = (r: ExportRecord) => ({ source: r.source, lastUpdated: r.lastUpdated, contentHash: r.contentHash });

/** The row of `r` for an export of `kind`. */
export function csvRow(kind: ExportKind, r: ExportRecord): Row {
  const common = { ...versionCells(r), ...evidenceCells(r) };
  if (kind === 'graph') {
    if (r.kind === 'engagement') return { kind: r.kind, controller: r.controller.name, from: r.controller.name, fromCountry: r.controller.country, to: r.recipient.name, toCountry: r.recipient.country, role: r.role, services: r.services, ...common };
    if (r.kind === 'transfer') return { kind: r.kind, controller: r.controller.name, from: r.recipient.name, fromCountry: r.recipient.country, to: r.country, toCountry: r.country, services: r.service ? [r.service] : [], thirdCountry: r.thirdCountry, mechanisms: r.mechanisms, coveredBy: r.coveredBy, certainty: r.certainty, ...common };
    return { kind: r.kind, controller: r.controller?.name ?? null, from: r.processor.name, fromCountry: r.processor.country, to: r.subprocessor.name, toCountry: r.subprocessor.country, role: 'SUBPROCESSOR', ...common };
  }
  if (r.kind === 'transfer') {
    return { controller: r.controller.name, recipient: r.recipient.name, recipientCountry: r.recipient.country, service: r.service, country: r.country, thirdCountry: r.thirdCountry, mechanisms: r.mechanisms, coveredBy: r.coveredBy, certainty: r.certainty, dpfId: r.dpfId, ...common };
  }
  if (r.kind === 'engagement') {
    return { controller: r.controller.name, controllerCountry: r.controller.country, recipient: r.recipient.name, recipientCountry: r.recipient.country, role: r.role, services: r.services, purposes: r.purposes, dataCategories: r.dataCategories, legalBases: r.legalBases, ...common };
  }
  return { controller: r.controller?.name ?? null, processor: r.processor.name, processorCountry: r.processor.country, subprocessor: r.subprocessor.name, subprocessorCountry: r.subprocessor.country, ...common };
}

export interface CsvOptions {
  /** A UTF-8 byte order mark first, so Excel reads the file as UTF-8 (umlauts in names and quotes). */
  bom?: boolean;
}

/** A stream that takes rows (objects) and gives CSV text: header first, lists joined with "|". */
export function csvStringifier(kind: ExportKind, opts: CsvOptions = {}): Stringifier {
  return stringify({
    header: true,
    columns: [...CSV_COLUMNS[kind]],
    bom: opts.bom ?? false,
    escape_formulas: true,
    cast: {
      boolean: (v) => String(v),
      // list cells (mechanisms, services, …) are arrays, which csv-stringify would write as JSON
      object: (v) => (Array.isArray(v) ? v.join('|') : JSON.stringify(v)),
    },
  });
}
