import { useCallback, useEffect, useId, useRef, type ReactNode } from 'react';

const GAP_PX = 6;
const HIDE_DELAY_MS = 120;

/** Puts the panel under the trigger (above it when there is no room), inside the window. */
function place(trigger: HTMLElement, panel: HTMLElement): void {
  const anchor = trigger.getBoundingClientRect();
  const box = panel.getBoundingClientRect();
  const below = anchor.bottom + GAP_PX;
  const top = below + box.height <= window.innerHeight ? below : Math.max(GAP_PX, anchor.top - GAP_PX - box.height);
  const left = Math.min(Math.max(GAP_PX, anchor.left), Math.max(GAP_PX, window.innerWidth - box.width - GAP_PX));
  panel.style.top = `${top}px`;
  panel.style.left = `${left}px`;
}

/**
 * A button whose details open on focus or hover, in the top layer (so the table never clips them),
 * and close on blur, on leaving, on scroll or with Escape. The details are the button's accessible
 * description, so screen readers hear them without opening anything.
 */
export function FocusTip({
  trigger,
  children,
  className,
}: {
  trigger: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const hide = useCallback(() => {
    clearTimeout(hideTimer.current);
    const panel = panelRef.current;
    if (panel?.matches(':popover-open')) panel.hidePopover();
  }, []);

  const hideSoon = useCallback(() => {
    clearTimeout(hideTimer.current);
    hideTimer.current = setTimeout(() => {
      if (document.activeElement !== triggerRef.current) hide();
    }, HIDE_DELAY_MS);
  }, [hide]);

  const show = useCallback(() => {
    clearTimeout(hideTimer.current);
    const panel = panelRef.current;
    const button = triggerRef.current;
    if (panel === null || button === null) return;
    if (!panel.matches(':popover-open')) panel.showPopover();
    place(button, panel);
  }, []);

  useEffect(() => {
    // A fixed panel would float away from its row: close it when anything scrolls.
    window.addEventListener('scroll', hide, { capture: true, passive: true });
    return () => {
      window.removeEventListener('scroll', hide, { capture: true });
      clearTimeout(hideTimer.current);
    };
  }, [hide]);

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className={`tip__trigger${className === undefined ? '' : ` ${className}`}`}
        aria-describedby={id}
        onFocus={show}
        onBlur={hide}
        onMouseEnter={show}
        onMouseLeave={hideSoon}
        onClick={show}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && panelRef.current?.matches(':popover-open')) {
            event.stopPropagation();
            hide();
          }
        }}
      >
        {trigger}
      </button>
      <div
        ref={panelRef}
        id={id}
        role="tooltip"
        popover="manual"
        className="tip__panel"
        onMouseEnter={show}
        onMouseLeave={hideSoon}
      >
        {children}
      </div>
    </>
  );
}
