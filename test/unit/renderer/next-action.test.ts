import { describe, expect, it } from 'vitest';
import { nextAction } from '../../../renderer/features/instance/next-action';
import { ROW } from './portal-licenses-fixtures';
import { failed, NOW, ROWS, withRow } from './next-action-rows';

describe('the instance page’s next action', () => {
  it.each(ROWS)('$name', ({ detail, renewal, severity, headline, action }) => {
    const next = nextAction(detail, renewal ?? null, NOW);
    expect(next.severity).toBe(severity);
    expect(next.headline).toMatch(headline);
    expect(next.action?.label ?? null).toBe(action);
    expect(next.headline).not.toMatch(/_/);
  });

  it('is never "all well" while any signal is amber or red, and lists the others', () => {
    for (const { detail, renewal, severity } of ROWS) {
      const next = nextAction(detail, renewal ?? null, NOW);
      expect(next.headline.startsWith('All well')).toBe(severity === 'ok');
    }
    const both = nextAction(
      withRow(
        { status: 'expiry_soon', statusCached: 'expiry_soon', state: 'warning' },
        {
          previousInstallId: 'old',
          warnings: [
            { kind: 'install_id_changed', message: 'Changed.' },
            { kind: 'clock_skew', message: 'Ahead.' },
          ],
        },
      ),
      null,
      NOW,
    );
    expect(both.headline).toMatch(/Install ID changed/);
    expect(both.also).toEqual(['Expiring soon: the licenses expire', 'The server’s clock is off']);
  });

  it('dates an expiry with authentik’s combined expiry, and a failed read with when it failed', () => {
    expect(nextAction(withRow({ status: 'expiry_soon', state: 'warning' }), null, NOW).at).toEqual({
      iso: ROW.latestValid,
      style: 'days',
    });
    expect(nextAction(withRow(failed('unreachable')), null, NOW).at).toEqual({
      iso: '2026-11-29T10:00:00.000Z',
      style: 'ago',
    });
  });
});
