// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { localDateTime } from '../../../renderer/format/dates';
import { When } from '../../../renderer/ui/When';

afterEach(cleanup);

const NOW = Date.parse('2026-12-01T12:00:00.000Z');

describe('When, the one date format', () => {
  it('writes an expiry as days away, with the absolute local date on hover and for screen readers', () => {
    const at = '2026-12-20T12:00:00.000Z';
    render(h(When, { at, now: NOW }));
    const when = screen.getByText('in 19 days', { selector: 'time' });
    expect(when.getAttribute('datetime')).toBe(at);
    expect(when.getAttribute('title')).toBe(localDateTime(at));
    expect(when.getAttribute('aria-label')).toBe(`in 19 days (${localDateTime(at)})`);
    expect(when.querySelector('.when__absolute')?.textContent).toBe(localDateTime(at));
  });

  it('writes a read as time ago, and a past day as days ago', () => {
    render(h(When, { at: '2026-12-01T11:55:00.000Z', style: 'ago', now: NOW }));
    render(h(When, { at: '2026-11-28T12:00:00.000Z', now: NOW }));
    expect(screen.getByText('5 minutes ago', { selector: 'time' })).toBeTruthy();
    expect(screen.getByText('3 days ago', { selector: 'time' })).toBeTruthy();
  });

  it('takes keyboard focus, so the absolute date shows without a mouse', () => {
    render(h(When, { at: '2027-01-01T00:00:00.000Z', now: NOW }));
    const when = screen.getByText(/^in \d+ days$/, { selector: 'time' });
    expect(when.tabIndex).toBe(0);
    when.focus();
    expect(document.activeElement).toBe(when);
  });
});
