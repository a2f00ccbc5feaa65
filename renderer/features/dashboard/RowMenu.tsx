import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface RowMenuItem {
  label: string;
  run(): void;
  danger?: boolean;
  disabled?: boolean;
}

/**
 * One "⋯" button per row and its menu (WAI-ARIA menu button): Enter, Space or a click opens it on the first
 * item, arrows, Home and End move, Esc or Tab closes it, and focus returns to the button. The menu is drawn
 * over the page (a portal), so the row's height and the table's scrolling never clip it.
 */
export function RowMenu({ name, items }: { name: string; items: readonly RowMenuItem[] }) {
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState({ top: 0, left: 0 });
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const itemsOf = (): HTMLButtonElement[] => [...(menuRef.current?.querySelectorAll('button') ?? [])];

  useLayoutEffect(() => {
    if (!open) return;
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect !== undefined) setPlace({ top: rect.bottom + 2, left: Math.max(8, rect.right - 176) });
    itemsOf()[0]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent): void => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = itemsOf();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number): void => {
      event.preventDefault();
      buttons[(to + buttons.length) % buttons.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(buttons.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(true);
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="row-menu__button"
        aria-label={`Actions for ${name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? close(true) : setOpen(true))}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open &&
        createPortal(
          <div
            ref={menuRef}
            className="row-menu"
            role="menu"
            aria-label={`Actions for ${name}`}
            style={{ top: place.top, left: place.left }}
            onKeyDown={onMenuKey}
          >
            {items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger === true ? 'row-menu__item row-menu__item--danger' : 'row-menu__item'}
                aria-disabled={item.disabled === true || undefined}
                onClick={() => {
                  if (item.disabled === true) return;
                  close(true);
                  item.run();
                }}
              >
                {item.label}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
