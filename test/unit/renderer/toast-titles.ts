import { afterEach } from 'vitest';
import { useToasts } from '../../../renderer/ui/toasts';

// A toast outlives the screen that showed it (that is its point): each test starts without any.
afterEach(() => useToasts.getState().toasts.forEach((toast) => useToasts.getState().dismiss(toast.id)));

/** The titles of the toasts shown now, oldest first (the region is the app shell's, not drawn by a screen). */
export function toastTitles(): string[] {
  return useToasts.getState().toasts.map((toast) => toast.title);
}
