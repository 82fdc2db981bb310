import { useEffect } from 'react';
import { AMOUNT_KEYS, type Criterion, type CriterionAnswer, type CriterionState } from '../../../shared/domain/qualification';
import { useAppStore } from '../store/app-store';

const STATES: Array<{ state: CriterionState; label: string }> = [
  { state: 'met', label: 'Met' },
  { state: 'unmet', label: 'Not met' },
  { state: 'unknown', label: 'Unknown' },
];

/** The show's checklist (BANT, ANUM, CHAMP or custom): each criterion met / not met / unknown, with a note. */
export function ChecklistPanel() {
  const qualification = useAppStore((state) => state.leadDetail?.qualification ?? null);
  const converted = useAppStore((state) => state.leadDetail?.lead.status === 'Converted');
  const navigate = useAppStore((state) => state.navigate);
  const flushCriterionEdits = useAppStore((state) => state.flushCriterionEdits);
  // Leaving the lead (another screen, another lead) stores what was typed and not stored yet.
  useEffect(() => () => void flushCriterionEdits(), [flushCriterionEdits]);
  if (!qualification) return null;
  const { checklist, answers, summary } = qualification;
  return (
    <section className="form-section checklist" aria-labelledby="checklist-title">
      <div className="section-heading">
        <h2 id="checklist-title">Qualification · {checklist.framework === 'custom' ? 'custom checklist' : checklist.framework}</h2>
        <span className="section-hint">
          {summary.met} of {summary.total} met
          {summary.unmet > 0 ? ` · ${summary.unmet} not met` : ''}
        </span>
      </div>
      {checklist.criteria.length === 0 ? (
        <p className="section-hint">
          This show has no checklist yet.{' '}
          <button type="button" className="button-link" onClick={() => navigate({ screen: 'show-settings' })}>
            Set one up
          </button>
        </p>
      ) : (
        <ul className="criteria-list">
          {checklist.criteria.map((criterion) => {
            const answer = answers.find((candidate) => candidate.key === criterion.key);
            // The row shows the stored answer (saved here, in another window or on the command
            // line) unless something typed here is not stored yet.
            return <CriterionRow key={criterion.key} criterion={criterion} answer={answer} readOnly={converted} />;
          })}
        </ul>
      )}
    </section>
  );
}

function CriterionRow({ criterion, answer, readOnly }: { criterion: Criterion; answer: CriterionAnswer | undefined; readOnly: boolean }) {
  const answerCriterion = useAppStore((state) => state.answerCriterion);
  const editCriterion = useAppStore((state) => state.editCriterion);
  const flushCriterionEdits = useAppStore((state) => state.flushCriterionEdits);
  const saving = useAppStore((state) => state.leadSaving);
  // What was typed and is not stored yet shows over the stored answer, so nothing typed is ever hidden.
  const typed = useAppStore((state) =>
    state.criterionEdits && state.criterionEdits.leadId === state.leadDetail?.lead.id ? state.criterionEdits.byKey[criterion.key] : undefined,
  );
  const note = typed?.note ?? answer?.note ?? '';
  const value = typed?.value ?? answer?.value ?? '';
  const state = answer?.state ?? 'unknown';
  const hasValue = criterion.kind !== 'yesno' || AMOUNT_KEYS.has(criterion.key);
  // Leaving a field stores what it holds at once (the pause in typing would too, a moment later).
  const store = () => void flushCriterionEdits();

  return (
    <li className={`criterion criterion-${state}`}>
      <div className="criterion-head">
        <span className="criterion-label" id={`criterion-${criterion.key}`}>
          {criterion.label}
        </span>
        <div className="segmented" role="group" aria-labelledby={`criterion-${criterion.key}`}>
          {STATES.map((option) => (
            <button
              key={option.state}
              type="button"
              className={`segment segment-${option.state}`}
              aria-pressed={state === option.state}
              disabled={readOnly || saving}
              onClick={() => void answerCriterion(criterion.key, option.state)}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
      <div className="criterion-details">
        {hasValue &&
          (criterion.kind === 'choice' ? (
            <select
              aria-label={`${criterion.label}: choice`}
              value={value}
              disabled={readOnly}
              onChange={(event) => void answerCriterion(criterion.key, state === 'unknown' ? 'met' : state, { value: event.target.value })}
            >
              <option value="">Pick…</option>
              {criterion.choices.map((choice) => (
                <option key={choice}>{choice}</option>
              ))}
            </select>
          ) : (
            <input
              type="text"
              aria-label={AMOUNT_KEYS.has(criterion.key) ? `${criterion.label}: amount` : `${criterion.label}: answer`}
              placeholder={AMOUNT_KEYS.has(criterion.key) ? 'Amount, e.g. 50k' : 'Answer'}
              value={value}
              readOnly={readOnly}
              onChange={(event) => editCriterion(criterion.key, { value: event.target.value })}
              onBlur={store}
            />
          ))}
        <input
          type="text"
          aria-label={`${criterion.label}: note`}
          placeholder="Note"
          value={note}
          readOnly={readOnly}
          onChange={(event) => editCriterion(criterion.key, { note: event.target.value })}
          onBlur={store}
        />
      </div>
    </li>
  );
}
