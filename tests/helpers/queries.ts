/** The acceptance query of issue 3, exactly as written. */
export const ACCEPTANCE_QUERY = `{
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
}`;
