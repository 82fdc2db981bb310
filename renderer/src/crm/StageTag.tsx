import type { OpportunityStage } from '../../../shared/domain/opportunity';

/** The stage as a small coloured tag: open stages blue, Closed Won green, Closed Lost grey. */
export function StageTag({ stage }: { stage: OpportunityStage }) {
  const tone = stage === 'Closed Won' ? 'won' : stage === 'Closed Lost' ? 'lost' : 'open';
  return <span className={`stage-tag stage-tag-${tone}`}>{stage}</span>;
}
