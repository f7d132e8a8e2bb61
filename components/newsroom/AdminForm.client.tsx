'use client';
/**
 * One form of the administration pages, described by data: labels and options come translated from the server
 * page, and the Server Action answers with messages already translated into the user's language (field errors
 * keyed by field name). What was typed comes back with an error, so a refused form never loses it (passwords
 * excepted).
 */
import { useActionState, useId } from 'react';
import type { AdminFormState } from '@/app/newsroom/actions/support';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'textarea' | 'select' | 'hidden';
  defaultValue?: string;
  options?: { value: string; label: string; lang?: string }[];
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  hint?: string;
  autoComplete?: string;
  inputMode?: 'decimal' | 'text' | 'url' | 'email';
  /** Language of the value typed (names and slugs in English inside a French interface). */
  lang?: string;
  pattern?: string;
}

export interface GroupSpec {
  legend: string;
  fields: FieldSpec[];
}

type Item = FieldSpec | GroupSpec;
const isGroup = (item: Item): item is GroupSpec => 'fields' in item;

export function AdminForm({
  action,
  items,
  submitLabel,
  compact = false,
  primary = false,
  label,
}: {
  action: (state: AdminFormState, form: FormData) => Promise<AdminFormState>;
  items: Item[];
  submitLabel: string;
  /** Inline (row actions): fields and button on one line. */
  compact?: boolean;
  primary?: boolean;
  /** Accessible name of the form (row actions: "Disable Ada"). */
  label?: string;
}) {
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(action, null);
  const prefix = useId();
  const field = (f: FieldSpec) => {
    if (f.type === 'hidden') return <input key={f.name} type="hidden" name={f.name} value={f.defaultValue ?? ''} />;
    const id = `${prefix}-${f.name}`;
    const error = state?.fields?.[f.name];
    const describedBy = [f.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    const value = f.type === 'password' ? undefined : (state?.values?.[f.name] ?? f.defaultValue ?? '');
    const common = {
      id,
      name: f.name,
      required: f.required,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      lang: f.lang,
    } as const;
    return (
      <div key={f.name} className="nr-field">
        <label htmlFor={id}>{f.label}</label>
        {f.hint ? (
          <span id={`${id}-hint`} className="nr-hint">
            {f.hint}
          </span>
        ) : null}
        {f.type === 'textarea' ? (
          <textarea {...common} defaultValue={value} maxLength={f.maxLength} rows={3} />
        ) : f.type === 'select' ? (
          <select {...common} defaultValue={value}>
            {(f.options ?? []).map((o) => (
              <option key={o.value} value={o.value} lang={o.lang}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            type={f.type ?? 'text'}
            defaultValue={value}
            maxLength={f.maxLength}
            minLength={f.minLength}
            autoComplete={f.autoComplete ?? (f.type === 'password' ? 'new-password' : 'off')}
            inputMode={f.inputMode}
            pattern={f.pattern}
          />
        )}
        {error ? (
          <span id={`${id}-error`} className="nr-field-error">
            {error}
          </span>
        ) : null}
      </div>
    );
  };
  return (
    <form action={formAction} className={compact ? 'nr-inline-form' : 'nr-form'} aria-label={label}>
      {state?.ok ? <p role="status">{state.ok}</p> : null}
      {state?.error ? (
        <p role="alert" className="nr-error">
          {state.error}
        </p>
      ) : null}
      {items.map((item) =>
        isGroup(item) ? (
          <fieldset key={item.legend} className="nr-fieldset">
            <legend>{item.legend}</legend>
            {item.fields.map(field)}
          </fieldset>
        ) : (
          field(item)
        ),
      )}
      <button type="submit" disabled={pending} data-primary={primary ? '' : undefined}>
        {submitLabel}
      </button>
    </form>
  );
}
