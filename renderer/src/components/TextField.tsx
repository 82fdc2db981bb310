import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldMessage } from './FieldMessage';

/** What the input takes besides what the field itself sets (its id, value, change, invalid mark and message). */
type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className' | 'aria-invalid' | 'aria-describedby'>;

interface TextFieldProps extends InputAttributes {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  /** The app's own message under the field (never the browser's popup); it marks the field invalid. */
  error: string | undefined;
  /** The quiet line under the field while there is no error. */
  hint?: string | undefined;
  /** More classes on the field's box, e.g. "field-wide". */
  className?: string | undefined;
  inputClassName?: string | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
  /** Drawn after the input, e.g. the datalist of its suggestions. */
  children?: ReactNode;
}

/**
 * A labelled single-line field with its message under it: the error (the field marked
 * invalid, and the message read with it) or else its hint. Forms use it for every plain text,
 * date or number field, so each looks and reads the same.
 */
export function TextField({ id, label, value, onChange, error, hint, className, inputClassName, inputRef, children, ...input }: TextFieldProps) {
  const messageId = `${id}-message`;
  return (
    <div className={['field', className, error && 'field-invalid'].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        ref={inputRef}
        className={inputClassName}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? messageId : undefined}
        onChange={(change) => onChange(change.target.value)}
      />
      {children}
      <FieldMessage id={messageId} error={error} hint={hint} />
    </div>
  );
}
