import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { keyFor, newInstallId, openInstance, rowNamed, savedInstances, TOKEN } from './instance-helpers';

// Each test starts its own bridge, browser and an HTTPS simulator, then walks a whole flow: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

const installId = (): string => newInstallId('9a0b1c2d-4e5f');
const SIM_CA_SUBJECT = 'CN=authentik simulator test CA';

/** Opens the Add dialog filled in for `url`, the CA field opened but empty. */
async function addDialogFor(app: Page, name: string, url: string) {
  await app.getByRole('button', { name: 'Add instance' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add an authentik instance' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('URL').fill(url);
  await dialog.getByLabel('API token').fill(TOKEN);
  await dialog.getByText('Extra CA certificate (optional)').click();
  await expect(dialog.getByLabel('CA certificate in PEM form')).toBeVisible();
  return dialog;
}

test('a pasted CA shows its subject and fingerprint, and an HTTPS instance it issued for connects with it', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  const { url, caPem } = await bridge.startSim({ installId: id, keys: [keyFor(keys, id, 200)], tls: true });
  expect(url).toMatch(/^https:/);
  const ca = new X509Certificate(caPem ?? '');

  const dialog = await addDialogFor(app, 'Private PKI', url);
  // Pasted as people copy it: with text around the PEM block.
  await dialog.getByLabel('CA certificate in PEM form').fill(`Our internal CA:\n${caPem}\n-- IT`);
  const summary = dialog.locator('.ca-summary li');
  await expect(summary).toHaveCount(1);
  await expect(summary).toContainText(SIM_CA_SUBJECT);
  await expect(summary).toContainText(`SHA-256 ${ca.fingerprint256}`);
  await expect(summary).toContainText('valid until');
  await screenshot(app, 'instance-ca-pasted');

  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(rowNamed(app, 'Private PKI')).toContainText('Valid', { timeout: 15_000 });
  await expect(app.getByRole('dialog')).toHaveCount(0);
  const saved = savedInstances(bridge) as { name: string; caPem?: string | null }[];
  expect(saved.find((instance) => instance.name === 'Private PKI')?.caPem).toContain(caPem?.trim().split('\n')[1]);
  await screenshot(app, 'instance-ca-connected');

  // The saved CA is shown again, read from what was saved, when the instance is edited.
  await openInstance(app, 'Private PKI');
  await app.getByRole('button', { name: 'Edit…' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit Private PKI' });
  await expect(edit.locator('.ca-summary li')).toContainText(ca.fingerprint256);
});

test('an HTTPS instance with a private CA is refused without it, and connects once its PEM file is chosen', async ({
  app,
  bridge,
  keys,
}) => {
  const id = installId();
  const { url, caPem } = await bridge.startSim({ installId: id, keys: [keyFor(keys, id, 200)], tls: true });
  const ca = new X509Certificate(caPem ?? '');
  const folder = mkdtempSync(join(tmpdir(), 'aklm-e2e-ca-'));
  const caFile = join(folder, 'corp-root.pem');
  writeFileSync(caFile, caPem ?? '');

  try {
    const dialog = await addDialogFor(app, 'Corp', url);
    await dialog.getByRole('button', { name: 'Test and save' }).click();
    const refusal = dialog.getByRole('alert');
    await expect(refusal).toContainText('does not trust (unknown issuer)', { timeout: 15_000 });
    await expect(refusal).toContainText('Extra CA certificate');
    expect(savedInstances(bridge)).toEqual([]);
    await screenshot(app, 'instance-ca-untrusted');

    const chooser = app.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose CA file…' }).click();
    await (await chooser).setFiles(caFile);
    await expect(dialog.getByText('Loaded from corp-root.pem')).toBeVisible();
    await expect(dialog.getByLabel('CA certificate in PEM form')).toHaveValue(caPem?.trim() ?? '');
    await expect(dialog.locator('.ca-summary li')).toContainText(SIM_CA_SUBJECT);
    await expect(dialog.locator('.ca-summary li')).toContainText(ca.fingerprint256);
    await screenshot(app, 'instance-ca-file-chosen');

    await dialog.getByRole('button', { name: 'Test and save' }).click();
    await expect(rowNamed(app, 'Corp')).toContainText('Valid', { timeout: 15_000 });
    expect(savedInstances(bridge).map((instance) => instance.name)).toEqual(['Corp']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a file without a certificate is named in the problem and nothing is loaded', async ({ app, bridge }) => {
  const folder = mkdtempSync(join(tmpdir(), 'aklm-e2e-ca-'));
  const notes = join(folder, 'notes.pem');
  writeFileSync(notes, 'ask IT for the root certificate');
  try {
    const dialog = await addDialogFor(app, 'Nowhere', 'https://auth.example.com');
    const chooser = app.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose CA file…' }).click();
    await (await chooser).setFiles(notes);
    await expect(dialog).toContainText(
      'notes.pem holds no certificate: choose a PEM (-----BEGIN CERTIFICATE-----) or DER certificate file.',
    );
    await expect(dialog.getByLabel('CA certificate in PEM form')).toHaveValue('');
    await screenshot(app, 'instance-ca-not-a-certificate');
    expect(savedInstances(bridge)).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
