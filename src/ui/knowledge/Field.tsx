import type { ReactNode } from 'react';

export interface InputProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface Props {
  formId: string;
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children(props: InputProps): ReactNode;
}

/** A labelled form field with its hint, or its error in place of the hint. */
export function Field({ formId, name, label, hint, error, children }: Props) {
  const id = `${formId}-${name}`;
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`form-field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint && !error && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** After a refused submit: the first field to correct takes the focus. */
export function focusFirstError(formId: string, fields: string[]) {
  requestAnimationFrame(() => {
    for (const field of fields) {
      const el = document.getElementById(`${formId}-${field}`);
      if (el) {
        el.focus();
        return;
      }
    }
  });
}
