// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastRegion } from '../../../renderer/ui/ToastRegion';
import { showToast, useToasts } from '../../../renderer/ui/toasts';

beforeEach(() => {
  vi.useFakeTimers();
  render(h(ToastRegion));
});
afterEach(() => {
  act(() => useToasts.getState().toasts.forEach((toast) => useToasts.getState().dismiss(toast.id)));
  cleanup();
  vi.useRealTimers();
});

/** The titles on screen, oldest first (each toast is a status or an alert, so they are read by their titles). */
const shown = (): string[] =>
  [...document.querySelectorAll('.toasts__list > li .toast__title')].map((title) => title.textContent ?? '');

describe('toasts', () => {
  it('show an outcome with its detail behind Why?, and go after their time', () => {
    act(() => void showToast({ tone: 'success', title: 'Instance added', detail: 'It answered at once.' }));
    expect(screen.getByRole('status').textContent).toContain('Instance added');
    expect(screen.getByText('Why?', { selector: 'summary' })).toBeTruthy();
    act(() => void vi.advanceTimersByTime(5_999));
    expect(shown()).toEqual(['Instance added']);
    act(() => void vi.advanceTimersByTime(1));
    expect(shown()).toEqual([]);
  });

  it('announce a failure at once, and close on Dismiss', () => {
    act(() => void showToast({ tone: 'danger', title: 'Refresh failed' }));
    expect(screen.getByRole('alert').textContent).toContain('Refresh failed');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(shown()).toEqual([]);
  });

  it('run their action once and close, and wait longer while they carry one', () => {
    const undo = vi.fn();
    act(() => void showToast({ tone: 'info', title: 'License deleted', action: { label: 'Undo', run: undo } }));
    act(() => void vi.advanceTimersByTime(9_000));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(undo).toHaveBeenCalledTimes(1);
    expect(shown()).toEqual([]);
  });

  it('keep at most four, the oldest giving way', () => {
    act(() => {
      for (const n of [1, 2, 3, 4, 5]) showToast({ tone: 'info', title: `Toast ${n}` });
    });
    expect(shown()).toEqual(['Toast 2', 'Toast 3', 'Toast 4', 'Toast 5']);
  });
});

describe('toasts while a dialog is open', () => {
  it('are drawn inside the open dialog, where they can be seen and pressed, and back in place once it closes', async () => {
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    act(() => void showToast({ tone: 'success', title: 'License renamed' }));
    await act(async () => {});
    expect(dialog.querySelector('.toast__title')?.textContent).toBe('License renamed');
    dialog.removeAttribute('open');
    await act(async () => {});
    expect(dialog.querySelector('.toast')).toBeNull();
    expect(shown()).toEqual(['License renamed']);
    dialog.remove();
  });
});
