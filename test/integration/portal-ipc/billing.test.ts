import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../sim/portal';
import { portalIpcFixtures } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE, bob: BOB } = SEED.users;
const { acme: ACME } = SEED.organizations;

describe('billing over IPC', () => {
  it("shows the portal's message for each field it refuses, changes nothing, then saves a valid edit", async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    const before = (await app.ok('portal:get-billing-account', { org: ACME.id })).account;
    expect(before).toMatchObject({ country: 'DE', postal_code: '10117' });

    const failure = await app.failure('portal:update-billing-account', {
      org: ACME.id,
      change: { postal_code: '1011', tax_id: 'DE12' },
    });
    expect(failure.code).toBe('invalid_input');
    expect(failure.message).toBe('Some fields are not valid. Correct them and send the request again.');
    expect(failure.fields).toMatchObject({
      postal_code: 'A postal code in Germany has 5 digits, like 10115',
      tax_id: expect.stringMatching(/VAT/),
    });
    expect((await app.ok('portal:get-billing-account', { org: ACME.id })).account).toEqual(before);

    const { account } = await app.ok('portal:update-billing-account', {
      org: ACME.id,
      change: { postal_code: '10115' },
    });
    expect(account).toEqual({ ...before, postal_code: '10115' });
  });

  it('downloads an invoice in main and opens it as a PDF file only this user can read', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(BOB.email);
    const { invoices, payments } = await app.ok('portal:list-invoices', { org: ACME.id });
    expect(payments.length).toBeGreaterThan(0);
    const invoice = invoices.find((candidate) => candidate.status === 'paid');
    if (invoice === undefined) throw new Error('the seed has a paid invoice');

    const { fileName } = await app.ok('portal:open-invoice', { org: ACME.id, id: invoice.id });
    expect(fileName).toBe(`${invoice.number}.pdf`);
    expect(app.openedFiles).toHaveLength(1);
    const [path = ''] = app.openedFiles;
    expect(basename(path)).toBe(fileName);
    const pdf = await readFile(path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain(invoice.number);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(path))).mode & 0o777).toBe(0o700);
  });

  it("lists payment methods, and opens the portal's page for adding one in the browser (Owner)", async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    expect((await app.ok('portal:list-payment-methods', { org: ACME.id })).paymentMethods.length).toBe(2);
    const { setupUrl } = await app.ok('portal:setup-payment-method', { org: ACME.id });
    expect(setupUrl).toMatch(new RegExp(`^${sim.url}/billing/setup/`));
    expect(app.browser.opened.at(-1)).toBe(setupUrl);
  });
  it("opens an open invoice's payment page in the browser, from the portal's own list, and refuses a paid one", async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(BOB.email);
    const { invoices } = await app.ok('portal:list-invoices', { org: ACME.id });
    const open = invoices.find((candidate) => candidate.status === 'open');
    const paid = invoices.find((candidate) => candidate.status === 'paid');
    if (open === undefined || paid === undefined) throw new Error('the seed has an open and a paid invoice');
    expect(open.pay_url).toBe(`${sim.url}/invoices/${open.id}/pay`);
    expect(paid.pay_url).toBeNull();

    await app.ok('portal:pay-invoice', { org: ACME.id, id: open.id });
    expect(app.browser.opened.at(-1)).toBe(open.pay_url);
    const opened = app.browser.opened.length;
    const refused = await app.failure('portal:pay-invoice', { org: ACME.id, id: paid.id });
    expect(refused).toMatchObject({
      code: 'refused',
      message: `Invoice ${paid.number} is paid: there is nothing to pay.`,
    });
    expect(app.browser.opened).toHaveLength(opened);
  });
});
