import { expect, INSTALL_ID, screenshot, test } from './fixtures';

const OTHER_INSTALL_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';

test.beforeEach(async ({ app }) => {
  await app.getByRole('link', { name: 'Verify a key' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Verify a license key' })).toBeFocused();
});

test('a valid key with its Install ID shows six passing checks, the claims, the chain and the timeline', async ({
  app,
  keys,
}) => {
  await app.getByLabel('License key', { exact: true }).fill(keys.valid);
  await app.getByLabel('Install ID (optional)').fill(INSTALL_ID);
  await app.getByRole('button', { name: 'Verify', exact: true }).click();

  await expect(app.getByRole('heading', { name: 'Valid license key' })).toBeVisible();
  const checks = app
    .getByRole('list')
    .filter({ has: app.locator('[data-check]') })
    .getByRole('listitem');
  await expect(checks).toHaveCount(6);
  for (const state of await checks.locator('.check__state').allTextContents()) expect(state).toBe('Passed');
  await expect(app.locator('[data-check="install_id"]')).toContainText('Is it for this installation?');
  // The expiry in the reader's zone, in the check and in the verdict's line; its ISO 8601 form only in `datetime`.
  const until = app.locator('[data-check="expiry"] time');
  const expiresAt = (await until.getAttribute('datetime')) ?? '';
  expect(expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  const local = await app.evaluate(
    (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    expiresAt,
  );
  await expect(app.locator('[data-check="expiry"] .check__detail')).toHaveText(`valid until ${local}`);
  await expect(app.locator('.verdict__message')).toHaveText(
    `The license "Acme Corp" is genuine and valid until ${local} for Install ID ${INSTALL_ID}.`,
  );

  const claims = app.getByRole('region', { name: 'What the key says' });
  await expect(claims).toContainText('Acme Corp');
  await expect(claims).toContainText(INSTALL_ID);
  await expect(claims).toContainText('100');
  await expect(claims).toContainText('1,000');
  await expect(claims.locator('.badge')).toHaveText(['trial']);
  await expect(claims).toContainText(/in 36[45] days/);
  await expect(claims).toContainText('UTC');

  await expect(app.getByRole('region', { name: 'Certificate chain' })).toContainText(
    'Trusted root: Authentik Security Inc. Enterprise Licensing Root X1',
  );
  const timeline = app.getByRole('region', { name: 'If this key is not renewed' });
  await expect(timeline.getByRole('img', { name: /: 1 license, 100 internal seats licensed today/ })).toBeVisible();
  await timeline.getByText('Show as text').click();
  const steps = timeline.getByRole('list', { name: 'Steps if this key is not renewed' }).getByRole('listitem');
  await expect(steps).toHaveCount(5);
  await expect(steps.last()).toContainText('The instance becomes read-only');

  await expect(app.getByRole('textbox', { name: 'License key (hidden)' })).toContainText(
    `hidden, ${keys.valid.length.toLocaleString('en-US')} characters`,
  );
  await expect(app.locator('body')).not.toContainText(keys.valid.slice(0, 60));
  await screenshot(app, 'verify-valid');

  await app.getByRole('button', { name: 'Show key' }).click();
  await expect(app.getByLabel('License key', { exact: true })).toHaveValue(keys.valid);
});

test('a key for another installation fails the Install ID check in words a person understands', async ({
  app,
  keys,
  bridge,
}) => {
  await app.getByLabel('License key', { exact: true }).fill(keys.valid);
  await app.getByLabel('Install ID (optional)').fill(OTHER_INSTALL_ID);
  await app.getByRole('button', { name: 'Verify', exact: true }).click();

  await expect(app.getByRole('heading', { name: 'Key for another installation' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Key for another installation' })).toContainText(
    `The key is for Install ID ${INSTALL_ID}, not for the installation with Install ID ${OTHER_INSTALL_ID}.`,
  );
  const installCheck = app.locator('[data-check="install_id"]');
  await expect(installCheck).toHaveAttribute('data-state', 'failed');
  await expect(installCheck).toContainText('Failed');
  await expect(installCheck).toContainText('Is it for this installation?');
  await expect(app.locator('[data-check="expiry"]')).toContainText('Not checked');
  for (const name of ['format', 'algorithm', 'chain', 'signature'])
    await expect(app.locator(`[data-check="${name}"]`)).toContainText('Passed');
  await screenshot(app, 'verify-install-id-mismatch');

  await app.getByRole('button', { name: 'Renew or buy in the customer portal' }).click();
  await expect(app.getByRole('region', { name: 'Notifications' })).toContainText('customer portal opened');
  expect((await bridge.state()).openedUrls).toEqual([
    `https://customers.goauthentik.io/from_authentik/purchase/?install_id=${OTHER_INSTALL_ID}`,
  ]);
});

test('a dropped key file is read and verified', async ({ app, keys }) => {
  await app.getByLabel('Install ID (optional)').fill(INSTALL_ID);
  const dataTransfer = await app.evaluateHandle((key) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([`${key}\n`], 'acme-license.jwt', { type: 'application/octet-stream' }));
    return transfer;
  }, keys.valid);
  await app.getByTestId('key-drop-zone').dispatchEvent('drop', { dataTransfer });

  await expect(app.getByRole('heading', { name: 'Valid license key' })).toBeVisible();
  await expect(app.getByRole('textbox', { name: 'License key (hidden)' })).toContainText('from acme-license.jwt');
  await expect(app.locator('[data-state="passed"]')).toHaveCount(6);
  await screenshot(app, 'verify-dropped-file');
});

test('a dropped file that is not a key file is refused with a reason', async ({ app }) => {
  const dataTransfer = await app.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.7'], 'invoice.pdf', { type: 'application/pdf' }));
    return transfer;
  });
  await app.getByTestId('key-drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(app.getByRole('alert')).toHaveText(
    'invoice.pdf is not a key file: drop a .jwt, .txt, .lic file holding one license key.',
  );
  await expect(app.getByRole('heading', { level: 2 })).toHaveCount(0);
});

test('a key file chosen with the file picker is verified', async ({ app, keys }) => {
  await app
    .locator('input[type="file"]')
    .setInputFiles({ name: 'key.lic', mimeType: 'text/plain', buffer: Buffer.from(keys.valid) });
  await expect(app.getByRole('heading', { name: 'Valid license key' })).toBeVisible();
  await expect(app.locator('[data-check="install_id"]')).toContainText('Skipped');
});

test('a malformed paste shows the format failure and nothing after it', async ({ app }) => {
  await app.getByLabel('License key', { exact: true }).fill('this is not a license key');
  await app.getByRole('button', { name: 'Verify', exact: true }).click();

  await expect(app.getByRole('heading', { name: 'Not a license key' })).toBeVisible();
  await expect(app.locator('.verdict__message')).toHaveText(
    'This is not a well-formed authentik license key: a key has 3 dot-separated parts; this input has 1.',
  );
  await expect(app.locator('[data-check="format"]')).toHaveAttribute('data-state', 'failed');
  await expect(app.locator('[data-state="not-checked"]')).toHaveCount(5);
  await expect(app.getByRole('region', { name: 'What the key says' })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Copy key' })).toHaveCount(0);
  await screenshot(app, 'verify-malformed');
});

test('an Install ID that is not a UUID is explained and verification waits for a valid one', async ({ app, keys }) => {
  await app.getByLabel('License key', { exact: true }).fill(keys.valid);
  await app.getByLabel('Install ID (optional)').fill('my-authentik');
  await expect(app.getByText('An Install ID is a UUID')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Verify', exact: true })).toBeDisabled();
  await app.getByLabel('Install ID (optional)').fill(INSTALL_ID.toUpperCase());
  await expect(app.getByRole('button', { name: 'Verify', exact: true })).toBeEnabled();
});

test('copying goes through main: the fingerprint, and the key, which leaves the clipboard after a minute', async ({
  app,
  keys,
  bridge,
}) => {
  await app.getByLabel('License key', { exact: true }).fill(keys.valid);
  await app.getByRole('button', { name: 'Verify', exact: true }).click();
  const fingerprint = (await app.locator('.fingerprint code').textContent()) ?? '';
  expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);

  await app.getByRole('button', { name: 'Copy fingerprint' }).click();
  await expect(app.getByRole('region', { name: 'Notifications' })).toContainText('Fingerprint copied.');
  expect((await bridge.state()).clipboard).toBe(fingerprint);

  await app.getByRole('button', { name: 'Copy key' }).click();
  await expect(app.getByRole('main').getByRole('status')).toContainText('Key copied. The clipboard will be cleared at');
  expect((await bridge.state()).clipboard).toBe(keys.valid);

  await bridge.advanceClock(59_000);
  expect((await bridge.state()).clipboard).toBe(keys.valid);
  await bridge.advanceClock(1_000);
  await expect(app.getByRole('main').getByRole('status')).toHaveText('The copied key was cleared from the clipboard.');
  expect((await bridge.state()).clipboard).toBe('');
});

test('the screen works from the keyboard alone', async ({ app, keys }) => {
  // Switching screens puts focus on the screen's heading; the key field is next.
  await app.keyboard.press('Tab');
  await expect(app.getByLabel('License key', { exact: true })).toBeFocused();
  await app.keyboard.insertText(keys.valid);
  await app.keyboard.press('Tab');
  await expect(app.getByRole('button', { name: 'Choose file…' })).toBeFocused();
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await expect(app.getByLabel('Install ID (optional)')).toBeFocused();
  await app.keyboard.insertText(INSTALL_ID);
  await app.keyboard.press('Control+Enter');
  await expect(app.getByRole('heading', { name: 'Valid license key' })).toBeVisible();
  await app.getByRole('button', { name: 'Show key' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('button', { name: 'Hide key' })).toBeVisible();
});
