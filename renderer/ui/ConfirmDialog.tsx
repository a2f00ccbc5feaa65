import type { ReactNode } from 'react';
import { ActionFeedback } from './ActionFeedback';
import { ModalDialog } from './ModalDialog';

/** What the dialog asks to do: its button's words, and the action itself. */
export interface Confirmation {
  label: string;
  busyLabel: string;
  /** The action runs: the button says so and does nothing more. */
  busy: boolean;
  /** Nothing to do: the button is marked unavailable and does nothing. */
  disabled?: boolean;
  run: () => void;
  /** The refusal of the last try, and the bold sentence before it. */
  problem: string | null;
  problemLead?: string;
  /** Not destructive, only weighty (making an Owner): the button is the primary, not the red one. */
  primary?: boolean;
  /** Also say in a status line that it runs. */
  announce?: boolean;
}

interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  /** The heading is `<idPrefix>-title` and the text `<idPrefix>-what`: the dialog's name and description. */
  idPrefix: string;
  title: ReactNode;
  what: ReactNode;
  /** Null once what it asks about is gone meanwhile: the dialog then says so and offers only Close. */
  confirm: Confirmation | null;
  /** What else to know before confirming, below the text. */
  children?: ReactNode;
}

/** Asks before a destructive (or weighty) action: Cancel has the focus, the red (or primary) button has to be chosen. */
export function ConfirmDialog({ open, onClose, idPrefix, title, what, confirm, children }: ConfirmDialogProps) {
  return (
    <ModalDialog
      open={open}
      onDismiss={onClose}
      labelledBy={`${idPrefix}-title`}
      describedBy={`${idPrefix}-what`}
      className="dialog"
    >
      <h2 id={`${idPrefix}-title`}>{title}</h2>
      <p id={`${idPrefix}-what`}>{what}</p>
      {confirm === null ? (
        <div className="dialog__actions">
          <button type="button" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      ) : (
        <>
          {children}
          <ActionFeedback
            problem={confirm.problem}
            lead={confirm.problemLead}
            status={confirm.announce === true ? (confirm.busy ? confirm.busyLabel : '') : undefined}
          />
          <div className="dialog__actions">
            <button type="button" onClick={onClose} data-autofocus>
              Cancel
            </button>
            <button
              type="button"
              className={confirm.primary === true ? 'primary' : 'danger'}
              aria-disabled={confirm.busy || confirm.disabled === true}
              onClick={() => {
                if (!confirm.busy && confirm.disabled !== true) confirm.run();
              }}
            >
              {confirm.busy ? confirm.busyLabel : confirm.label}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
