import { CRITERION_KINDS, type CriterionKind } from '../../../shared/domain/qualification';
import { FieldMessage } from '../components/FieldMessage';
import type { CriterionDraft } from './criteria-draft';

const KIND_LABELS: Record<CriterionKind, string> = {
  yesno: 'Yes / no',
  choice: 'One of a few choices',
  text: 'Short text',
};

interface CriterionRowProps {
  draft: CriterionDraft;
  position: number;
  count: number;
  problems: { label?: string | undefined; choices?: string | undefined };
  onChange(change: Partial<CriterionDraft>): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

/** One criterion in the editor: its name, kind, choices, the booth flag, and moving or removing it. */
export function CriterionRow({ draft, position, count, problems, onChange, onMove, onRemove }: CriterionRowProps) {
  const id = draft.rowId;
  const name = draft.label.trim() || `criterion ${position + 1}`;
  return (
    <li className="criterion-row">
      <span className="criterion-number" aria-hidden="true">
        {position + 1}
      </span>
      <div className="criterion-fields">
        <div className={`field${problems.label ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-label`}>Name</label>
          <input
            id={`${id}-label`}
            type="text"
            value={draft.label}
            maxLength={80}
            aria-invalid={problems.label ? true : undefined}
            aria-describedby={`${id}-label-message`}
            onChange={(event) => onChange({ label: event.target.value })}
          />
          <FieldMessage id={`${id}-label-message`} error={problems.label} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Answer</label>
          <select id={`${id}-kind`} value={draft.kind} onChange={(event) => onChange({ kind: event.target.value as CriterionKind })}>
            {CRITERION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <label className="booth-toggle">
          <input type="checkbox" checked={draft.askAtBooth} onChange={(event) => onChange({ askAtBooth: event.target.checked })} />
          Ask at the booth
        </label>
        {draft.kind === 'choice' && (
          <div className={`field criterion-choices${problems.choices ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-choices`}>Choices, one per line</label>
            <textarea
              id={`${id}-choices`}
              value={draft.choicesText}
              rows={3}
              aria-invalid={problems.choices ? true : undefined}
              aria-describedby={`${id}-choices-message`}
              onChange={(event) => onChange({ choicesText: event.target.value })}
            />
            <FieldMessage id={`${id}-choices-message`} error={problems.choices} />
          </div>
        )}
      </div>
      <div className="criterion-actions">
        <button
          type="button"
          id={`${id}-up`}
          className="button-quiet button-icon"
          aria-label={`Move ${name} up`}
          title="Move up"
          disabled={position === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          id={`${id}-down`}
          className="button-quiet button-icon"
          aria-label={`Move ${name} down`}
          title="Move down"
          disabled={position === count - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button type="button" className="button-quiet button-remove" aria-label={`Remove ${name}`} onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}
