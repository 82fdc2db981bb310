/** Salesforce's default opportunity stages, in order, with their default probability (%). */
export const OPPORTUNITY_STAGES = [
  { name: 'Prospecting', probability: 10 },
  { name: 'Qualification', probability: 10 },
  { name: 'Needs Analysis', probability: 20 },
  { name: 'Value Proposition', probability: 50 },
  { name: 'Id. Decision Makers', probability: 60 },
  { name: 'Perception Analysis', probability: 70 },
  { name: 'Proposal/Price Quote', probability: 75 },
  { name: 'Negotiation/Review', probability: 90 },
  { name: 'Closed Won', probability: 100 },
  { name: 'Closed Lost', probability: 0 },
] as const;

export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number]['name'];

export const STAGE_NAMES = OPPORTUNITY_STAGES.map((stage) => stage.name) as [OpportunityStage, ...OpportunityStage[]];

export const DEFAULT_STAGE: OpportunityStage = 'Prospecting';

export function probabilityOf(stage: OpportunityStage): number {
  return OPPORTUNITY_STAGES.find((candidate) => candidate.name === stage)?.probability ?? 0;
}

export function isClosedStage(stage: OpportunityStage): boolean {
  return stage === 'Closed Won' || stage === 'Closed Lost';
}

/** Salesforce's default name for an opportunity from a show: "Company – Show". */
export function defaultOpportunityName(company: string, showName: string): string {
  const parts = [company.trim(), showName.trim()].filter(Boolean);
  return parts.length ? parts.join(' – ') : 'New opportunity';
}

/** YYYY-MM-DD that is a real calendar day. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `days` after `from` (UTC), as YYYY-MM-DD. */
export function addDays(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
