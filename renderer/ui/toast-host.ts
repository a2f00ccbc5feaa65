import { useSyncExternalStore } from 'react';

/**
 * The open dialog on top, if any: the app opens every dialog modal (renderer/ui/ModalDialog.tsx), in the
 * browser's top layer with the rest of the page inert, so a toast shown meanwhile must be drawn inside it
 * to be seen and pressed.
 */
function topModal(): HTMLElement | null {
  return [...document.querySelectorAll<HTMLElement>('dialog[open]')].at(-1) ?? null;
}

/** Follows dialogs opening, closing and leaving the page. */
function subscribe(changed: () => void): () => void {
  const observer = new MutationObserver(changed);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
  return () => observer.disconnect();
}

/** Where toasts are drawn: inside the modal dialog on top while one is open; null: in place. */
export function useToastHost(): HTMLElement | null {
  return useSyncExternalStore(subscribe, topModal, () => null);
}
