// A controller: its vendor tree as its current policies state it (recipients, their
// sub-processors and parents) and the versions of its policies.
import { useQuery } from '../hooks';
import { coverageLabel, roleLabel, type CountryRef, type Coverage, type Mechanism, type Role } from '../labels';
import { vendorPath } from '../router';
import { Link } from '../components/Link';
import { Empty, Result } from '../components/Status';

const CONTROLLER = `query Controller($id: ID!) {
  node(id: $id) {
    __typename
    ... on Organization {
      id name legalForm address
      country { code nameEn }
      vendors(first: 200) {
        totalCount
        edges { node {
          id role
          services { name }
          recipient { id name country { code } parent { id name } }
          transfers { id coveredBy mechanisms certainty country { code } }
        } }
      }
      policies {
        id source
        versions { id isCurrent lastUpdated ingestedAt language contentHash }
        currentVersion {
          id
          subprocessorLinks { id organization { id } subprocessor { id name country { code } } }
          parentLinks { id child { id } parent { id name country { code } } }
        }
      }
    }
  }
}`;

type Org = { id: string; name: string; country?: { code: string } | null };
interface Engagement {
  id: string;
  role: Role;
  services: { name: string }[];
  recipient: Org & { parent: Org | null };
  transfers: { id: string; coveredBy: Coverage; mechanisms: Mechanism[]; certainty: string; country: Pick<CountryRef, 'code'> | null }[];
}
interface Version {
  id: string;
  isCurrent: boolean;
  lastUpdated: string | null;
  ingestedAt: string;
  language: string;
  contentHash: string;
}
interface Policy {
  id: string;
  source: string;
  versions: Version[];
  currentVersion: {
    id: string;
    subprocessorLinks: { id: string; organization: { id: string }; subprocessor: Org }[];
    parentLinks: { id: string; child: { id: string }; parent: Org }[];
  } | null;
}
interface ControllerData {
  node: (Org & { __typename: 'Organization'; legalForm: string | null; address: string | null; vendors: { totalCount: number; edges: { node: Engagement }[] }; policies: Policy[] }) | { __typename: string } | null;
}

export function ControllerPage({ id }: { id: string }) {
  const state = useQuery<ControllerData>(CONTROLLER, { id });
  return (
    <Result state={state} what="controller">
      {(d) => {
        const o = d.node;
        if (!o || o.__typename !== 'Organization' || !('vendors' in o)) return <Empty>No organization with the id “{id}”.</Empty>;
        return (
          <>
            <section class="panel" aria-labelledby="h-controller">
              <p class="kicker">Controller</p>
              <h2 id="h-controller">{o.name}</h2>
              <p class="muted">
                {[o.address, o.country?.code].filter(Boolean).join(' · ')}
                {o.policies.length === 0 && ' — publishes no policy here'}
              </p>
            </section>
            <section class="panel" aria-labelledby="h-tree">
              <h2 id="h-tree">Vendor tree ({new Set(o.vendors.edges.map((e) => e.node.recipient.id)).size})</h2>
              <VendorTree engagements={o.vendors.edges.map((e) => e.node)} policies={o.policies} />
            </section>
            {/* one column per panel about the policy's history: a "what changed" panel goes beside the versions */}
            <div class="history">
              <section class="panel" aria-labelledby="h-versions">
                <h2 id="h-versions">Policy versions</h2>
                <Versions policies={o.policies} />
              </section>
            </div>
          </>
        );
      }}
    </Result>
  );
}

