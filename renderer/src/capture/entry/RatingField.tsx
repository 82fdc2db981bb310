import { FIELD_LABELS } from './field-labels';
import { LEAD_RATINGS } from '../../../../shared/domain/lead';
import { FieldMessage } from '../../components/FieldMessage';
import { useAppStore } from '../../store/app-store';
import { leadFieldMessageId } from '../model/field-ids';

const CHOICES = [...LEAD_RATINGS.map((rating) => ({ value: rating, label: rating })), { value: '', label: 'Not rated' }];

/** Hot / Warm / Cold / not rated, as radio buttons: arrow keys move between them. */
export function RatingField() {
  const value = useAppStore((state) => state.form.rating);
  const error = useAppStore((state) => state.fieldErrors.rating);
  const setField = useAppStore((state) => state.setField);
  return (
    <fieldset className="field rating-field" aria-describedby={error ? leadFieldMessageId('rating') : undefined}>
      <legend>{FIELD_LABELS.rating}</legend>
      <div className="rating-choices">
        {CHOICES.map((choice) => (
          <label key={choice.label} className={`rating-choice rating-${choice.label.toLowerCase().replace(' ', '-')}`}>
            <input
              type="radio"
              name="rating"
              value={choice.value}
              checked={value === choice.value}
              onChange={() => setField('rating', choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
      <FieldMessage id={leadFieldMessageId('rating')} error={error} />
    </fieldset>
  );
}
