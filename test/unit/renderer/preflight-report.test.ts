// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import { PreflightReport } from '../../../renderer/ui/install-report/PreflightReport';
import { needsConsent } from '../../../renderer/ui/install-report/UncoveringConsent';
import { localDate } from '../../../renderer/format/dates';
import { preflightOf } from './portal-licenses-fixtures';

afterEach(cleanup);

const READY: InstallPreflightView = preflightOf(null);

function failing(preflight: InstallPreflightView): InstallPreflightView {
  return {
    ...preflight,
    action: 'refuse',
    reason: 'install_id_mismatch',
    message: 'The key is for another installation. Nothing was sent.',
    verdict: {
      ...preflight.verdict,
      valid: false,
      reason: 'install_id_mismatch',
      checks: preflight.verdict.checks.map((check, index) => ({
        ...check,
        ok: index < 2 ? true : index === 2 ? false : null,
      })),
    },
  };
}

const report = (preflight: InstallPreflightView) =>
  render(h(PreflightReport, { preflight, name: 'Primary', replaces: null }));

describe('the preflight report', () => {
  it('leads with one verdict line naming what changes, and collapses the checks while all pass', () => {
    report(READY);
    const line = screen.getByRole('heading', { level: 3, name: /^Ready to install on Primary/ });
    expect(line.textContent).toBe(
      `Ready to install on Primary: expiry ${localDate('2027-01-01T00:00:00.000Z')} → ${localDate('2027-11-29T09:00:00.000Z')}, seats 50 → 105, external seats 100 → 400`,
    );
    const checks = screen.getByText('6 of 6 checks passed').closest('details');
    expect(checks?.open).toBe(false);
    // No ISO instant outside the technical details.
    const technical = screen.getByText('Technical details').closest('details');
    const outside = document.body.cloneNode(true) as HTMLElement;
    outside.querySelectorAll('details.technical').forEach((element) => element.remove());
    expect(outside.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(technical?.open).toBe(false);
    expect(technical?.textContent).toContain('Fingerprint');
  });

  it('opens the checks when one fails, and says it cannot install', () => {
    report(failing(READY));
    expect(screen.getByRole('heading', { level: 3, name: /^Can’t install: / })).toBeTruthy();
    const checks = screen.getByText('2 of 6 checks passed').closest('details');
    expect(checks?.open).toBe(true);
  });
});

describe('consent before an install that leaves users less covered', () => {
  it('is asked when the users exceed the seats after, when seats shrink, or when the expiry comes earlier', () => {
    expect(needsConsent(READY)).toBe(false);
    expect(needsConsent({ ...READY, usage: { internalUsers: 200, externalUsers: 0 } })).toBe(true);
    expect(needsConsent({ ...READY, capacityAfter: { internalUsers: 45, externalUsers: 400 } })).toBe(true);
    expect(needsConsent({ ...READY, latestValidAfter: '2026-12-01T00:00:00.000Z' })).toBe(true);
    expect(needsConsent(failing(READY))).toBe(false);
  });
});
