// The overview: headline figures, destinations, mechanisms, top vendors, and the risk lists.
import type { ComponentChildren } from 'preact';
import { useQuery } from '../hooks';
import { countryLabel, roleLabel, type CountryRef, type Mechanism, type Role } from '../labels';
import { controllerPath, vendorPath } from '../router';
import { BarChart } from '../components/BarChart';
import { Link } from '../components/Link';
import { Quote, type EvidenceRef } from '../components/Quote';
import { Empty, Result } from '../components/Status';

const FIGURES = `query Figures {
  dashboard(top: 10) {
    policies transfers thirdCountryTransfers transfersWithoutMechanism transfersCoveredByAdequacy
    byCountry { count country { code nameEn } }
    byMechanism { mechanism label count }
    topVendors { controllers engagements organization { id name country { code } } }
  }
  vendors: organizations(filter: { isRecipient: true }, first: 1) { totalCount }
}`;

interface Figures {
  dashboard: {
    policies: number;
    transfers: number;
    thirdCountryTransfers: number;
    transfersWithoutMechanism: number;
    transfersCoveredByAdequacy: number;
    byCountry: { count: number; country: CountryRef | null }[];
    byMechanism: { mechanism: Mechanism | null; label: string; count: number }[];
    topVendors: { controllers: number; engagements: number; organization: { id: string; name: string; country: { code: string } | null } }[];
  };
  vendors: { totalCount: number };
}

const RISKS = `query Risks {
  withoutMechanism: transfersWithoutMechanism(first: 100) {
    totalCount
    edges { node { id certainty controller { id name } recipient { id name } country { code nameEn } evidence { quote section } } }
  }
  privacyShield: privacyShieldReferences(first: 100) {
    totalCount
    edges { node { controller { id name } recipient { id name } evidence { quote section } } }
  }
  thirdCountryRecipients(first: 100) {
    totalCount
    edges { node { id name country { code nameEn nameDe adequacy } engagements(first: 3) { edges { node { id role controller { id name } evidence { quote section kind } } } } } }
  }
}`;

type Org = { id: string; name: string };
interface Risks {
  withoutMechanism: { totalCount: number; edges: { node: { id: string; certainty: string; controller: Org; recipient: Org; country: CountryRef | null; evidence: EvidenceRef[] } }[] };
  privacyShield: { totalCount: number; edges: { node: { controller: Org | null; recipient: Org | null; evidence: EvidenceRef } }[] };
  thirdCountryRecipients: {
    totalCount: number;
    edges: { node: Org & { country: CountryRef & { nameDe: string; adequacy: boolean }; engagements: { edges: { node: { id: string; role: Role; controller: Org; evidence: (EvidenceRef & { kind: string })[] } }[] } } }[];
  };
}

