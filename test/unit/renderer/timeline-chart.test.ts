// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineChartData } from '../../../renderer/ui/timeline-chart/chart-data';
import { TimelineChart } from '../../../renderer/ui/timeline-chart/TimelineChart';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12);

const DATA: TimelineChartData = {
  now: NOW,
  licenses: [
    { name: 'Acme 2027', expiresAt: NOW + 365 * DAY, internalUsers: 50, externalUsers: 100 },
    { name: 'Acme add-on', expiresAt: NOW + 20 * DAY, internalUsers: 5, externalUsers: 0 },
  ],
  expiredSeatsCount: false,
  users: { today: 12, inAYear: 24 },
  markers: [
    { id: 'expiry', label: 'Expiry', at: NOW + 365 * DAY, estimate: null, tone: 'warn', readOnly: false },
    {
      id: 'read-only',
      label: 'Read-only',
      at: NOW + 41 * DAY,
      estimate: { earliest: NOW + 20 * DAY },
      tone: 'bad',
      readOnly: true,
    },
  ],
};

afterEach(cleanup);

describe('the timeline chart', () => {
  it('is one image named by its summary, with a bar per license labelled with its seats', () => {
    const { container } = render(h(TimelineChart, { data: DATA }));
    const chart = screen.getByRole('img', {
      name: /^Timeline from Nov 2026 to Dec 2027: 2 licenses, 55 internal seats licensed today, 12 internal users, read-only estimated in 41 days$/,
    });
    expect(chart.querySelector('title')?.textContent).toBe(chart.getAttribute('aria-label'));
    const bars = container.querySelectorAll('[data-license]');
    expect([...bars].map((bar) => bar.querySelector('text')?.textContent)).toEqual([
      'Acme 2027 · 50 internal, 100 external',
      'Acme add-on · 5 internal, 0 external',
    ]);
    // The add-on's bar ends at its expiry, well before the year key's.
    const widths = [...bars].map((bar) => Number(bar.querySelector('rect')?.getAttribute('width')));
    expect(widths[1]).toBeLessThan((widths[0] ?? 0) / 4);
  });

  it('draws the today line, the seats stepping down, and the users with their forecast', () => {
    const { container } = render(h(TimelineChart, { data: DATA }));
    expect(container.querySelector('[data-today] text')?.textContent).toBe('Today');
    expect([...container.querySelectorAll('[data-seats]')].map((label) => label.textContent)).toEqual([
      '55 seats',
      '50 seats',
      '0 seats',
    ]);
    expect(container.querySelector('[data-users] circle')).not.toBeNull();
    expect(container.querySelector('[data-forecast] polygon')).not.toBeNull();
  });

  it('hatches estimated steps and labels them "estimated"; exact ones are plain lines', () => {
    const { container } = render(h(TimelineChart, { data: DATA }));
    const estimated = container.querySelector('[data-marker="read-only"]');
    expect(estimated?.getAttribute('data-estimated')).toBe('true');
    expect(estimated?.querySelector('text')?.textContent).toBe('Read-only (estimated)');
    const fill = estimated?.querySelector('rect')?.getAttribute('fill') ?? '';
    const patternId = /^url\(#(.+)\)$/.exec(fill)?.[1] ?? '';
    expect(container.querySelector(`pattern#${patternId}`)).not.toBeNull();

    const exact = container.querySelector('[data-marker="expiry"]');
    expect(exact?.getAttribute('data-estimated')).toBe('false');
    expect(exact?.querySelector('rect')).toBeNull();
    expect(exact?.querySelector('text')?.textContent).toBe('Expiry');
    expect(screen.getByText('Estimated step: at the latest by its line')).toBeTruthy();
  });

  it('leaves out users and the estimate legend when there are none', () => {
    const { container } = render(
      h(TimelineChart, {
        data: { ...DATA, users: null, markers: DATA.markers.filter((marker) => marker.estimate === null) },
      }),
    );
    expect(container.querySelector('[data-users]')).toBeNull();
    expect(screen.queryByText(/Estimated step/)).toBeNull();
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/55 internal seats licensed today$/);
  });
});
