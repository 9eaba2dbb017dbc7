// useQuery: one GraphQL request per component and variables, with its loading and error state;
// run again when the API key changes, cancelled when the component goes away.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiKey, gql, setApiKey } from './api';

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

/** True once a request was refused for want of a (valid) key, until the key changes. */
export function useKeyNeeded(): boolean {
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    const on = () => setNeeded(true);
    const off = () => setNeeded(false);
    keyEvents.addEventListener('needed', on);
    keyEvents.addEventListener('change', off);
    return () => {
      keyEvents.removeEventListener('needed', on);
      keyEvents.removeEventListener('change', off);
    };
  }, []);
  return needed;
}

/** The key in use; the component re-renders when it changes. */
export function useApiKey(): string | null {
  useKeyVersion();
  return apiKey();
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
      (error: Error) => {
        if (ac.signal.aborted) return;
        setState({ status: 'error', error });
        if (error instanceof ApiError && error.needsKey) keyEvents.dispatchEvent(new Event('needed'));
      },
    );
    return () => ac.abort();
  }, [query, vars, keyVersion, skip]);
  return state;
}
