// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarDate, localDateTime } from '../../../renderer/format/dates';
import { DatedText } from '../../../renderer/ui/DatedText';

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
