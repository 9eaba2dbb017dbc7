// Three pages, addressed by path so a link can be shared: / (overview), /vendor/<id>,
// /controller/<id> (the server answers both with index.html). Ids are the API's node ids.
import { useEffect, useState } from 'preact/hooks';

export type Route = { page: 'overview' } | { page: 'vendor'; id: string } | { page: 'controller'; id: string } | { page: 'not-found'; path: string };

export function parseRoute(path: string): Route {
  if (path === '/' || path === '') return { page: 'overview' };
  const m = /^\/(vendor|controller)\/([^/]+)\/?$/.exec(path);
  if (m) {
    try {
      return { page: m[1] as 'vendor' | 'controller', id: decodeURIComponent(m[2]) };
    } catch {
      // a malformed %-escape is no id
    }
  }
  return { page: 'not-found', path };
}

export const vendorPath = (id: string) => `/vendor/${encodeURIComponent(id)}`;
export const controllerPath = (id: string) => `/controller/${encodeURIComponent(id)}`;

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
  scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}
