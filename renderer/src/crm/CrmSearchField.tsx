import type { Ref } from 'react';

interface CrmSearchFieldProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange(value: string): void;
}

/** A list's search box: results follow as you type. */
export function CrmSearchField({ id, label, placeholder, value, inputRef, onChange }: CrmSearchFieldProps) {
  return (
    <div className="field search-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        ref={inputRef}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
