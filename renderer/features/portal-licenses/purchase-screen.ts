import { create } from 'zustand';
import { isPaid } from './paid-license';
import { EMPTY_PURCHASE_FORM, type PurchaseField, type PurchaseForm } from './purchase-form';
import type { PortalLicense } from './queries';

type PurchaseKind = 'purchase' | 'renewal';

/** The person's say while the key is awaited: keep checking, or stop. "Done" is the license's own (paid), read from its query. */
export type CheckChoice = 'checking' | 'stopped';

/** A license followed until it is paid, read as the account that placed the order, whichever is active later. */
export interface FollowedLicense {
  orgId: string;
  licenseId: string;
  accountId: string;
  /** The license renewed, as it was before the renewal; null for a purchase. */
  renewing: PortalLicense | null;
}

/** A purchase or renewal whose checkout the portal created, waiting for its payment. */
export interface Payment extends FollowedLicense {
  kind: PurchaseKind;
  nickname: string;
  checkoutUrl: string;
  check: CheckChoice;
}

/** The order as typed: the form, and what the person has done to it. */
export interface OrderDraft {
  form: PurchaseForm;
  /** Continue was pressed: the form's own problems show. */
  attempted: boolean;
  /** Fields edited since the order was last sent: the portal's message for each is answered. */
  edited: PurchaseField[];
  /** The person typed a user count: the forecast no longer fills them. */
  countsTyped: boolean;
  /** The person typed a name: choosing an instance no longer names the license after it. */
  nicknameTyped: boolean;
}

/**
 * Where the purchase (or renewal) dialog is. An order has a draft (a purchase) or the license it renews;
 * only a payment has a license and a checkout page, so "waiting for a payment of no order" cannot be written down.
 */
export type PurchaseDialog =
  | { step: 'closed' }
  | { step: 'order'; kind: 'purchase'; orgId: string; draft: OrderDraft }
  | { step: 'order'; kind: 'renewal'; orgId: string; renewing: PortalLicense }
  | ({ step: 'payment'; checkoutOpened: boolean; openProblem: string | null } & Payment);

/** A payment whose dialog closed before it was validated, followed on the organization's Licenses tab since `since` (epoch ms). */
export type TrackedPurchase = Payment & { since: number };

/** The portal's answer to a checkout or renewal: the license to follow and its checkout page. */
interface CheckoutPlaced {
  licenseId: string;
  accountId: string;
  checkoutUrl: string;
  opened: boolean;
  openProblem: string | null;
}

interface PurchaseScreenState {
  dialog: PurchaseDialog;
  /** Bumped on every opening and closing, so an answer for an earlier dialog is never taken for this one's. */
  opening: number;
  tracked: TrackedPurchase[];

  purchaseOpened(orgId: string): void;
  renewalOpened(orgId: string, license: PortalLicense): void;
  /** A field typed; `shown` is the form as the person saw it (the forecast's counts become theirs once they type one). */
  formEdited(change: Partial<PurchaseForm>, shown: PurchaseForm): void;
  /** A saved instance (or TYPED_INSTALL_ID) chosen; the name follows a saved one until the person types their own. */
  instanceChosen(instanceId: string, instanceName: string | null): void;
  /** Continue pressed: the form's problems show, and the portal's next messages stand until edited. */
  orderAttempted(): void;
  /** The portal created the checkout of the dialog at `opening`: its payment is followed (no longer on the Licenses tab). */
  paymentStarted(opening: number, placed: CheckoutPlaced): void;
  /** "Open checkout again" opened it. */
  checkoutPageOpened(): void;
  checkStopped(): void;
  checkResumed(): void;
  /** Closed; `lastRead` tells the followed license as last read: one not paid yet is followed on the Licenses tab from here. */
  purchaseClosed(lastRead: (followed: FollowedLicense) => PortalLicense | undefined): void;
  /** "Refresh" on the Licenses tab: checking again, backing off from the start. */
  trackedCheckRequested(licenseId: string): void;
  trackedDismissed(licenseId: string): void;
}

const EMPTY_DRAFT: OrderDraft = {
  form: EMPTY_PURCHASE_FORM,
  attempted: false,
  edited: [],
  countsTyped: false,
  nicknameTyped: false,
};

const COUNTS: readonly PurchaseField[] = ['internalUsers', 'externalUsers'];

