// Worker-thread side of the extraction pool: extracts one file (read here, so the text never
// crosses threads twice) or one input handed over. Errors come back as plain data, because an
// Error crossing threads loses its class and its `code`.
import { readFileSync } from 'node:fs';
import { extractPolicy } from '../extract/index.js';
import type { PolicyGraph } from '../extract/types.js';

export type ExtractTask = ({ path: string; input?: undefined } | { path?: undefined; input: string | Uint8Array }) & {
  /** Recorded as the graph's doc (the policy's source). */
  doc?: string;
  /** text/html for HTML; guessed from the file name for a path. */
  contentType?: string;
};

export type ExtractOutcome = { graph: PolicyGraph; error?: undefined } | { graph?: undefined; error: { name: string; code?: string; message: string } };

export default function extractFile(task: ExtractTask): ExtractOutcome {
  try {
    const input = task.path !== undefined ? readFileSync(task.path) : task.input;
    const contentType = task.contentType ?? (task.path && /\.html?$/i.test(task.path) ? 'text/html' : undefined);
    return { graph: extractPolicy(input, { doc: task.doc, contentType }) };
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    return { error: { name: err.name ?? 'Error', code: err.code, message: err.message ?? String(e) } };
  }
}
