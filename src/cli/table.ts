import type { PolicyGraph } from '../extract/types.js';

/** A person's summary of one policy graph: the controller, then one line per recipient. */
export function formatTable(g: PolicyGraph): string {
  const rows = g.recipients.map((r) => [
    r.name,
    r.country ?? '–',
    r.role,
    r.transfers.map((t) => `${t.country ?? 'third country'} ${t.mechanisms.join('+') || 'no mechanism'} (${t.certainty})`).join('; ') || '–',
    r.subprocessors.map((s) => s.name).join(', ') || '–',
  ]);
  const header = ['recipient', 'seat', 'role', 'transfers', 'sub-processors'];
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => (c.length > widths[i] ? c.slice(0, widths[i] - 1) + '…' : c.padEnd(widths[i]))).join('  ');
  return [
    `${g.doc} (${g.language}) — controller: ${g.controller.name ?? 'unknown'} (${g.controller.country ?? '–'})${g.lastUpdated ? `, Stand ${g.lastUpdated}` : ''}`,
    line(header),
    line(widths.map((w) => '─'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
