// The README's four questions ("Asking the graph"), in one place: GraphiQL opens on the first
// and offers the others as tabs; the benchmarks and tests use the same text.

export interface Example {
  /** Short name of the question (the query carries it as its first comment line). */
  title: string;
  query: string;
}

/** "Who transfers data to the US via Zoom?" — GraphiQL's opening query. */
export const EXAMPLE_QUERY = `# Who transfers personal data to the US via Zoom?
query UsViaZoom {
  transfers(filter: { country: "US", service: "Zoom" }) {
    totalCount
    edges { node {
      controller { name }
      recipient { name }
      service { name }
      country { code }
      mechanisms
      certainty
      evidence { quote section }
    } }
  }
}
`;

export const VENDOR_FOOTPRINT_QUERY = `# A vendor's footprint: who uses Google, in which role, with which transfers?
query VendorFootprint {
  organization(name: "Google") {
    name country { code }
    engagements { totalCount edges { node { role controller { name } } } }
    transfers { edges { node { controller { name } country { code } mechanisms certainty } } }
  }
}
`;

export const WITHOUT_MECHANISM_QUERY = `# Risk: third-country transfers with no mechanism stated
query WithoutMechanism {
  transfersWithoutMechanism {
    totalCount
    edges { node { controller { name } recipient { name } country { code } certainty evidence { quote } } }
  }
}
`;

export const DASHBOARD_QUERY = `# Dashboard aggregates
query Dashboard {
  dashboard(top: 3) {
    policies transfers thirdCountryTransfers transfersWithoutMechanism
    byCountry { country { code } count }
    byMechanism { mechanism count }
    topVendors { organization { name } controllers }
  }
}
`;

/** In the README's order; the first is the one GraphiQL opens on. */
export const EXAMPLES: readonly Example[] = [
  { title: 'US via Zoom', query: EXAMPLE_QUERY },
  { title: "A vendor's footprint", query: VENDOR_FOOTPRINT_QUERY },
  { title: 'Without mechanism', query: WITHOUT_MECHANISM_QUERY },
  { title: 'Dashboard', query: DASHBOARD_QUERY },
];
