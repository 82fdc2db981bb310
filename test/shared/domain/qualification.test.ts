import { describe, expect, it } from 'vitest';
import {
  amountFromAnswer,
  criteriaOfFramework,
  keyFromLabel,
  suggestRating,
  suggestStatus,
  summarize,
  type CriterionAnswer,
  type CriterionState,
} from '../../../shared/domain/qualification';

const BANT = criteriaOfFramework('BANT');

function answers(states: Record<string, CriterionState>): CriterionAnswer[] {
  return Object.entries(states).map(([key, state]) => ({ key, state, value: '', note: '', answeredBy: 'Jo', answeredAt: '2026-11-28T10:00:00Z' }));
}

describe('qualification rules', () => {
  it('the built-in frameworks have their stable keys', () => {
    expect(BANT.map((criterion) => criterion.key)).toEqual(['budget', 'authority', 'need', 'timeline']);
    expect(criteriaOfFramework('ANUM').map((criterion) => criterion.key)).toEqual(['authority', 'need', 'urgency', 'money']);
    expect(criteriaOfFramework('CHAMP').map((criterion) => criterion.key)).toEqual(['challenges', 'authority', 'money', 'prioritization']);
    expect(criteriaOfFramework('custom')).toEqual([]);
  });

  it('suggests Hot for 4/4, Warm for 3/4, Cold below, nothing before any answer', () => {
    expect(suggestRating(summarize(BANT, []))).toBeNull();
    expect(suggestRating(summarize(BANT, answers({ budget: 'met', authority: 'met', need: 'met', timeline: 'met' })))).toBe('Hot');
    expect(suggestRating(summarize(BANT, answers({ budget: 'met', authority: 'met', need: 'met', timeline: 'unmet' })))).toBe('Warm');
    expect(suggestRating(summarize(BANT, answers({ budget: 'met', authority: 'met' })))).toBe('Cold');
    expect(suggestRating(summarize(BANT, answers({ budget: 'unmet' })))).toBe('Cold');
  });

  it('need met suggests Working, authority met suggests Qualified, only forward', () => {
    expect(suggestStatus('New', BANT, answers({ need: 'met' }))).toBe('Working');
    expect(suggestStatus('New', BANT, answers({ authority: 'met' }))).toBe('Qualified');
    expect(suggestStatus('Working', BANT, answers({ need: 'met' }))).toBeNull();
    expect(suggestStatus('Qualified', BANT, answers({ need: 'met' }))).toBeNull();
    expect(suggestStatus('Unqualified', BANT, answers({ need: 'met', authority: 'met' }))).toBeNull();
    expect(suggestStatus('Converted', BANT, answers({ authority: 'met' }))).toBeNull();
    expect(suggestStatus('New', BANT, answers({ need: 'unmet' }))).toBeNull();
    // CHAMP's Challenges is its need.
    expect(suggestStatus('New', criteriaOfFramework('CHAMP'), answers({ challenges: 'met' }))).toBe('Working');
  });

  it('reads amounts typed as a budget', () => {
    expect(amountFromAnswer('50k')).toBe(50_000);
    expect(amountFromAnswer('€ 12.500')).toBe(12_500);
    expect(amountFromAnswer('$1,250,000')).toBe(1_250_000);
    expect(amountFromAnswer('1200.50')).toBe(1200.5);
    expect(amountFromAnswer('2m')).toBe(2_000_000);
    expect(amountFromAnswer('yes, approved')).toBeNull();
    expect(amountFromAnswer('')).toBeNull();
  });

  it('makes keys for custom criteria from their labels', () => {
    expect(keyFromLabel('Décision date', new Set())).toBe('decision-date');
    expect(keyFromLabel('Need', new Set(['need']))).toBe('need-2');
    expect(keyFromLabel('2027 budget', new Set())).toBe('c2027-budget');
  });
});
