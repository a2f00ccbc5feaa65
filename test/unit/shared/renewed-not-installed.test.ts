import { describe, expect, it } from 'vitest';
import {
  isRenewedNotInstalled,
  notInstalledOrigin,
  notInstalledWords,
  type InstalledKeyFacts,
  type PortalLicenseFacts,
} from '../../../shared/links/renewed-not-installed';
import { DAY_MS } from '../../../shared/time/durations';

const INSTALL_ID = '3f1c2a9e-5b7d-4e2f-9a61-0c8d7e6b5a43';
const NOW = Date.UTC(2026, 10, 29);
const OLD_KEY: InstalledKeyFacts = { fingerprint: `sha256:${'a'.repeat(64)}`, expiresAt: NOW + 10 * DAY_MS };
const RENEWAL: PortalLicenseFacts = {
  installId: INSTALL_ID,
  status: 'active',
  keyFingerprint: `sha256:${'b'.repeat(64)}`,
  expiresAt: NOW + 375 * DAY_MS,
};

const instance = (installed: InstalledKeyFacts[], installId: string | null = INSTALL_ID) => ({ installId, installed });

describe('isRenewedNotInstalled', () => {
  it('is true for an active renewal whose key is not installed and runs longer than every installed key', () => {
    expect(isRenewedNotInstalled(RENEWAL, instance([OLD_KEY]))).toBe(true);
  });

  it('compares Install IDs ignoring case', () => {
    expect(isRenewedNotInstalled({ ...RENEWAL, installId: INSTALL_ID.toUpperCase() }, instance([OLD_KEY]))).toBe(true);
  });

  it('is true for a paid license on an instance with nothing installed', () => {
    expect(isRenewedNotInstalled(RENEWAL, instance([]))).toBe(true);
  });

  it('is false once the renewed key is installed', () => {
    const installed = { fingerprint: RENEWAL.keyFingerprint ?? '', expiresAt: RENEWAL.expiresAt ?? 0 };
    expect(isRenewedNotInstalled(RENEWAL, instance([OLD_KEY, installed]))).toBe(false);
  });

  it("is false for another Install ID, or when the instance's Install ID is unknown", () => {
    expect(isRenewedNotInstalled(RENEWAL, instance([OLD_KEY], '9d0e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f01'))).toBe(false);
    expect(isRenewedNotInstalled(RENEWAL, instance([OLD_KEY], null))).toBe(false);
  });

  it('is false while payment is pending, and for an expired portal license', () => {
    expect(
      isRenewedNotInstalled(
        { ...RENEWAL, status: 'pending_payment', keyFingerprint: null, expiresAt: null },
        instance([OLD_KEY]),
      ),
    ).toBe(false);
    expect(isRenewedNotInstalled({ ...RENEWAL, status: 'expired' }, instance([OLD_KEY]))).toBe(false);
  });

  it('is false for an older key: one that does not run later than every installed key', () => {
    const longer = { fingerprint: `sha256:${'c'.repeat(64)}`, expiresAt: RENEWAL.expiresAt ?? 0 };
    expect(isRenewedNotInstalled(RENEWAL, instance([OLD_KEY, longer]))).toBe(false);
    expect(isRenewedNotInstalled(RENEWAL, instance([{ ...longer, expiresAt: longer.expiresAt + 1 }]))).toBe(false);
  });
});

describe('notInstalledOrigin', () => {
  it.each([
    { case: 'a new purchase (no earlier key)', previous: null, origin: 'paid', words: 'Paid, not installed' },
    {
      case: 'a renewal (it held a key before)',
      previous: `sha256:${'a'.repeat(64)}`,
      origin: 'renewed',
      words: 'Renewed, not installed',
    },
  ] as const)('$case is tagged “$words”', ({ previous, origin, words }) => {
    expect(notInstalledOrigin({ previousKeyFingerprint: previous })).toBe(origin);
    expect(notInstalledWords(notInstalledOrigin({ previousKeyFingerprint: previous }))).toBe(words);
  });
});
