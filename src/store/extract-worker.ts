// Worker-thread side of the extraction pool: reads one file and extracts it. Errors come back
// as plain data, because an Error crossing threads loses its class and its `code`.
import { readFileSync } from 'node:fs';
import { extractPolicy } from '../extract/index.js';
import type { PolicyGraph } from '../extract/types.js';

export interface ExtractTask {
  path: string;
  /** Recorded as the graph's doc (the policy's source). */
  doc: string;
}

export type ExtractOutcome = { graph: PolicyGraph; error?: undefined } | { graph?: undefined; error: { name: string; code?: string; message: string } };

export default function extractFile(task: ExtractTask): ExtractOutcome {
  try {
    const bytes = readFileSync(task.path);
    return { graph: extractPolicy(bytes, { doc: task.doc, contentType: /\.html?$/i.test(task.path) ? 'text/html' : undefined }) };
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    return { error: { name: err.name ?? 'Error', code: err.code, message: err.message ?? String(e) } };
  }
}
