interface FieldMessageProps {
  /** The id the field's aria-describedby points at. */
  id: string;
  error: string | undefined;
  hint?: string | undefined;
}

/** The line under a field: its error when there is one, otherwise its quiet hint. */
export function FieldMessage({ id, error, hint }: FieldMessageProps) {
  if (error) {
    return (
      <p id={id} className="field-error">
        {error}
      </p>
    );
  }
  if (!hint) return null;
  return (
    <p id={id} className="field-hint">
      {hint}
    </p>
  );
}
