// `export`: current transfers as CSV or JSON, with the same filters as the GraphQL
// `transfers(filter:)` query.
import { writeFileSync } from 'node:fs';
import { openDbFromEnv } from '../db.js';
import { transferWhere, type TransferFilter } from '../store/queries.js';
import type { Mechanism } from '../extract/types.js';
import type { PrismaClient } from '../generated/prisma/client.js';

const USAGE = `usage: policy-graph export [--format csv|json] [--out FILE] [--country C] [--service S] [--vendor V]
       [--controller C] [--mechanism M] [--no-mechanism] [--third-country] [--certainty stated|possible] [--history]`;

export interface TransferRow {
  controller: string;
  recipient: string;
  recipientCountry: string | null;
  service: string | null;
  country: string | null;
  thirdCountry: boolean;
  mechanisms: string[];
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
  'controller', 'recipient', 'recipientCountry', 'service', 'country', 'thirdCountry', 'mechanisms', 'certainty', 'dpfId', 'source', 'lastUpdated', 'contentHash', 'section', 'quote',
];

export function toCsv(rows: TransferRow[]): string {
  const cell = (v: unknown) => {
    const s = Array.isArray(v) ? v.join('|') : v == null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

export async function runExport(args: string[]): Promise<number> {
  let format = 'csv';
  let out: string | undefined;
  const filter: TransferFilter = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i];
    switch (a) {
      case '--format': format = next(); break;
      case '--json': format = 'json'; break;
      case '--csv': format = 'csv'; break;
      case '--out': out = next(); break;
      case '--country': filter.country = next(); break;
      case '--service': filter.service = next(); break;
      case '--vendor': filter.vendor = next(); break;
      case '--controller': filter.controller = next(); break;
      case '--mechanism': filter.mechanism = next().toUpperCase() as Mechanism; break;
      case '--no-mechanism': filter.noMechanism = true; break;
      case '--third-country': filter.thirdCountry = true; break;
      case '--certainty': filter.certainty = next().toUpperCase() as 'STATED' | 'POSSIBLE'; break;
      case '--history': filter.includeHistory = true; break;
      case '--help': case '-h': console.log(USAGE); return 0;
      default: console.error(`unknown option ${a}\n${USAGE}`); return 2;
    }
  }
  if (format !== 'csv' && format !== 'json') {
    console.error(USAGE);
    return 2;
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
