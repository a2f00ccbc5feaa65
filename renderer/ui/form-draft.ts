import { useState } from 'react';

/** A form as the screen holds it: the draft, whether it was submitted, and which fields were edited since. */
export interface FormDraft<F extends object> {
  form: F;
  /** The rules' problems show once the form was submitted, and follow every edit from then on. */
  submitted: boolean;
  /** The fields edited since the last submit: a refusal's words about them no longer apply. */
  edited: ReadonlySet<keyof F>;
  edit(change: Partial<F>): void;
  submit(): void;
  /** Back to the first draft, as if never submitted: after it was sent. */
  reset(): void;
}

/** Holds a form's draft in the component that shows it; the refusal itself stays in the mutation's error state. */
export function useFormDraft<F extends object>(initial: F): FormDraft<F> {
  const [first] = useState(initial);
  const [form, setForm] = useState(first);
  const [submitted, setSubmitted] = useState(false);
  const [edited, setEdited] = useState<ReadonlySet<keyof F>>(() => new Set());
  return {
    form,
    submitted,
    edited,
    edit(change) {
      setForm((current) => ({ ...current, ...change }));
      setEdited((current) => new Set([...current, ...(Object.keys(change) as (keyof F)[])]));
    },
    submit() {
      setSubmitted(true);
      setEdited(new Set());
    },
    reset() {
      setForm(first);
      setSubmitted(false);
      setEdited(new Set());
    },
  };
}

/** A refusal's field messages that still stand: each goes once its field is edited. */
export function standingProblems<K extends PropertyKey>(
  problems: Partial<Record<K, string>>,
  edited: ReadonlySet<K>,
): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(problems).filter(([field]) => !edited.has(field as K))) as Partial<
    Record<K, string>
  >;
}
