// What the figures were measured on, printed with every table.
import { cpus, totalmem } from 'node:os';

export function machineLine(): string {
  const c = cpus();
  return `${c[0]?.model ?? 'unknown cpu'}, ${c.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`;
}
