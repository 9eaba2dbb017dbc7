// What a panel shows while it waits, when it failed, and when there is nothing to show.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, apiKey } from '../api';
import { changeApiKey, type QueryState } from '../hooks';

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

export function ErrorBox({ error }: { error: Error }) {
  const kind = error instanceof ApiError ? { network: 'Network error', http: 'HTTP error', graphql: 'API error' }[error.kind] : 'Error';
  return (
    <div class="error" role="alert">
      <strong>{kind}:</strong> {error.message}
    </div>
  );
}

/** READS_REQUIRE_KEY: the user pastes a read key; it stays in this tab (sessionStorage) and goes out as Bearer. */
export function KeyForm() {
  const [value, setValue] = useState('');
  return (
    <form
      class="key-form"
      aria-label="API key"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) changeApiKey(value);
      }}
    >
      <label>
        {apiKey() ? 'The API refused the key sent. Another key:' : 'This server needs an API key to read. Paste one (an operator creates it with `policy-graph keys create --name NAME --scope read`):'}
        <input type="password" name="api-key" autocomplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} placeholder="pgk_…" />
      </label>
      <button type="submit">Use key</button>
    </form>
  );
}

/** Renders a query's state: loading, error, or `children(data)`. */
export function Result<T>({ state, what, children }: { state: QueryState<T>; what: string; children: (data: T) => ComponentChildren }) {
  if (state.status === 'loading') return <Loading what={what} />;
  if (state.status === 'error') return <ErrorBox error={state.error} />;
  return <>{children(state.data)}</>;
}