export const usePurchaseScreen = create<PurchaseScreenState>()((set) => {
  /** Changes the purchase's draft, while the dialog is on its order. */
  const editDraft = (change: (draft: OrderDraft) => Partial<OrderDraft>): void =>
    set(({ dialog }) =>
      dialog.step === 'order' && dialog.kind === 'purchase'
        ? { dialog: { ...dialog, draft: { ...dialog.draft, ...change(dialog.draft) } } }
        : {},
    );
  const editPayment = (change: Partial<Payment>): void =>
    set(({ dialog }) => (dialog.step === 'payment' ? { dialog: { ...dialog, ...change } } : {}));
  const editTracked = (licenseId: string, change: Partial<TrackedPurchase>): void =>
    set(({ tracked }) => ({
      tracked: tracked.map((entry) => (entry.licenseId === licenseId ? { ...entry, ...change } : entry)),
    }));

  return {
    dialog: { step: 'closed' },
    opening: 0,
    tracked: [],

    purchaseOpened: (orgId) =>
      set((state) => ({
        opening: state.opening + 1,
        dialog: { step: 'order', kind: 'purchase', orgId, draft: EMPTY_DRAFT },
      })),
    renewalOpened: (orgId, renewing) =>
      set((state) => ({ opening: state.opening + 1, dialog: { step: 'order', kind: 'renewal', orgId, renewing } })),

    formEdited: (change, shown) =>
      editDraft((draft) => {
        const typedCounts = COUNTS.some((field) => field in change);
        // The suggested counts the person saw become theirs once they type either.
        const counts =
          typedCounts && !draft.countsTyped
            ? { internalUsers: shown.internalUsers, externalUsers: shown.externalUsers }
            : {};
        const edited = Object.keys(change) as PurchaseField[];
        return {
          form: { ...draft.form, ...counts, ...change },
          edited: [...new Set([...draft.edited, ...edited])],
          countsTyped: draft.countsTyped || typedCounts,
          nicknameTyped: draft.nicknameTyped || 'nickname' in change,
        };
      }),

    instanceChosen: (instanceId, instanceName) =>
      editDraft((draft) => ({
        form: { ...draft.form, instanceId, nickname: draft.nicknameTyped ? draft.form.nickname : (instanceName ?? '') },
        edited: [...new Set([...draft.edited, 'instanceId' as const])],
        // A new choice brings its own suggestion.
        countsTyped: false,
      })),

    orderAttempted: () => editDraft(() => ({ attempted: true, edited: [] })),

    paymentStarted: (opening, placed) =>
      set((state) => {
        const { dialog } = state;
        if (state.opening !== opening || dialog.step !== 'order') return {};
        const renewing = dialog.kind === 'renewal' ? dialog.renewing : null;
        const nickname = dialog.kind === 'renewal' ? dialog.renewing.nickname : dialog.draft.form.nickname.trim();
        const { licenseId, accountId, checkoutUrl, opened, openProblem } = placed;
        return {
          dialog: {
            step: 'payment',
            kind: dialog.kind,
            orgId: dialog.orgId,
            licenseId,
            accountId,
            renewing,
            nickname,
            checkoutUrl,
            check: 'checking',
            checkoutOpened: opened,
            openProblem,
          },
          // The dialog follows this license again, not the Licenses tab.
          tracked: state.tracked.filter((entry) => entry.licenseId !== licenseId),
        };
      }),

    checkoutPageOpened: () =>
      set(({ dialog }) =>
        dialog.step === 'payment' ? { dialog: { ...dialog, checkoutOpened: true, openProblem: null } } : {},
      ),
    checkStopped: () => editPayment({ check: 'stopped' }),
    checkResumed: () => editPayment({ check: 'checking' }),

    purchaseClosed: (lastRead) =>
      set((state) => {
        const { dialog } = state;
        const closed = { opening: state.opening + 1, dialog: { step: 'closed' } as const };
        if (dialog.step !== 'payment') return closed;
        const license = lastRead(dialog);
        if (isPaid(license, dialog.renewing)) return closed;
        // Closed before the payment was validated: the organization's Licenses tab follows it from here.
        const { kind, orgId, licenseId, accountId, renewing, checkoutUrl, check } = dialog;
        const tracked: TrackedPurchase = {
          kind,
          orgId,
          licenseId,
          accountId,
          renewing,
          checkoutUrl,
          check,
          nickname: license?.nickname ?? dialog.nickname,
          since: Date.now(),
        };
        return { ...closed, tracked: [...state.tracked.filter((entry) => entry.licenseId !== licenseId), tracked] };
      }),

    trackedCheckRequested: (licenseId) => editTracked(licenseId, { check: 'checking', since: Date.now() }),
    trackedDismissed: (licenseId) =>
      set(({ tracked }) => ({ tracked: tracked.filter((entry) => entry.licenseId !== licenseId) })),
  };
});

/** The first state, for tests: each starts from a dialog never opened and nothing followed. */
export const INITIAL_PURCHASE_SCREEN = usePurchaseScreen.getInitialState();
