// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LicenseInstanceNotes } from '../../../renderer/features/portal-licenses/LicenseInstanceNotes';
import { pendingOrigins } from '../../../renderer/features/portal-licenses/pending-target';
import { FINGERPRINT, licenseOf } from './portal-licenses-fixtures';

afterEach(cleanup);

// A key paid but not installed is tagged by how it came: a new purchase, or a renewal of an earlier key.
describe('the not-installed tag on a license', () => {
  it.each([
    { case: 'a new purchase', previous: null, words: 'Paid, not installed on Primary' },
    { case: 'a renewal', previous: `sha256:${'cd'.repeat(32)}`, words: 'Renewed, not installed on Primary' },
  ])('says “$words” for $case', ({ previous, words }) => {
    render(h(LicenseInstanceNotes, { license: licenseOf({ previous_key_fingerprint: previous }) }));
    expect(screen.getByText(words)).toBeTruthy();
  });

  it('says nothing once the key is installed', () => {
    const installed = licenseOf({
      previous_key_fingerprint: FINGERPRINT,
      instances: [
        {
          instanceId: licenseOf().instances[0]?.instanceId ?? '',
          instanceName: 'Primary',
          renewedNotInstalled: false,
          lastReadProblem: null,
        },
      ],
    });
    const { container } = render(h(LicenseInstanceNotes, { license: installed }));
    expect(container.textContent).toBe('');
  });
});

describe('the dashboard’s and instance page’s words for keys not installed', () => {
  const bought = { license: licenseOf({ previous_key_fingerprint: null }) };
  const renewed = { license: licenseOf({ previous_key_fingerprint: FINGERPRINT }) };
  it.each([
    { entries: [bought], words: 'paid' },
    { entries: [renewed, renewed], words: 'renewed' },
    { entries: [bought, renewed], words: 'paid or renewed' },
  ])('says “$words”', ({ entries, words }) => {
    expect(pendingOrigins(entries)).toBe(words);
  });
});
