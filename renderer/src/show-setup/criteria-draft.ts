import { keyFromLabel, type Criterion, type CriterionKind } from '../../../shared/domain/qualification';

/** A criterion as the editor holds it while the person changes the list. */
export interface CriterionDraft {
  /** React's key for the row: stays the same while the row moves. */
  rowId: string;
  /** The stored key; null for a criterion added here (it gets one from its label on save). */
  key: string | null;
  label: string;
  kind: CriterionKind;
  /** The choices as typed, one per line. */
  choicesText: string;
  askAtBooth: boolean;
}

let nextRow = 0;
function newRowId(): string {
  nextRow += 1;
  return `criterion-row-${nextRow}`;
}

export function draftsOf(criteria: readonly Criterion[]): CriterionDraft[] {
  return criteria.map((criterion) => ({
    rowId: newRowId(),
    key: criterion.key,
    label: criterion.label,
    kind: criterion.kind,
    choicesText: criterion.choices.join('\n'),
    askAtBooth: criterion.askAtBooth,
  }));
}

export function emptyDraft(): CriterionDraft {
  return { rowId: newRowId(), key: null, label: '', kind: 'yesno', choicesText: '', askAtBooth: false };
}

function choicesOf(draft: Pick<CriterionDraft, 'choicesText'>): string[] {
  return draft.choicesText
    .split('\n')
    .map((choice) => choice.trim())
    .filter(Boolean);
}

/** What the person must fix before the list can be saved, by row. */
export function draftProblems(drafts: readonly CriterionDraft[]): Map<string, { label?: string; choices?: string }> {
  const problems = new Map<string, { label?: string; choices?: string }>();
  const labels = new Set<string>();
  for (const draft of drafts) {
    const problem: { label?: string; choices?: string } = {};
    const label = draft.label.trim().toLowerCase();
    if (label === '') problem.label = 'Give the criterion a name.';
    else if (labels.has(label)) problem.label = 'Another criterion has this name.';
    labels.add(label);
    if (draft.kind === 'choice' && choicesOf(draft).length < 2) problem.choices = 'Type at least two choices, one per line.';
    if (problem.label || problem.choices) problems.set(draft.rowId, problem);
  }
  return problems;
}

/** The criteria to save: kept keys stay (answers are stored by key), new ones get a key from their label. */
export function criteriaOf(drafts: readonly CriterionDraft[]): Criterion[] {
  const taken = new Set(drafts.flatMap((draft) => (draft.key ? [draft.key] : [])));
  return drafts.map((draft) => {
    const key = draft.key ?? keyFromLabel(draft.label, taken);
    taken.add(key);
    return {
      key,
      label: draft.label.trim(),
      kind: draft.kind,
      choices: draft.kind === 'choice' ? choicesOf(draft) : [],
      askAtBooth: draft.askAtBooth,
    };
  });
}

export function moveDraft(drafts: readonly CriterionDraft[], rowId: string, by: -1 | 1): CriterionDraft[] {
  const index = drafts.findIndex((draft) => draft.rowId === rowId);
  const target = index + by;
  if (index < 0 || target < 0 || target >= drafts.length) return [...drafts];
  const moved = [...drafts];
  [moved[index], moved[target]] = [moved[target] as CriterionDraft, moved[index] as CriterionDraft];
  return moved;
}
