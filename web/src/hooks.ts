// useQuery: one GraphQL request per component and variables, with its loading and error state;
// run again when the API key changes, cancelled when the component goes away.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql, setApiKey } from './api';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: ApiError | Error } | { status: 'done'; data: T };

const keyEvents = new EventTarget();

/** Stores (or forgets) the key and re-runs every query on the page with it. */
export function changeApiKey(key: string | null): void {
  setApiKey(key);
  keyEvents.dispatchEvent(new Event('change'));
}

function useKeyVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    keyEvents.addEventListener('change', bump);
    return () => keyEvents.removeEventListener('change', bump);
  }, []);
  return version;
}

export function useQuery<T>(query: string, variables: Record<string, unknown> = {}, skip = false): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const keyVersion = useKeyVersion();
  const vars = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    const ac = new AbortController();
    setState({ status: 'loading' });
    gql<T>(query, JSON.parse(vars) as Record<string, unknown>, ac.signal).then(
      (data) => setState({ status: 'done', data }),
      (error: Error) => ac.signal.aborted || setState({ status: 'error', error }),
    );
    return () => ac.abort();
  }, [query, vars, keyVersion, skip]);
  return state;
}
