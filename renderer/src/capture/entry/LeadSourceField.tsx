import { FIELD_LABELS } from './field-labels';
import { FieldMessage } from '../../components/FieldMessage';
import { useAppStore } from '../../store/app-store';
import { leadFieldId, leadFieldMessageId } from '../model/field-ids';
import { LEAD_SOURCES } from '../model/lead-form-model';

/** Lead Source is always set; the booth's default is "Trade Show". */
export function LeadSourceField() {
  const value = useAppStore((state) => state.form.leadSource);
  const error = useAppStore((state) => state.fieldErrors.leadSource);
  const setField = useAppStore((state) => state.setField);
  // A draft or another version may hold a source that is not in the list: keep it selectable.
  const known: readonly string[] = LEAD_SOURCES;
  const sources = known.includes(value) ? known : [value, ...known];
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={leadFieldId('leadSource')}>{FIELD_LABELS.leadSource}</label>
      <select
        id={leadFieldId('leadSource')}
        value={value}
        onChange={(event) => setField('leadSource', event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? leadFieldMessageId('leadSource') : undefined}
      >
        {sources.map((source) => (
          <option key={source} value={source}>
            {source}
          </option>
        ))}
      </select>
      <FieldMessage id={leadFieldMessageId('leadSource')} error={error} />
    </div>
  );
}
