// A vendor's footprint: which controllers engage it, in which role, with which transfers, and
// the sentences that say so.
import { useQuery } from '../hooks';
import { countryLabel, coverageLabel, roleLabel, type CountryRef, type Coverage, type Mechanism, type Role } from '../labels';
import { controllerPath, vendorPath } from '../router';
import { Link } from '../components/Link';
import { LinkList } from '../components/LinkList';
import { Quote, type EvidenceRef } from '../components/Quote';
import { Empty, Result } from '../components/Status';

const VENDOR = `query Vendor($id: ID!) {
  node(id: $id) {
    __typename
    ... on Organization {
      id name legalForm address aliases dpfId
      country { code nameEn }
      parent { id name }
      services { id name }
      policies { id }
      engagements(first: 200) {
        totalCount
        edges { node {
          id role purposes
          controller { id name }
          services { name }
          evidence { kind quote section }
          transfers { id coveredBy mechanisms certainty country { code nameEn } evidence { quote section } }
        } }
      }
      subprocessors(first: 50) { edges { node { id subprocessor { id name country { code } } } } }
      subprocessorFor(first: 50) { edges { node { id organization { id name } } } }
    }
  }
}`;

type Org = { id: string; name: string };
interface Transfer {
  id: string;
  coveredBy: Coverage;
  mechanisms: Mechanism[];
  certainty: string;
  country: CountryRef | null;
  evidence: EvidenceRef[];
}
interface Engagement {
  id: string;
  role: Role;
  purposes: string[];
  controller: Org;
  services: { name: string }[];
  evidence: (EvidenceRef & { kind: string })[];
  transfers: Transfer[];
}
interface VendorData {
  node:
    | (Org & {
        __typename: 'Organization';
        legalForm: string | null;
        address: string | null;
        aliases: string[];
        dpfId: string | null;
        country: CountryRef | null;
        parent: Org | null;
        services: Org[];
        policies: { id: string }[];
        engagements: { totalCount: number; edges: { node: Engagement }[] };
        subprocessors: { edges: { node: { id: string; subprocessor: Org & { country: { code: string } | null } } }[] };
        subprocessorFor: { edges: { node: { id: string; organization: Org } }[] };
      })
    | { __typename: string }
    | null;
}

export function VendorPage({ id }: { id: string }) {
  const state = useQuery<VendorData>(VENDOR, { id });
  return (
    <Result state={state} what="vendor">
      {(d) => {
        const o = d.node;
        if (!o || o.__typename !== 'Organization' || !('engagements' in o)) return <Empty>No organization with the id “{id}”.</Empty>;
        const engagements = o.engagements.edges.map((e) => e.node);
        const controllers = new Set(engagements.map((e) => e.controller.id));
        return (
          <>
            <section class="panel" aria-labelledby="h-vendor">
              <p class="kicker">Vendor</p>
              <h2 id="h-vendor">{o.name}</h2>
              <dl class="facts">
                <dt>Seat</dt>
                <dd>{o.country ? countryLabel(o.country) : 'not stated'}</dd>
                {o.address && (
                  <>
                    <dt>Address</dt>
                    <dd>{o.address}</dd>
                  </>
                )}
                {o.parent && (
                  <>
                    <dt>Parent</dt>
                    <dd>
                      <Link href={vendorPath(o.parent.id)}>{o.parent.name}</Link>
                    </dd>
                  </>
                )}
                {o.services.length > 0 && (
                  <>
                    <dt>Services</dt>
                    <dd>{o.services.map((s) => s.name).join(', ')}</dd>
                  </>
                )}
                {o.aliases.length > 0 && (
                  <>
                    <dt>Also named</dt>
                    <dd>{o.aliases.join(', ')}</dd>
                  </>
                )}
                {o.dpfId && (
                  <>
                    <dt>DPF id</dt>
                    <dd>{o.dpfId}</dd>
                  </>
                )}
                {o.subprocessors.edges.length > 0 && (
                  <>
                    <dt>Sub-processors</dt>
                    <dd>
                      <LinkList items={o.subprocessors.edges.map((e) => e.node.subprocessor)} href={vendorPath} />
                    </dd>
                  </>
                )}
                {o.subprocessorFor.edges.length > 0 && (
                  <>
                    <dt>Sub-processor for</dt>
                    <dd>
                      <LinkList items={o.subprocessorFor.edges.map((e) => e.node.organization)} href={vendorPath} />
                    </dd>
                  </>
                )}
              </dl>
              {o.policies.length > 0 && (
                <p>
                  It also publishes a policy: <Link href={controllerPath(o.id)}>its controller page</Link>.
                </p>
              )}
            </section>
            <section class="panel" aria-labelledby="h-used-by">
              <h2 id="h-used-by">
                Used by {controllers.size} controller{controllers.size === 1 ? '' : 's'}
              </h2>
              {engagements.length === 0 ? (
                <Empty>No current policy engages {o.name} directly.</Empty>
              ) : (
                <ul class="engagements">
                  {engagements.map((e) => (
                    <EngagementRow key={e.id} e={e} />
                  ))}
                </ul>
              )}
            </section>
          </>
        );
      }}
    </Result>
  );
}

function EngagementRow({ e }: { e: Engagement }) {
  const role = e.evidence.find((x) => x.kind === 'ROLE') ?? e.evidence[0];
  return (
    <li class="engagement" data-controller={e.controller.name}>
      <h3>
        <Link href={controllerPath(e.controller.id)}>{e.controller.name}</Link> <span class="tag">{roleLabel(e.role)}</span>
        {e.services.length > 0 && <span class="muted"> via {e.services.map((s) => s.name).join(', ')}</span>}
      </h3>
      {e.purposes.length > 0 && <p class="muted">Purposes: {e.purposes.join('; ')}</p>}
      <Quote evidence={role} />
      {e.transfers.length === 0 ? (
        <p class="muted">No transfer stated.</p>
      ) : (
        <table class="transfers">
          <thead>
            <tr>
              <th>Destination</th>
              <th>Mechanisms</th>
              <th>Certainty</th>
              <th>Sentence</th>
            </tr>
          </thead>
          <tbody>
            {e.transfers.map((t) => (
              <tr key={t.id}>
                <td>{countryLabel(t.country)}</td>
                <td class={t.coveredBy === 'NONE' ? 'warn' : ''}>{coverageLabel(t.mechanisms, t.coveredBy)}</td>
                <td>{t.certainty.toLowerCase()}</td>
                <td>
                  <Quote evidence={t.evidence[0]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
