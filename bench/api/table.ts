// Markdown tables, so what the bench prints pastes straight into docs/BENCHMARKS.md.

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`, ...cells.map(line)].join('\n');
}

export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
