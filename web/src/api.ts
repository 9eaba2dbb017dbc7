// The page's only way to the data: POST /graphql with fetch. Every failure becomes an ApiError
// that says what went wrong (network, HTTP status, GraphQL errors), for the page to show.

const KEY_STORAGE = 'policy-graph.apiKey';

export type ApiErrorKind = 'network' | 'http' | 'graphql';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** HTTP status, when a response arrived. */
    readonly status?: number,
    /** extensions.code of the first GraphQL error (e.g. UNAUTHORIZED). */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server wants an API key (READS_REQUIRE_KEY) or refused the one sent. */
  get needsKey(): boolean {
    return this.status === 401 || this.code === 'UNAUTHORIZED';
  }
}

/** The API key the user pasted, kept for this browser tab only. */
export function apiKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function setApiKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY_STORAGE, key.trim());
  else sessionStorage.removeItem(KEY_STORAGE);
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  const key = apiKey();
  if (key) headers.authorization = `Bearer ${key}`;
  let res: Response;
  try {
    res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError('network', `Cannot reach the API at /graphql: ${(e as Error).message}`);
  }
  const text = await res.text();
  let body: GraphQLResponse<T>;
  try {
    body = JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new ApiError('http', `The API answered HTTP ${res.status} ${res.statusText} without a GraphQL response: ${text.slice(0, 200) || '(empty body)'}`, res.status);
  }
  if (body.errors?.length) {
    throw new ApiError('graphql', body.errors.map((e) => e.message).join('; '), res.status, body.errors[0].extensions?.code);
  }
  if (!res.ok || body.data == null) throw new ApiError('http', `The API answered HTTP ${res.status} ${res.statusText} with no data`, res.status);
  return body.data;
}
