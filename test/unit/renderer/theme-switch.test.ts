// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, savedTheme, THEME_STORAGE_KEY } from '../../../renderer/ui/theme';
import { ThemeSwitch } from '../../../renderer/ui/ThemeSwitch';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});

const themeSelect = (): HTMLSelectElement => screen.getByRole('combobox', { name: 'Theme' });

describe('the theme switch', () => {
  it('offers System, Light and Dark, System until something else is chosen', () => {
    render(h(ThemeSwitch));
    expect([...themeSelect().options].map((option) => option.text)).toEqual(['System', 'Light', 'Dark']);
    expect(themeSelect().value).toBe('system');
  });

  it('applies the choice to <html> at once and keeps it for the next run', () => {
    render(h(ThemeSwitch));
    fireEvent.change(themeSelect(), { target: { value: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    fireEvent.change(themeSelect(), { target: { value: 'system' } });
    expect(document.documentElement.dataset.theme).toBe('system');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('system');
  });

  it('starts from the saved choice, as the app applies it before drawing; anything else is System', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'light');
    applyTheme(savedTheme());
    expect(document.documentElement.dataset.theme).toBe('light');
    render(h(ThemeSwitch));
    expect(themeSelect().value).toBe('light');
    window.localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(savedTheme()).toBe('system');
  });
});
