// `export`: current transfers as CSV or JSON, with the same filters as the GraphQL
// `transfers(filter:)` query.
import { writeFileSync } from 'node:fs';
import { openDbFromEnv } from '../db.js';
import { countryCode, transferWhere, type TransferFilter } from '../store/queries.js';
import { MECHANISMS } from '../extract/types.js';
import { COVERAGES, coverageOf, type Coverage } from '../store/coverage.js';
import { countryByCode } from '../kb/countries.js';
import { oneOf, parseCommand, withUsage } from './args.js';
import type { PrismaClient } from '../generated/prisma/client.js';

const USAGE = `usage: policy-graph export [--format csv|json] [--out FILE] [--country C] [--service S] [--vendor V]
       [--controller C] [--mechanism M] [--no-mechanism] [--covered-by ${COVERAGES.join('|')}]
       [--third-country] [--certainty stated|possible] [--history]
  --covered-by none  the third-country transfers nothing covers (no mechanism stated, no adequacy decision)`;

export interface TransferRow {
  controller: string;
  recipient: string;
  recipientCountry: string | null;
  service: string | null;
  country: string | null;
  thirdCountry: boolean;
  mechanisms: string[];
  /** What the transfer rests on (coverage.ts): an adequacy decision covers one with no mechanism stated. */
  coveredBy: Coverage;
  certainty: string;
  dpfId: string | null;
  source: string;
  lastUpdated: string | null;
  contentHash: string;
  quote: string;
  section: string | null;
}

export async function exportTransfers(prisma: PrismaClient, filter: TransferFilter): Promise<TransferRow[]> {
  const rows = await prisma.transfer.findMany({
    where: await transferWhere(prisma, filter),
    orderBy: [{ controller: { name: 'asc' } }, { recipient: { name: 'asc' } }, { id: 'asc' }],
    include: {
      controller: { select: { name: true } },
      recipient: { select: { name: true, countryCode: true } },
      country: { select: { adequacy: true } },
      service: { select: { name: true } },
      version: { select: { contentHash: true, lastUpdated: true, policy: { select: { source: true } } } },
      evidence: { orderBy: { start: 'asc' }, select: { quote: true, section: true } },
    },
  });
  return rows.map((t) => ({
    controller: t.controller.name,
    recipient: t.recipient.name,
    recipientCountry: t.recipient.countryCode,
    service: t.service?.name ?? null,
    country: t.countryCode,
    thirdCountry: t.thirdCountry,
    mechanisms: t.mechanisms,
    coveredBy: coverageOf(t),
    certainty: t.certainty,
    dpfId: t.dpfId,
    source: t.version.policy.source,
    lastUpdated: t.version.lastUpdated,
    contentHash: t.version.contentHash,
    quote: t.evidence.map((e) => e.quote).join(' … '),
    section: t.evidence[0]?.section ?? null,
  }));
}

const COLUMNS: (keyof TransferRow)[] = [
  'controller', 'recipient', 'recipientCountry', 'service', 'country', 'thirdCountry', 'mechanisms', 'coveredBy', 'certainty', 'dpfId', 'source', 'lastUpdated', 'contentHash', 'section', 'quote',
];

export function toCsv(rows: TransferRow[]): string {
  const cell = (v: unknown) => {
    const s = Array.isArray(v) ? v.join('|') : v == null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

export function runExport(args: string[]): Promise<number> {
  return withUsage(USAGE, () => exportCommand(args));
}

const OPTIONS = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
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

async function exportCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, USAGE);
  if (!parsed) return 0;
  const v = parsed.values;
  const format = v.json ? 'json' : v.csv ? 'csv' : (oneOf('format', v.format, ['csv', 'json'] as const) ?? 'csv');
  const out = v.out;
  const filter: TransferFilter = {
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
  // a country filter takes ISO codes (and names): an unknown one answers nothing, so say why
  if (v.country && !countryByCode(countryCode(v.country))) {
    console.error(`warning: "${v.country}" is not a country this graph knows (ISO 3166-1 alpha-2, e.g. US, GB, CH); no transfer will match`);
  }
  const db = await openDbFromEnv();
  try {
    const rows = await exportTransfers(db.prisma, filter);
    const text = format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(rows);
    if (out) {
      writeFileSync(out, text);
      console.error(`wrote ${rows.length} transfers to ${out}`);
    } else process.stdout.write(text);
  } finally {
    await db.close();
  }
  return 0;
}
