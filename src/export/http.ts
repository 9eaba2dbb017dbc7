// GET /export/{transfers,engagements,subprocessors,graph}.{csv,json,jsonld}?country=US&service=Zoom&…
// and GET /export/context.jsonld. The filters are the API's TransferFilter fields as query
// parameters; the answer is streamed while it is read from the database; an export larger than
// EXPORT_MAX_RECORDS (default 100,000) is refused before anything is sent: narrow the filter.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import type { PrismaClient } from '../generated/prisma/client.js';
import { MECHANISMS } from '../extract/types.js';
import { mayRead, refuseRead } from '../http/read-access.js';
import { COVERAGES } from '../store/coverage.js';
import { DPV_CONTEXT_DOCUMENT } from './dpv.js';
import { countRecords, EXPORT_KINDS, filterProblem, type ExportFilter, type ExportKind } from './records.js';
import { CONTENT_TYPES, EXPORT_FORMATS, exportStream, type ExportFormat } from './stream.js';

export interface ExportRouteOptions {
  readsRequireKey?: boolean;
  maxRecords?: number;
}

/** The API's limit on string arguments (src/graphql/limits.ts). */
const MAX_PARAM_LENGTH = 1000;

class BadRequest extends Error {}

const BOOLEAN: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };

function bool(name: string, value: string): boolean {
  const b = BOOLEAN[value.toLowerCase()];
  if (b === undefined) throw new BadRequest(`${name} must be true or false (got "${value}")`);
  return b;
}

function oneOfParam<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const hit = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!hit) throw new BadRequest(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return hit;
}

const PARAMS = ['country', 'service', 'vendor', 'controller', 'mechanism', 'noMechanism', 'coveredBy', 'thirdCountry', 'certainty', 'includeHistory', 'bom'] as const;

/** The filter and options a query string asks for; unknown, repeated or malformed parameters are refused. */
export function parseExportQuery(search: URLSearchParams): { filter: ExportFilter; bom: boolean } {
  const filter: ExportFilter = {};
  let bom = false;
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    if (!(PARAMS as readonly string[]).includes(name)) throw new BadRequest(`unknown parameter "${name}"; known: ${PARAMS.join(', ')}`);
    if (values.length > 1) throw new BadRequest(`parameter "${name}" is given ${values.length} times`);
    const v = values[0];
    if (v.length > MAX_PARAM_LENGTH || v.includes('\0')) throw new BadRequest(`parameter "${name}" is longer than ${MAX_PARAM_LENGTH} characters or holds a NUL`);
    switch (name as (typeof PARAMS)[number]) {
      case 'country': case 'service': case 'vendor': case 'controller':
        if (v.trim()) filter[name as 'country'] = v;
        break;
      case 'mechanism': filter.mechanism = oneOfParam(name, v, MECHANISMS); break;
      case 'coveredBy': filter.coveredBy = oneOfParam(name, v, COVERAGES); break;
      case 'certainty': filter.certainty = oneOfParam(name, v, ['STATED', 'POSSIBLE'] as const); break;
      case 'noMechanism': filter.noMechanism = bool(name, v); break;
      case 'thirdCountry': filter.thirdCountry = bool(name, v); break;
      case 'includeHistory': filter.includeHistory = bool(name, v); break;
      case 'bom': bom = bool(name, v); break;
    }
  }
  return { filter, bom };
}

function fail(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...extra }).end(JSON.stringify({ errors: [{ message }] }));
}

/** Answers every request under /export/ (the caller routes them here). */
export async function serveExport(prisma: PrismaClient, req: IncomingMessage, res: ServerResponse, path: string, opts: ExportRouteOptions = {}): Promise<void> {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'exports are read with GET', { allow: 'GET, HEAD' });
    if (path === '/export/context.jsonld') {
      // the vocabulary mapping itself is public, like a schema
      res.writeHead(200, { 'content-type': CONTENT_TYPES.jsonld, 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' });
      res.end(req.method === 'HEAD' ? undefined : DPV_CONTEXT_DOCUMENT);
      return;
    }
    const m = /^\/export\/([a-z]+)\.([a-z]+)$/.exec(path);
    const kind = m && (EXPORT_KINDS as readonly string[]).includes(m[1]) ? (m[1] as ExportKind) : null;
    const format = m && (EXPORT_FORMATS as readonly string[]).includes(m[2]) ? (m[2] as ExportFormat) : null;
    if (!kind || !format) return fail(res, 404, `no such export; try /export/{${EXPORT_KINDS.join(',')}}.{${EXPORT_FORMATS.join(',')}} or /export/context.jsonld`);
    if (opts.readsRequireKey && !(await mayRead(prisma, req.headers.authorization))) return refuseRead(res);
    const { filter, bom } = parseExportQuery(new URL(req.url ?? path, 'http://localhost').searchParams);
    const problem = filterProblem(kind, filter);
    if (problem) throw new BadRequest(problem);
    const max = opts.maxRecords ?? (Number(process.env.EXPORT_MAX_RECORDS) || 100_000);
    const count = await countRecords(prisma, kind, filter);
    if (count > max) throw new BadRequest(`this export holds ${count} records, more than the limit of ${max} (EXPORT_MAX_RECORDS): narrow it with a filter`);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `${format === 'csv' ? 'attachment' : 'inline'}; filename="${kind}.${format}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-export-records': String(count),
    });
    if (req.method === 'HEAD') return void res.end();
    const body = exportStream(prisma, kind, format, filter, { bom, maxRecords: max });
    // a reader that disconnects destroys the stream (and so stops the paging); a database error
    // mid-way cuts the response short, so a truncated file cannot pass for a complete one
    pipeline(body, res, (e) => {
      if (e && (e as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error(`export ${path} failed: ${e.message}`);
    });
  } catch (e) {
    if (res.headersSent) return void res.destroy();
    if (e instanceof BadRequest) return fail(res, 400, e.message);
    console.error(`export ${path} failed: ${(e as Error).message}`);
    fail(res, 500, 'export failed');
  }
}
