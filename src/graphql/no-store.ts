// Answers that depend on the caller's key or change without an ingest (the webhook list, the
// delivery log) must never come out of the whole-response cache, whose key is the request body:
// such answers are marked `cache-control: no-store`, and the cache does not keep those.
import { parse, visit, BREAK } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const PRIVATE_FIELDS = new Set(['webhooks', 'webhookDeliveries']);

/** Whether the document selects a field that must not be cached (any alias, any fragment). */
export function selectsPrivateField(query: string): boolean {
  let found = false;
  try {
    visit(parse(query), {
      Field(node) {
        if (PRIVATE_FIELDS.has(node.name.value)) {
          found = true;
          return BREAK;
        }
      },
    });
  } catch {
    return false; // not parseable: Yoga answers with an error, which the cache never keeps
  }
  return found;
}

export function noStorePlugin(): Plugin {
  const marked = new WeakSet<Request>();
  return {
    onParams({ params, request }) {
      if (typeof params.query === 'string' && selectsPrivateField(params.query)) marked.add(request);
    },
    onResponse({ request, response }) {
      if (marked.has(request)) response.headers.set('cache-control', 'no-store');
    },
  };
}
