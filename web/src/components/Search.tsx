// Search by name or alias → a vendor page (an organization some controller engages) or a
// controller page (an organization that publishes a policy); one organization can be both.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useQuery } from '../hooks';
import { controllerPath, vendorPath } from '../router';
import { Link } from './Link';
import { ErrorBox } from './Status';

const SEARCH = `query Search($name: String!) {
  organizations(filter: { name: $name }, first: 20) {
    totalCount
    edges { node { id name country { code } policies { id } engagements(first: 1) { totalCount } } }
  }
}`;

interface SearchData {
  organizations: {
    totalCount: number;
    edges: { node: { id: string; name: string; country: { code: string } | null; policies: { id: string }[]; engagements: { totalCount: number } } }[];
  };
}

export function Search() {
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setName(text.trim()), 250); // one request per pause in typing
    return () => clearTimeout(t);
  }, [text]);
  const state = useQuery<SearchData>(SEARCH, { name }, name.length < 2);
  const close = () => {
    setText('');
    setName('');
  };
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // a click elsewhere on the page closes the results
    const outside = (e: MouseEvent) => box.current && !box.current.contains(e.target as Node) && close();
    document.addEventListener('click', outside);
    return () => document.removeEventListener('click', outside);
  }, []);
  return (
    <div class="search" ref={box} onClick={(e) => (e.target as HTMLElement).closest('a') && close()}>
      <input type="search" aria-label="Search vendors and controllers" placeholder="Search vendors and controllers…" value={text} onInput={(e) => setText(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Escape' && close()} />
      {name.length >= 2 && (
        <div class="search-results" role="listbox" aria-label="Search results">
          {state.status === 'loading' && <p class="loading">Searching…</p>}
          {state.status === 'error' && <ErrorBox error={state.error} />}
          {state.status === 'done' && state.data.organizations.edges.length === 0 && <p class="empty">No organization named like “{name}”.</p>}
          {state.status === 'done' &&
            state.data.organizations.edges.map(({ node: o }) => (
              <div class="search-hit" key={o.id}>
                <span class="name">
                  {o.name} {o.country && <span class="muted">({o.country.code})</span>}
                </span>
                {o.engagements.totalCount > 0 && (
                  <Link class="chip" href={vendorPath(o.id)}>
                    vendor · {o.engagements.totalCount}
                  </Link>
                )}
                {o.policies.length > 0 && (
                  <Link class="chip" href={controllerPath(o.id)}>
                    controller
                  </Link>
                )}
                {o.engagements.totalCount === 0 && o.policies.length === 0 && (
                  <Link class="chip" href={vendorPath(o.id)}>
                    parent / sub-processor
                  </Link>
                )}
              </div>
            ))}
          {state.status === 'done' && state.data.organizations.totalCount > 20 && <p class="muted">{state.data.organizations.totalCount - 20} more: type more of the name.</p>}
        </div>
      )}
    </div>
  );
}
