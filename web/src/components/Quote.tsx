export interface EvidenceRef {
  quote: string;
  section: string | null;
}

/** The sentence a fact comes from, with its section heading. */
export function Quote({ evidence }: { evidence: EvidenceRef | null | undefined }) {
  if (!evidence) return <span class="muted">no sentence stored</span>;
  return (
    <blockquote class="quote">
      “{evidence.quote}”{evidence.section && <cite> — {evidence.section}</cite>}
    </blockquote>
  );
}
