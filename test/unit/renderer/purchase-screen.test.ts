import { afterEach, describe, expect, it } from 'vitest';
import {
  TRACK_FIRST_DELAY_MS,
  TRACK_MAX_DELAY_MS,
  trackedDelay,
} from '../../../renderer/features/portal-licenses/payment';
import { EMPTY_PURCHASE_FORM, shownForm } from '../../../renderer/features/portal-licenses/purchase-form';
import { INITIAL_PURCHASE_SCREEN, usePurchaseScreen } from '../../../renderer/features/portal-licenses/purchase-screen';
import { ACCOUNT, CHECKOUT_URL, INSTANCE, LICENSE, licenseOf, ORG, PLAN } from './portal-licenses-fixtures';

afterEach(() => usePurchaseScreen.setState(INITIAL_PURCHASE_SCREEN, true));

const screen = () => usePurchaseScreen.getState();
const PLACED = { licenseId: LICENSE, accountId: ACCOUNT, checkoutUrl: CHECKOUT_URL, opened: true, openProblem: null };
const UNPAID = licenseOf({ status: 'pending_payment', key_fingerprint: null, expires_at: null });

describe('the purchase dialog’s screen state', () => {
  it('takes the checkout answer of its own opening only', () => {
    screen().purchaseOpened(ORG);
    const stale = screen().opening;
    screen().purchaseClosed(() => undefined);
    screen().purchaseOpened(ORG);
    screen().paymentStarted(stale, PLACED);
    expect(screen().dialog.step).toBe('order');
    screen().paymentStarted(screen().opening, PLACED);
    expect(screen().dialog).toMatchObject({
      step: 'payment',
      kind: 'purchase',
      licenseId: LICENSE,
      accountId: ACCOUNT,
      check: 'checking',
    });
  });

  it('makes the suggested counts the person’s own once they type one, and names the license after the instance until they name it', () => {
    screen().purchaseOpened(ORG);
    screen().instanceChosen(INSTANCE, 'Primary');
    const suggestion = {
      internalNow: 40,
      internalGrowth: 55,
      internal: 95,
      externalNow: 300,
      externalGrowth: 250,
      external: 550,
    };
    const draft = () => (screen().dialog as Extract<ReturnType<typeof screen>['dialog'], { kind: 'purchase' }>).draft;
    const shown = () => shownForm(draft().form, draft().countsTyped, suggestion, PLAN);
    expect(shown()).toMatchObject({ nickname: 'Primary', planId: PLAN, internalUsers: '95', externalUsers: '550' });
    screen().formEdited({ internalUsers: '60' }, shown());
    // Another forecast no longer fills them.
    expect(
      shownForm(draft().form, draft().countsTyped, { ...suggestion, internal: 99, external: 99 }, PLAN),
    ).toMatchObject({ internalUsers: '60', externalUsers: '550' });
    screen().formEdited({ nickname: 'Mine' }, shown());
    screen().instanceChosen('typed', null);
    expect(draft().form).toMatchObject({ nickname: 'Mine', instanceId: 'typed' });
    expect(shownForm(EMPTY_PURCHASE_FORM, false, null, null).planId).toBe('');
  });

  it('hands a payment not yet paid to the Licenses tab when it closes, and keeps nothing of a paid one', () => {
    screen().purchaseOpened(ORG);
    screen().formEdited({ nickname: ' Lab ' }, EMPTY_PURCHASE_FORM);
    screen().paymentStarted(screen().opening, PLACED);
    screen().checkStopped();
    screen().purchaseClosed(() => UNPAID);
    expect(screen().dialog).toEqual({ step: 'closed' });
    expect(screen().tracked).toEqual([
      expect.objectContaining({
        orgId: ORG,
        licenseId: LICENSE,
        accountId: ACCOUNT,
        kind: 'purchase',
        nickname: UNPAID.nickname,
        check: 'stopped',
        checkoutUrl: CHECKOUT_URL,
      }),
    ]);

    screen().renewalOpened(ORG, licenseOf());
    screen().paymentStarted(screen().opening, PLACED);
    // The dialog follows the renewal of the same license: the tab no longer does.
    expect(screen().tracked).toEqual([]);
    screen().purchaseClosed(() => licenseOf({ expires_at: '2028-11-29T09:00:00.000Z' }));
    expect(screen().tracked).toEqual([]);
  });
});

describe('the wait between reads of a followed purchase', () => {
  it('doubles from 3 seconds after each read, up to a minute', () => {
    const since = 1_000_000;
    let at = since;
    const waits: number[] = [];
    for (let read = 0; read < 8; read += 1) {
      const wait = trackedDelay(since, at);
      waits.push(wait);
      at += wait;
    }
    expect(waits).toEqual([
      TRACK_FIRST_DELAY_MS,
      6000,
      12_000,
      24_000,
      48_000,
      TRACK_MAX_DELAY_MS,
      TRACK_MAX_DELAY_MS,
      TRACK_MAX_DELAY_MS,
    ]);
  });
});
