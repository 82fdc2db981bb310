import { FieldMessage } from '../components/FieldMessage';

export interface NewShowDraft {
  name: string;
  location: string;
  /** YYYY-MM-DD or "" (what <input type="date"> gives). */
  startsOn: string;
  endsOn: string;
}

export const EMPTY_NEW_SHOW: NewShowDraft = { name: '', location: '', startsOn: '', endsOn: '' };

const FIELDS: { key: keyof NewShowDraft; label: string; type: 'text' | 'date'; hint?: string }[] = [
  { key: 'name', label: 'Show name', type: 'text', hint: 'For example “Hannover Messe 2026”.' },
  { key: 'location', label: 'Where (optional)', type: 'text' },
  { key: 'startsOn', label: 'First day (optional)', type: 'date' },
  { key: 'endsOn', label: 'Last day (optional)', type: 'date' },
];

interface NewShowFieldsProps {
  value: NewShowDraft;
  onChange(value: NewShowDraft): void;
  /** Keyed as the API names them: name, location, startsOn, endsOn. */
  fieldErrors: Record<string, string>;
}

export function NewShowFields({ value, onChange, fieldErrors }: NewShowFieldsProps) {
  return (
    <div className="new-show field-grid">
      {FIELDS.map(({ key, label, type, hint }) => {
        const id = `setup-show-${key}`;
        const error = fieldErrors[key];
        return (
          <div key={key} className={error ? 'field field-invalid' : 'field'}>
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              type={type}
              value={value[key]}
              autoComplete="off"
              onChange={(event) => onChange({ ...value, [key]: event.target.value })}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-message`}
            />
            <FieldMessage id={`${id}-message`} error={error} hint={hint} />
          </div>
        );
      })}
    </div>
  );
}
