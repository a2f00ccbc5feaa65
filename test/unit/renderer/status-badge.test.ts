// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusValueBadge } from '../../../renderer/ui/StatusBadge';

afterEach(cleanup);

function badgeClass(props: Parameters<typeof StatusValueBadge>[0]): string {
  const { container } = render(h(StatusValueBadge, props));
  return container.querySelector('.status-badge')?.className ?? '';
}

describe('the status badge', () => {
  it('shows a valid status as good while the latest read succeeded', () => {
    expect(badgeClass({ status: 'valid', state: 'ok' })).toContain('status-badge--ok');
  });

  it('never shows a status as good once the latest read failed: it may no longer be true', () => {
    const failed = badgeClass({ status: 'valid', state: 'ok', readFailed: true });
    expect(failed).not.toContain('status-badge--ok');
    expect(failed).toContain('status-badge--neutral');
  });

  it('keeps a bad status bad after a failed read', () => {
    expect(badgeClass({ status: 'read_only', state: 'critical', readFailed: true })).toContain('status-badge--bad');
  });
});
