/**
 * Labelled form fields: every input has a visible `<label>`, its hint and error are tied to it
 * with aria-describedby, and an invalid field says so with aria-invalid.
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useId } from 'react';

interface FieldFrame {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | null | undefined;
  readonly required?: boolean | undefined;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  const ids = [
    hint === undefined ? null : hintId,
    error === undefined || error === null ? null : errorId,
  ].filter((id): id is string => id !== null);
  return ids.length === 0 ? undefined : ids.join(' ');
}

function Frame({
  id,
  frame,
  children,
}: {
  readonly id: string;
  readonly frame: FieldFrame;
  readonly children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {frame.label}
        {frame.required === true ? <span aria-hidden="true"> *</span> : null}
      </label>
      {frame.hint === undefined ? null : (
        <p className="hint" id={`${id}-hint`}>
          {frame.hint}
        </p>
      )}
      {children}
      {frame.error === undefined || frame.error === null ? null : (
        <p className="field-error" id={`${id}-error`}>
          {frame.error}
        </p>
      )}
    </div>
  );
}

type InputProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> & { readonly name: string };

/** A text-like `<input>` with its label. */
export function TextField({ label, hint, error, required, ...input }: InputProps) {
  const id = useId();
  return (
    <Frame id={id} frame={{ label, hint, error, required }}>
      <input
        id={id}
        required={required}
        aria-invalid={error === undefined || error === null ? undefined : true}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...input}
      />
    </Frame>
  );
}

type TextAreaProps = FieldFrame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children'> & { readonly name: string };

/** A `<textarea>` with its label. */
export function TextAreaField({ label, hint, error, required, ...input }: TextAreaProps) {
  const id = useId();
  return (
    <Frame id={id} frame={{ label, hint, error, required }}>
      <textarea
        id={id}
        required={required}
        rows={4}
        aria-invalid={error === undefined || error === null ? undefined : true}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...input}
      />
    </Frame>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

type SelectProps = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> & {
    readonly name: string;
    readonly options: readonly Option[];
  };

/** A `<select>` with its label. */
export function SelectField({ label, hint, error, required, options, ...select }: SelectProps) {
  const id = useId();
  return (
    <Frame id={id} frame={{ label, hint, error, required }}>
      <select
        id={id}
        required={required}
        aria-invalid={error === undefined || error === null ? undefined : true}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A checkbox with its label on the right. */
export function CheckboxField({
  label,
  hint,
  ...input
}: { readonly label: ReactNode; readonly hint?: ReactNode; readonly name: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'children'
>) {
  const id = useId();
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
