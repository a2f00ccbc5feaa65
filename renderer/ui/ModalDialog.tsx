import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { SCREEN_HEADING_ID } from '../app/navigation';

const FOCUSABLE =
  'a[href], summary, button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !element.hidden && element.getClientRects().length > 0,
  );
}

/** Tab and Shift+Tab wrap around inside the dialog instead of leaving it for the browser's own UI. */
function trapTab(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const items = focusables(event.currentTarget);
  const first = items[0];
  const last = items[items.length - 1];
  if (first === undefined || last === undefined) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

interface ModalDialogProps {
  open: boolean;
  /** Escape, or anything else that closes the dialog; the store decides. */
  onDismiss: () => void;
  labelledBy: string;
  describedBy?: string;
  className?: string;
  children: ReactNode;
}

/**
 * A real modal: `<dialog>` opened with showModal() (the page behind is inert), focus kept inside,
 * Escape closes, and focus returns to where it was. The element marked `data-autofocus` gets focus.
 * The dialog scrolls as one body under a footer that never scrolls away: its `.dialog__actions` (last
 * in the dialog) sticks to the bottom edge (styles/dialog.css), so the action is always in reach.
 */
export function ModalDialog({ open, onDismiss, labelledBy, describedBy, className, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      // The opener may be gone (a removed row): the screen's heading is the next best place.
      const target = returnFocus.current?.isConnected
        ? returnFocus.current
        : document.getElementById(SCREEN_HEADING_ID);
      target?.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault();
        onDismiss();
      }}
    >
      {open && children}
    </dialog>
  );
}
