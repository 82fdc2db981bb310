import type { ReactNode } from 'react';

export interface RecordFact {
  label: string;
  value: ReactNode;
}

/** A record's fields as label / value pairs; empty ones are left out so the page shows what is known. */
export function RecordFacts({ facts, label }: { facts: RecordFact[]; label: string }) {
  const known = facts.filter((fact) => fact.value !== '' && fact.value !== null && fact.value !== undefined);
  if (known.length === 0) return <p className="section-hint">Nothing recorded yet.</p>;
  return (
    <dl className="record-facts" aria-label={label}>
      {known.map((fact) => (
        <div key={fact.label} className="record-fact">
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
