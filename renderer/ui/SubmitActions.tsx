import type { Ref } from 'react';

interface SubmitActionsProps {
  onCancel: () => void;
  /** The answer is awaited: the submit button says so and is marked unavailable. */
  busy: boolean;
  label: string;
  busyLabel: string;
  actionsRef?: Ref<HTMLDivElement>;
}

/** A form dialog's buttons: Cancel, and the submit button that says what it is doing while the answer is awaited. */
export function SubmitActions({ onCancel, busy, label, busyLabel, actionsRef }: SubmitActionsProps) {
  return (
    <div ref={actionsRef} className="dialog__actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" aria-disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
