import { create } from 'zustand';

/** How an outcome reads: done, refused or failed, or just so. Red is for `danger` alone. */
export type ToastTone = 'success' | 'danger' | 'info';

/** A button on a toast that can still be honoured (Undo, Open…): it closes the toast when pressed. */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface ToastInput {
  tone: ToastTone;
  /** One line, a headline: what happened. */
  title: string;
  /** At most one more line, behind "Why?" in the toast. */
  detail?: string;
  action?: ToastAction;
  /** How long it stays; default 6 s, 10 s when it carries an action. */
  timeoutMs?: number;
}

export interface Toast extends ToastInput {
  id: number;
}

interface ToastState {
  toasts: readonly Toast[];
  show(input: ToastInput): number;
  dismiss(id: number): void;
}

/** The most toasts shown at once; an older one gives way to a newer. */
const MOST_SHOWN = 4;
const DEFAULT_MS = 6_000;
const WITH_ACTION_MS = 10_000;

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

/** Outcomes of actions, shown for a few seconds in one corner of the window, whatever the screen. */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show(input) {
    const id = nextId++;
    const kept = get().toasts.slice(-(MOST_SHOWN - 1));
    for (const gone of get().toasts.filter((toast) => !kept.includes(toast))) get().dismiss(gone.id);
    set({ toasts: [...kept, { ...input, id }] });
    const ms = input.timeoutMs ?? (input.action === undefined ? DEFAULT_MS : WITH_ACTION_MS);
    timers.set(
      id,
      setTimeout(() => get().dismiss(id), ms),
    );
    return id;
  },
  dismiss(id) {
    clearTimeout(timers.get(id));
    timers.delete(id);
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
}));

/** Shows an outcome as a toast, from a component or a mutation's callback alike. */
export function showToast(input: ToastInput): number {
  return useToasts.getState().show(input);
}