export function Overview() {
  const figures = useQuery<Figures>(FIGURES);
  const risks = useQuery<Risks>(RISKS);
  return (
    <>
      <section class="panel" aria-labelledby="h-figures">
        <h2 id="h-figures">Headline figures</h2>
        <Result state={figures} what="figures">
          {(d) => (
            <dl class="figures">
              <Figure name="policies" label="Policies" value={d.dashboard.policies} />
              <Figure name="vendors" label="Vendors" value={d.vendors.totalCount} />
              <Figure name="transfers" label="Transfers" value={d.dashboard.transfers} />
              <Figure name="third-country" label="Third-country transfers" value={d.dashboard.thirdCountryTransfers} />
              <Figure
                name="without-mechanism"
                label="Without mechanism"
                value={d.dashboard.transfersWithoutMechanism}
                warn={d.dashboard.transfersWithoutMechanism > 0}
                note={d.dashboard.transfersCoveredByAdequacy ? `and ${d.dashboard.transfersCoveredByAdequacy} covered by an adequacy decision` : undefined}
              />
            </dl>
          )}
        </Result>
      </section>

      <div class="grid3">
        <section class="panel" aria-labelledby="h-dest">
          <h2 id="h-dest">Destinations</h2>
          <Result state={figures} what="destinations">
            {(d) =>
              d.dashboard.byCountry.length ? (
                <BarChart label="Transfers by destination" bars={d.dashboard.byCountry.map((c) => ({ label: countryLabel(c.country), value: c.count }))} />
              ) : (
                <Empty>No transfers stored yet.</Empty>
              )
            }
          </Result>
        </section>
        <section class="panel" aria-labelledby="h-mech">
          <h2 id="h-mech">By mechanism</h2>
          <Result state={figures} what="mechanisms">
            {(d) =>
              d.dashboard.byMechanism.length ? (
                <>
                  <BarChart label="Transfers by mechanism" bars={d.dashboard.byMechanism.map((m) => ({ label: m.label, value: m.count, warn: m.mechanism === null }))} />
                  <p class="note">All current transfers; one stating two mechanisms counts under each.</p>
                </>
              ) : (
                <Empty>No transfers stored yet.</Empty>
              )
            }
          </Result>
        </section>
        <section class="panel" aria-labelledby="h-top">
          <h2 id="h-top">Top vendors</h2>
          <Result state={figures} what="top vendors">
            {(d) =>
              d.dashboard.topVendors.length ? (
                <table class="top-vendors">
                  <thead>
                    <tr>
                      <th>Vendor</th>
                      <th class="num">Controllers</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.dashboard.topVendors.map((v) => (
                      <tr key={v.organization.id}>
                        <td>
                          <Link href={vendorPath(v.organization.id)}>{v.organization.name}</Link> {v.organization.country && <span class="muted">{v.organization.country.code}</span>}
                        </td>
                        <td class="num">{v.controllers}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <Empty>No vendors yet.</Empty>
              )
            }
          </Result>
        </section>
      </div>

      <section class="panel" aria-labelledby="h-risks">
        <h2 id="h-risks">Risks</h2>
        <Result state={risks} what="risks">
          {(r) => (
            <>
              <RiskList id="risk-no-mechanism" title="Third-country transfers without a mechanism" count={r.withoutMechanism.totalCount} shown={r.withoutMechanism.edges.length} empty="Every third-country transfer states a mechanism.">
                {r.withoutMechanism.edges.map(({ node: t }) => (
                  <li key={t.id}>
                    <Parties controller={t.controller} recipient={t.recipient} /> → {countryLabel(t.country)} <span class="tag">{t.certainty.toLowerCase()}</span>
                    <Quote evidence={t.evidence[0]} />
                  </li>
                ))}
              </RiskList>
              <RiskList id="risk-privacy-shield" title="References to the invalid Privacy Shield" count={r.privacyShield.totalCount} shown={r.privacyShield.edges.length} empty="No current policy cites the EU-US Privacy Shield (invalid since 16 July 2020).">
                {r.privacyShield.edges.map(({ node: p }, i) => (
                  <li key={i}>
                    <Parties controller={p.controller} recipient={p.recipient} />
                    <Quote evidence={p.evidence} />
                  </li>
                ))}
              </RiskList>
              <RiskList id="risk-third-country-recipients" title="Recipients seated in third countries" count={r.thirdCountryRecipients.totalCount} shown={r.thirdCountryRecipients.edges.length} empty="No recipient is seated outside the EU/EEA.">
                {r.thirdCountryRecipients.edges.map(({ node: o }) => {
                  const e = o.engagements.edges[0]?.node;
                  return (
                    <li key={o.id}>
                      <Link href={vendorPath(o.id)}>{o.name}</Link> — seated in {countryLabel(o.country)}
                      {o.country.adequacy && <span class="tag" title="The EU has an adequacy decision for this country">adequacy decision</span>}
                      {e && (
                        <>
                          , {roleLabel(e.role).toLowerCase()} for <Link href={controllerPath(e.controller.id)}>{e.controller.name}</Link>
                          {new Set(o.engagements.edges.map((x) => x.node.controller.id)).size > 1 && <span class="muted"> and others</span>}
                          <Quote evidence={seatEvidence(e.evidence, o.country)} />
                        </>
                      )}
                    </li>
                  );
                })}
              </RiskList>
            </>
          )}
        </Result>
      </section>
    </>
  );
}

function Figure({ name, label, value, warn, note }: { name: string; label: string; value: number; warn?: boolean; note?: string }) {
  return (
    <div class={warn ? 'figure warn' : 'figure'} data-figure={name}>
      <dt>{label}</dt>
      <dd>{value.toLocaleString('en')}</dd>
      {note && <p class="note">{note}</p>}
    </div>
  );
}

function RiskList({ id, title, count, shown, empty, children }: { id: string; title: string; count: number; shown: number; empty: string; children: ComponentChildren }) {
  return (
    <div class="risk" id={id}>
      <h3>
        {title} <span class={count ? 'count warn' : 'count'}>{count}</span>
      </h3>
      {count === 0 ? <Empty>{empty}</Empty> : <ul class="rows">{children}</ul>}
      {count > shown && <p class="muted">Showing {shown} of {count}.</p>}
    </div>
  );
}

function Parties({ controller, recipient }: { controller: Org | null; recipient: Org | null }) {
  return (
    <>
      {controller ? <Link href={controllerPath(controller.id)}>{controller.name}</Link> : <span class="muted">unknown controller</span>}
      {recipient && (
        <>
          {' '}
          → <Link href={vendorPath(recipient.id)}>{recipient.name}</Link>
        </>
      )}
    </>
  );
}

/** No sentence is stored for a seat itself: show the one that names the country (an address block, "based in the USA"), else the role sentence. */
function seatEvidence(evidence: (EvidenceRef & { kind: string })[], country: CountryRef & { nameDe: string }): EvidenceRef | undefined {
  const names = [country.nameEn, country.nameDe, ...(country.code === 'US' ? ['USA', 'U.S.'] : [])].map((n) => n.toLowerCase());
  return evidence.find((e) => names.some((n) => e.quote.toLowerCase().includes(n))) ?? evidence.find((e) => e.kind === 'ROLE') ?? evidence[0];
}
