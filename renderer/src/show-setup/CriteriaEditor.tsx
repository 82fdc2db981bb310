import { useEffect, useRef, useState } from 'react';
import type { Checklist } from '../../../shared/ipc/contract';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { criteriaOf, draftProblems, draftsOf, emptyDraft, moveDraft, type CriterionDraft } from './criteria-draft';
import { CriterionRow } from './CriterionRow';

/** Where focus goes after a change, so the keyboard never lands on <body>. */
type FocusTarget = { id: string } | null;

/** API field errors come back as "criteria.<index>.<field>": map them onto the rows that were saved. */
function apiProblemsByRow(drafts: readonly CriterionDraft[], fieldErrors: Record<string, string>) {
  const problems = new Map<string, { label?: string; choices?: string }>();
  for (const [path, message] of Object.entries(fieldErrors)) {
    const match = /^criteria\.(\d+)\.(\w+)/.exec(path);
    const draft = match ? drafts[Number(match[1])] : undefined;
    if (!match || !draft) continue;
    const field = match[2] === 'choices' ? 'choices' : 'label';
    problems.set(draft.rowId, { ...problems.get(draft.rowId), [field]: message });
  }
  return problems;
}

/**
 * The show's criteria: add, rename, reorder, remove, pick how each is answered and which are
 * asked at the booth. Nothing is stored until "Save checklist".
 */
export function CriteriaEditor({ checklist }: { checklist: Checklist }) {
  const saving = useAppStore((state) => state.checklistSaving);
  const error = useAppStore((state) => state.checklistError);
  const saveCriteria = useAppStore((state) => state.saveCriteria);
  const note = useAppStore((state) => state.checklistNote);
  const [drafts, setDrafts] = useState(() => draftsOf(checklist.criteria));
  const [showProblems, setShowProblems] = useState(false);
  const [focusTarget, setFocusTarget] = useState<FocusTarget>(null);
  // What was saved, to tell whether anything changed (a fresh mount per saved checklist).
  const savedJson = useRef(JSON.stringify(checklist.criteria));
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!focusTarget) return;
    const element = document.getElementById(focusTarget.id);
    (element instanceof HTMLButtonElement && element.disabled ? addButton.current : element)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const changed = JSON.stringify(criteriaOf(drafts)) !== savedJson.current;
  const problems = showProblems ? draftProblems(drafts) : new Map<string, { label?: string; choices?: string }>();
  const apiProblems = apiProblemsByRow(drafts, error?.fieldErrors ?? {});

  function update(rowId: string, change: Partial<CriterionDraft>): void {
    setDrafts((current) => current.map((draft) => (draft.rowId === rowId ? { ...draft, ...change } : draft)));
  }

  function add(): void {
    const draft = emptyDraft();
    setDrafts((current) => [...current, draft]);
    setFocusTarget({ id: `${draft.rowId}-label` });
  }

  function remove(rowId: string): void {
    const index = drafts.findIndex((draft) => draft.rowId === rowId);
    const next = drafts[index + 1] ?? drafts[index - 1];
    setDrafts((current) => current.filter((draft) => draft.rowId !== rowId));
    setFocusTarget(next ? { id: `${next.rowId}-label` } : { id: 'criteria-add' });
  }

  function move(rowId: string, by: -1 | 1): void {
    setDrafts((current) => moveDraft(current, rowId, by));
    setFocusTarget({ id: `${rowId}-${by < 0 ? 'up' : 'down'}` });
  }

  async function save(): Promise<void> {
    const found = draftProblems(drafts);
    setShowProblems(true);
    const first = drafts.find((draft) => found.has(draft.rowId));
    if (first) {
      setFocusTarget({ id: found.get(first.rowId)?.label ? `${first.rowId}-label` : `${first.rowId}-choices` });
      return;
    }
    await saveCriteria(checklist.eventId, criteriaOf(drafts));
  }

  const unplaced = error ? Object.keys(error.fieldErrors).filter((path) => !/^criteria\.\d+\./.test(path)) : [];
  const bannerMessage = error && (unplaced.length > 0 || apiProblems.size === 0) ? error.message : null;
  return (
    <div className="criteria-editor">
      {drafts.length > 0 ? (
        <ol className="criteria-list" aria-label="Criteria, in the order they are asked">
          {drafts.map((draft, index) => (
            <CriterionRow
              key={draft.rowId}
              draft={draft}
              position={index}
              count={drafts.length}
              problems={{ ...apiProblems.get(draft.rowId), ...problems.get(draft.rowId) }}
              onChange={(change) => update(draft.rowId, change)}
              onMove={(by) => move(draft.rowId, by)}
              onRemove={() => remove(draft.rowId)}
            />
          ))}
        </ol>
      ) : (
        <p className="section-hint">No criteria yet: add the questions your team asks to qualify a lead.</p>
      )}
      <ErrorBanner message={bannerMessage} />
      <div className="form-actions">
        <button type="button" id="criteria-add" ref={addButton} className="button-quiet" onClick={add}>
          + Add a criterion
        </button>
        <span className="form-actions-end">
          <span className="save-confirmation" role="status">
            {changed ? '' : note}
          </span>
          {changed && <span className="unsaved-note">Unsaved changes</span>}
          {changed && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => {
                setDrafts(draftsOf(checklist.criteria));
                setShowProblems(false);
              }}
            >
              Discard changes
            </button>
          )}
          <button type="button" className="button-primary" disabled={saving || !changed} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save checklist'}
          </button>
        </span>
      </div>
    </div>
  );
}