function VendorTree({ engagements, policies }: { engagements: Engagement[]; policies: Policy[] }) {
  if (!engagements.length) return <Empty>Its current policies name no vendor.</Empty>;
  // sub-processors and parents as this controller's own policies state them
  const subs = new Map<string, Org[]>();
  const parents = new Map<string, Org>();
  for (const p of policies) {
    for (const l of p.currentVersion?.subprocessorLinks ?? []) subs.set(l.organization.id, [...(subs.get(l.organization.id) ?? []), l.subprocessor]);
    for (const l of p.currentVersion?.parentLinks ?? []) parents.set(l.child.id, l.parent);
  }
  const byRecipient = new Map<string, Engagement[]>();
  for (const e of engagements) byRecipient.set(e.recipient.id, [...(byRecipient.get(e.recipient.id) ?? []), e]);
  return (
    <ul class="tree">
      {[...byRecipient.values()].map((es) => {
        const r = es[0].recipient;
        const parent = parents.get(r.id) ?? r.parent;
        return (
          <li key={r.id} class="vendor" data-vendor={r.name}>
            <Link href={vendorPath(r.id)}>{r.name}</Link> {r.country && <span class="muted">{r.country.code}</span>}{' '}
            {[...new Set(es.map((e) => e.role))].map((role) => (
              <span class="tag" key={role}>
                {roleLabel(role)}
              </span>
            ))}
            {es.flatMap((e) => e.services).length > 0 && <span class="muted"> via {[...new Set(es.flatMap((e) => e.services.map((s) => s.name)))].join(', ')}</span>}
            <Transfers engagements={es} />
            {parent && (
              <p class="parent">
                part of <Link href={vendorPath(parent.id)}>{parent.name}</Link> {parent.country && <span class="muted">{parent.country.code}</span>}
              </p>
            )}
            <Subprocessors of={r.id} subs={subs} seen={new Set([r.id])} />
          </li>
        );
      })}
    </ul>
  );
}

function Transfers({ engagements }: { engagements: Engagement[] }) {
  const ts = engagements.flatMap((e) => e.transfers);
  if (!ts.length) return null;
  return (
    <p class="transfer-line">
      {ts.map((t) => (
        <span key={t.id} class={t.coveredBy === 'NONE' ? 'transfer warn' : 'transfer'}>
          → {t.country?.code ?? 'unnamed third country'}: {t.mechanisms.length ? t.mechanisms.join(', ') : coverageLabel(t.mechanisms, t.coveredBy).toLowerCase()}
          {t.certainty === 'POSSIBLE' && ' (possible)'}
        </span>
      ))}
    </p>
  );
}

/** A recipient's sub-processors, and theirs, as far as the policy goes (a cycle stops the descent). */
function Subprocessors({ of, subs, seen }: { of: string; subs: Map<string, Org[]>; seen: Set<string> }) {
  const list = (subs.get(of) ?? []).filter((s) => !seen.has(s.id));
  if (!list.length) return null;
  return (
    <ul class="subprocessors" aria-label="sub-processors">
      {list.map((s) => (
        <li key={s.id} class="subprocessor">
          <span class="muted">sub-processor</span> <Link href={vendorPath(s.id)}>{s.name}</Link> {s.country && <span class="muted">{s.country.code}</span>}
          <Subprocessors of={s.id} subs={subs} seen={new Set([...seen, s.id])} />
        </li>
      ))}
    </ul>
  );
}

function Versions({ policies }: { policies: Policy[] }) {
  if (!policies.length) return <Empty>No policy of this organization is stored.</Empty>;
  return (
    <>
      {policies.map((p) => (
        <div class="policy" key={p.id}>
          <p class="source" title={p.source}>
            {p.source}
          </p>
          <ol class="versions">
            {[...p.versions]
              .sort((a, b) => b.ingestedAt.localeCompare(a.ingestedAt))
              .map((v) => (
                <li key={v.id} class={v.isCurrent ? 'version current' : 'version'}>
                  <span>{v.lastUpdated ? `as of ${v.lastUpdated}` : 'no date stated'}</span> <span class="muted">ingested {v.ingestedAt.slice(0, 10)}</span> <span class="muted">{v.language}</span>{' '}
                  <code title={v.contentHash}>{v.contentHash.slice(0, 8)}</code> {v.isCurrent && <span class="tag">current</span>}
                </li>
              ))}
          </ol>
        </div>
      ))}
    </>
  );
}
