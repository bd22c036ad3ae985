// Labelled form controls that wire hints and errors to the input with aria-describedby/aria-invalid.
import type { ChangeEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/context';

export interface FieldBase {
  id: string;
  label: string;
  hint?: string;
  /** Messages already in the user's language; shown under the label. */
  errors?: readonly string[];
  required?: boolean;
}

export function describedBy(id: string, hint?: string, errors?: readonly string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function invalid(errors?: readonly string[]): true | undefined {
  return errors?.length ? true : undefined;
}

export function FieldHint({ id, hint }: { id: string; hint?: string }) {
  return hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null;
}

export function FieldError({ id, errors }: { id: string; errors?: readonly string[] }) {
  const { t } = useI18n();
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {errors.join(' ')}
    </p>
  );
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  const { t } = useI18n();
  return (
    <label htmlFor={id} className="field-label">
      {label}
      {required ? <span className="field-required"> ({t('form.required')})</span> : null}
    </label>
  );
}

interface TextFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'search' | 'number' | 'date' | 'datetime-local' | 'password';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
  className?: string;
  min?: number | string;
  max?: string;
  maxLength?: number;
  /** Off for usernames, codes and secrets, where a spelling checker only gets in the way. */
  spellCheck?: boolean;
  autoCapitalize?: 'none' | 'sentences';
  /** More ids for aria-describedby (e.g. a live counter shown after the input). */
  describedByExtra?: string;
  /** Shown after the input, inside the field (e.g. a counter). */
  after?: ReactNode;
}

export function TextField(p: TextFieldProps) {
  return (
    <div className={`field${p.errors?.length ? ' field--invalid' : ''} ${p.className ?? ''}`}>
      <Label id={p.id} label={p.label} required={p.required} />
      <FieldHint id={p.id} hint={p.hint} />
      <FieldError id={p.id} errors={p.errors} />
      <input
        id={p.id}
        name={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        required={p.required}
        autoComplete={p.autoComplete}
        inputMode={p.inputMode}
        min={p.min}
        max={p.max}
        maxLength={p.maxLength}
        spellCheck={p.spellCheck}
        autoCapitalize={p.autoCapitalize}
        aria-describedby={[describedBy(p.id, p.hint, p.errors), p.describedByExtra].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid(p.errors)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          p.onChange(e.target.value);
        }}
      />
      {p.after}
    </div>
  );
}

export function TextAreaField(p: FieldBase & { value: string; onChange: (v: string) => void; autoComplete?: string }) {
  return (
    <div className={`field${p.errors?.length ? ' field--invalid' : ''}`}>
      <Label id={p.id} label={p.label} required={p.required} />
      <FieldHint id={p.id} hint={p.hint} />
      <FieldError id={p.id} errors={p.errors} />
      <textarea
        id={p.id}
        name={p.id}
        rows={3}
        value={p.value}
        autoComplete={p.autoComplete}
        aria-describedby={describedBy(p.id, p.hint, p.errors)}
        aria-invalid={invalid(p.errors)}
        onChange={(e) => {
          p.onChange(e.target.value);
        }}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(p: FieldBase & { value: string; onChange: (v: string) => void; options: readonly Option[] }) {
  return (
    <div className={`field${p.errors?.length ? ' field--invalid' : ''}`}>
      <Label id={p.id} label={p.label} required={p.required} />
      <FieldHint id={p.id} hint={p.hint} />
      <FieldError id={p.id} errors={p.errors} />
      <select
        id={p.id}
        name={p.id}
        value={p.value}
        required={p.required}
        aria-describedby={describedBy(p.id, p.hint, p.errors)}
        aria-invalid={invalid(p.errors)}
        onChange={(e) => {
          p.onChange(e.target.value);
        }}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField(p: FieldBase & { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className={`field field--checkbox${p.errors?.length ? ' field--invalid' : ''}`}>
      <FieldError id={p.id} errors={p.errors} />
      <input
        id={p.id}
        name={p.id}
        type="checkbox"
        checked={p.checked}
        aria-describedby={describedBy(p.id, p.hint, p.errors)}
        aria-invalid={invalid(p.errors)}
        onChange={(e) => {
          p.onChange(e.target.checked);
        }}
      />
      <Label id={p.id} label={p.label} />
      <FieldHint id={p.id} hint={p.hint} />
    </div>
  );
}

/** A fieldset whose legend names a group of inputs; the group's id carries its hint and error. */
export function FieldGroup(p: Omit<FieldBase, 'required'> & { children: ReactNode; className?: string }) {
  return (
    <fieldset
      id={p.id}
      tabIndex={-1}
      className={`field-group${p.errors?.length ? ' field--invalid' : ''} ${p.className ?? ''}`}
      aria-describedby={describedBy(p.id, p.hint, p.errors)}
    >
      <legend>{p.label}</legend>
      <FieldHint id={p.id} hint={p.hint} />
      <FieldError id={p.id} errors={p.errors} />
      {p.children}
    </fieldset>
  );
}

/** Lists checkboxes for a set of codes; `selected` holds the checked codes. */
export function CheckboxList(p: {
  idPrefix: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  describedBy?: string;
}) {
  const toggle = (value: string, on: boolean) => {
    const rest = p.selected.filter((v) => v !== value);
    p.onChange(on ? [...rest, value] : rest);
  };
  return (
    <ul className="checkbox-list">
      {p.options.map((o) => {
        const id = `${p.idPrefix}-${o.value}`;
        return (
          <li key={o.value}>
            <input
              id={id}
              type="checkbox"
              checked={p.selected.includes(o.value)}
              aria-describedby={p.describedBy}
              onChange={(e) => {
                toggle(o.value, e.target.checked);
              }}
            />
            <label htmlFor={id}>{o.label}</label>
          </li>
        );
      })}
    </ul>
  );
}
