// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerdictView } from '../../../shared/license/verdict-view';
import { CHECK_NAMES } from '../../../shared/license/verdict';
import { useVerifyScreen } from '../../../renderer/features/verify/verify-screen';
import { VerifyScreen } from '../../../renderer/features/verify/VerifyScreen';
import { clipboardEventsWired } from '../../../renderer/ipc/events';
import { deferred, FINGERPRINT, INSTALL_ID, ok } from './portal-licenses-fixtures';
import { eventfulMain, queryScreen } from './query-screen';
import { toastTitles } from './toast-titles';
import type { Answers } from './portal-licenses-fixtures';

const KEY = 'header.payload.signature';

const MALFORMED: VerdictView = {
  valid: false,
  reason: 'malformed',
  message: ['This is not a well-formed authentik license key.'],
  checks: CHECK_NAMES.map((name, index) => ({ name, ok: index === 0 ? false : null, detail: [] })),
  claims: null,
  claimsVerified: false,
  fingerprint: FINGERPRINT,
  certificates: [],
  ladder: null,
  evaluatedAt: '2026-12-01T09:00:00.000Z',
};
const MISMATCH: VerdictView = {
  ...MALFORMED,
  reason: 'install_id_mismatch',
  message: ['The key is for another installation.'],
};

afterEach(() => useVerifyScreen.setState(useVerifyScreen.getInitialState(), true));

function verifyScreen(answers: Answers = {}) {
  const main = eventfulMain({ 'license:verify-key': () => ok(MISMATCH), ...answers });
  clipboardEventsWired(main.client);
  queryScreen(h(VerifyScreen), main);
  return main;
}

const type = (label: string, value: string): void =>
  void fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
const press = (name: string): void => void fireEvent.click(screen.getByRole('button', { name }));
const status = (): string => screen.getByRole('status').textContent ?? '';

describe('the Verify screen', () => {
  it('sends the key with the Install ID trimmed, shows the verdict and masks the key', async () => {
    const main = verifyScreen();
    type('License key', KEY);
    type('Install ID (optional)', `  ${INSTALL_ID} `);
    press('Verify');
    expect(await screen.findByRole('heading', { name: 'Key for another installation' })).toBeTruthy();
    expect(main.sent).toEqual([{ channel: 'license:verify-key', input: { key: KEY, installId: INSTALL_ID } }]);
    expect(screen.getByRole('textbox', { name: 'License key (hidden)' }).textContent).toContain(
      `hidden, ${KEY.length} characters`,
    );
  });

  it('says “Verifying…” while main answers, and sends no Install ID when none is typed', async () => {
    const slow = deferred<ReturnType<typeof ok<VerdictView>>>();
    const main = verifyScreen({ 'license:verify-key': () => slow.promise });
    type('License key', KEY);
    press('Verify');
    await screen.findByRole('button', { name: 'Verifying…' });
    expect(screen.getByRole('button', { name: 'Verifying…' }).hasAttribute('disabled')).toBe(true);
    slow.resolve(ok(MALFORMED));
    expect(await screen.findByRole('heading', { name: 'Not a license key' })).toBeTruthy();
    expect(main.sent[0]?.input).toEqual({ key: KEY, installId: null });
  });

  it('waits for an Install ID that is a UUID, and sends nothing before', () => {
    const main = verifyScreen();
    type('License key', KEY);
    type('Install ID (optional)', 'my-authentik');
    expect(screen.getByText(/^An Install ID is a UUID/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verify' }).hasAttribute('disabled')).toBe(true);
    fireEvent.submit(screen.getByRole('button', { name: 'Verify' }).closest('form') as HTMLFormElement);
    expect(main.sent).toEqual([]);
  });

  it('shows main’s words when it cannot verify, until the key is edited', async () => {
    verifyScreen({
      'license:verify-key': () => ({
        ok: false as const,
        error: { code: 'invalid_input' as const, message: 'The key is too long.' },
      }),
    });
    type('License key', KEY);
    press('Verify');
    expect((await screen.findByRole('alert')).textContent).toBe('The key is too long.');
    type('License key', `${KEY}x`);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('ignores a verdict for a key edited while it was on its way', async () => {
    const slow = deferred<ReturnType<typeof ok<VerdictView>>>();
    verifyScreen({ 'license:verify-key': () => slow.promise });
    type('License key', KEY);
    press('Verify');
    await screen.findByRole('button', { name: 'Verifying…' });
    type('License key', 'another.key.entirely');
    slow.resolve(ok(MISMATCH));
    await screen.findByRole('button', { name: 'Verify' });
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    expect((screen.getByLabelText('License key', { exact: true }) as HTMLTextAreaElement).value).toBe(
      'another.key.entirely',
    );
  });

  it('copies through main by fingerprint, and says when main cleared this screen’s copy of the key', async () => {
    const clearsAt = '2026-12-01T09:01:00.000Z';
    const main = verifyScreen({
      'license:copy-fingerprint': () => ok({}),
      'license:copy-key': () => ok({ clearsAt }),
    });
    type('License key', KEY);
    press('Verify');
    await screen.findByRole('heading', { name: 'Key for another installation' });
    press('Copy fingerprint');
    await waitFor(() => expect(toastTitles()).toEqual(['Fingerprint copied.']));
    press('Copy key');
    await waitFor(() => expect(status()).toContain('Key copied. The clipboard will be cleared at'));
    expect(main.sent.slice(1)).toEqual([
      { channel: 'license:copy-fingerprint', input: { fingerprint: FINGERPRINT } },
      { channel: 'license:copy-key', input: { fingerprint: FINGERPRINT } },
    ]);
    // Another screen's copy, cleared: not this screen's to announce.
    act(() => main.emit('clipboard:did-clear', { reason: 'timeout', clearsAt: '2026-12-01T09:00:30.000Z' }));
    expect(status()).toContain('Key copied.');
    act(() => main.emit('clipboard:did-clear', { reason: 'timeout', clearsAt }));
    expect(status()).toBe('The copied key was cleared from the clipboard.');
  });

  it('says main’s words when a copy fails, and opens the portal for the Install ID typed', async () => {
    const main = verifyScreen({
      'license:copy-fingerprint': () => ({
        ok: false as const,
        error: { code: 'internal_error' as const, message: 'The clipboard is busy.' },
      }),
      'portal:open-purchase': () => ok({ url: 'https://customers.example.com' }),
    });
    type('License key', KEY);
    type('Install ID (optional)', INSTALL_ID);
    press('Verify');
    await screen.findByRole('heading', { name: 'Key for another installation' });
    press('Copy fingerprint');
    await waitFor(() => expect(status()).toBe('The clipboard is busy.'));
    press('Renew or buy in the customer portal');
    await waitFor(() => expect(toastTitles()).toEqual(['The customer portal opened in your browser.']));
    expect(main.sent.at(-1)).toEqual({ channel: 'portal:open-purchase', input: { installId: INSTALL_ID } });
  });
});
