import { knownIntlValues } from '../../../shared/domain/intl-values';

/**
 * A text field's suggestions: every value of a kind this runtime knows (ISO 4217 codes, IANA
 * time zones), from the same list the currency check uses. An older runtime without the list
 * suggests nothing, and typing still works.
 */
export function KnownValuesList({ id, kind }: { id: string; kind: 'currency' | 'timeZone' }) {
  return (
    <datalist id={id}>
      {(knownIntlValues(kind) ?? []).map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}
