// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarDate, localDateTime, localWords } from '../../../renderer/format/dates';
import { HealthCell } from '../../../renderer/features/dashboard/HealthCell';
import { DatedText } from '../../../renderer/ui/DatedText';
import { fleetRow } from './instance-rows';

afterEach(cleanup);

describe('DatedText, a message from main on the page', () => {
  it('writes its instants and days in the reader’s words and zone, keeping ISO 8601 only in dateTime', () => {
    const at = '2027-12-06T16:45:19Z';
    const { container } = render(
      h('p', null, h(DatedText, { text: ['valid until ', { at }, '; renew by ', { day: '2027-11-06' }, '.'] })),
    );
    expect(container.textContent).toBe(`valid until ${localDateTime(at)}; renew by ${calendarDate('2027-11-06')}.`);
    expect([...container.querySelectorAll('time')].map((time) => time.dateTime)).toEqual([at, '2027-11-06']);
    expect(container.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('splits main’s words itself when they come as one string (shared with aklm, or stored in the audit trail)', () => {
    const at = '2026-12-06T16:45:19.640Z';
    const { container } = render(
      h('p', null, h(DatedText, { text: `the last good copy (config.json.bak, saved ${at})` })),
    );
    expect(container.textContent).toBe(`the last good copy (config.json.bak, saved ${localDateTime(at)})`);
    expect(container.querySelector('time')?.dateTime).toBe(at);
  });
});

describe('main’s words as plain text, for a tooltip', () => {
  it('take the reader’s dates too, and leave file names as they are', () => {
    expect(localWords('The licenses run out on 2026-12-18, in 12 days: renew before then.')).toBe(
      `The licenses run out on ${calendarDate('2026-12-18')}, in 12 days: renew before then.`,
    );
    expect(localWords('saved 2026-12-06T16:45:19.640Z in config.json.damaged-2026-12-06T16-45-19-640Z')).toBe(
      `saved ${localDateTime('2026-12-06T16:45:19.640Z')} in config.json.damaged-2026-12-06T16-45-19-640Z`,
    );
  });

  it('on the dashboard, where a row’s warnings are its Health’s reason and tooltip', () => {
    const warning = 'The licenses run out on 2026-12-18, in 12 days: renew before then.';
    const row = fleetRow('Soon', { state: 'warning', warnings: [warning, 'A key is installed twice.'] });
    const { container } = render(h(HealthCell, { row, now: Date.parse('2026-11-01T00:00:00Z') }));
    const reason = container.querySelector('.health__reason');
    expect(reason?.getAttribute('title')).toBe(`${localWords(warning)}\nA key is installed twice.`);
    expect(reason?.textContent).toContain(`run out on ${calendarDate('2026-12-18')}`);
    expect(container.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
