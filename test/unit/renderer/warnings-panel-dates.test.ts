// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { WarningsPanel } from '../../../renderer/features/instance/WarningsPanel';
import { calendarDate, localDateTime } from '../../../renderer/format/dates';
import { detailOf, ROW } from './portal-licenses-fixtures';

afterEach(cleanup);

describe('the instance page’s warnings and notes, written by main for aklm too', () => {
  it('write their dates in the reader’s words and zone, never as ISO 8601', () => {
    const expired = '2026-10-01T12:00:00Z';
    const detail = {
      ...detailOf(null),
      instance: { ...ROW, warnings: ['The licenses run out on 2026-12-18, in 12 days: renew before then.'] },
      warnings: [
        {
          kind: 'trial_only' as const,
          message: 'On 2026-12-18 (in 12 days) the last license that is not a trial expires.',
        },
      ],
      notes: [
        `The expired license "Old" (${expired}) is still installed; its seats no longer count (2025.12 and later).`,
      ],
    };
    const { container } = render(h(WarningsPanel, { detail }));
    const day = calendarDate('2026-12-18');
    expect(container.textContent).toContain(`The expired license "Old" (${localDateTime(expired)}) is still installed`);
    expect(container.textContent).toContain(`The licenses run out on ${day}, in 12 days: renew before then.`);
    expect(container.textContent).toContain(`On ${day} (in 12 days) the last license that is not a trial expires.`);
    expect(container.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect([...container.querySelectorAll('time')].map((time) => time.dateTime)).toEqual([
      '2026-12-18',
      '2026-12-18',
      expired,
    ]);
  });
});
