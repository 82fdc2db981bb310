import { describe, expect, it } from 'vitest';
import { BUILT_IN_FRAMEWORKS } from '../../../shared/domain/qualification';
import {
  criteriaOf,
  draftProblems,
  draftsOf,
  emptyDraft,
  moveDraft,
} from '../../../renderer/src/show-setup/criteria-draft';

describe('criteria drafts', () => {
  it('keeps the keys of existing criteria through renames and gives new ones a key from their label', () => {
    const drafts = draftsOf(BUILT_IN_FRAMEWORKS.ANUM);
    const renamed = drafts.map((draft) => (draft.key === 'money' ? { ...draft, label: 'Budget range' } : draft));
    const added = [...renamed, { ...emptyDraft(), label: 'Décision date' }, { ...emptyDraft(), label: 'Décision date!' }];
    const criteria = criteriaOf(added);
    expect(criteria.map((criterion) => criterion.key)).toEqual(['authority', 'need', 'urgency', 'money', 'decision-date', 'decision-date-2']);
    expect(criteria.find((criterion) => criterion.key === 'money')?.label).toBe('Budget range');
  });

  it('never gives a new criterion the key of one already on the list', () => {
    const drafts = [...draftsOf(BUILT_IN_FRAMEWORKS.BANT), { ...emptyDraft(), label: 'Need' }];
    const keys = criteriaOf(drafts).map((criterion) => criterion.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('stores choices only for a choice criterion, one per line without blanks', () => {
    const choice = { ...emptyDraft(), label: 'Team size', kind: 'choice' as const, choicesText: '1-10\n\n 11-50 \n50+' };
    const text = { ...emptyDraft(), label: 'Notes', kind: 'text' as const, choicesText: 'left over' };
    const [first, second] = criteriaOf([choice, text]);
    expect(first?.choices).toEqual(['1-10', '11-50', '50+']);
    expect(second?.choices).toEqual([]);
  });

  it('says what to fix: a name, a duplicate name, two choices', () => {
    const unnamed = emptyDraft();
    const twice = [{ ...emptyDraft(), label: 'Need' }, { ...emptyDraft(), label: 'need ' }];
    const oneChoice = { ...emptyDraft(), label: 'Size', kind: 'choice' as const, choicesText: 'Big' };
    const problems = draftProblems([unnamed, ...twice, oneChoice]);
    expect(problems.get(unnamed.rowId)?.label).toBe('Give the criterion a name.');
    expect(problems.get(twice[0]?.rowId ?? '')).toBeUndefined();
    expect(problems.get(twice[1]?.rowId ?? '')?.label).toBe('Another criterion has this name.');
    expect(problems.get(oneChoice.rowId)?.choices).toMatch(/at least two choices/);
  });

  it('moves a row up or down and leaves the ends alone', () => {
    const drafts = draftsOf(BUILT_IN_FRAMEWORKS.BANT);
    const labels = (list: typeof drafts) => list.map((draft) => draft.label);
    expect(labels(moveDraft(drafts, drafts[2]?.rowId ?? '', -1))).toEqual(['Budget', 'Need', 'Authority', 'Timeline']);
    expect(labels(moveDraft(drafts, drafts[0]?.rowId ?? '', -1))).toEqual(labels(drafts));
    expect(labels(moveDraft(drafts, drafts[3]?.rowId ?? '', 1))).toEqual(labels(drafts));
  });
});
