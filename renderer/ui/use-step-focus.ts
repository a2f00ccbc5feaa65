import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus when the dialog changes step (the button pressed is gone): to the new step's
 * `[data-step-focus]` heading, else its `[data-autofocus]` field, else the dialog's title.
 * Opening the dialog is left to ModalDialog.
 */
export function useStepFocus(container: RefObject<HTMLElement | null>, stepKey: string | null, titleId: string): void {
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = stepKey;
    if (stepKey === null || before === null || before === stepKey) return;
    const root = container.current;
    if (root === null) return;
    const target =
      root.querySelector<HTMLElement>('[data-step-focus]') ??
      root.querySelector<HTMLElement>('[data-autofocus]') ??
      document.getElementById(titleId);
    target?.focus();
  }, [container, stepKey, titleId]);
}
