import type { Ref } from 'react';
import { SubmitActions } from '../../ui/SubmitActions';

interface InstanceFormFootProps {
  /** The bold sentence that says what did not happen, before the refusal. */
  lead: string;
  problem: string | null;
  busy: boolean;
  label: string;
  /** What the form is doing while the answer is awaited: on the button and in the status line. */
  busyLabel: string;
  onCancel: () => void;
  actionsRef: Ref<HTMLDivElement>;
}

/** The foot of the Add and Edit forms: the refusal, what is under way, Cancel and submit. */
export function InstanceFormFoot({
  lead,
  problem,
  busy,
  label,
  busyLabel,
  onCancel,
  actionsRef,
}: InstanceFormFootProps) {
  return (
    <>
      {problem !== null && (
        <div className="problem" role="alert">
          <strong>{lead}</strong> {problem}
        </div>
      )}
      <p className="notice" role="status">
        {busy ? busyLabel : ''}
      </p>
      <SubmitActions actionsRef={actionsRef} onCancel={onCancel} busy={busy} label={label} busyLabel={busyLabel} />
    </>
  );
}
