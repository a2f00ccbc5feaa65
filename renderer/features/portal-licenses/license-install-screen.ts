import { create } from 'zustand';
import type { ChannelOutput } from '../../../shared/ipc/contract';

/** What main answered to the install, without the refreshed row (that goes to the instances list). */
export type LicenseInstallOutcome = Omit<ChannelOutput<'portal:install-license'>, 'instance'>;

/** A portal license and the saved instance with its Install ID. */
export interface LicenseInstallTarget {
  orgId: string;
  licenseId: string;
  licenseName: string;
  instanceId: string;
  instanceName: string;
  /** The signed-in account whose portal holds the license (a pairing from another account, a purchase); absent or null: the active one. */
  accountId?: string | null;
}

/**
 * Where "Install into <instance>" is: at the preflight (main's answer is the query of this opening), or at
 * the outcome. Consent to going over capacity exists only at the preflight.
 */
export type LicenseInstallDialog =
  | { open: false }
  | {
      open: true;
      target: LicenseInstallTarget;
      flow: { step: 'preflight'; acknowledged: boolean } | { step: 'outcome'; outcome: LicenseInstallOutcome };
    };

interface LicenseInstallScreenState {
  dialog: LicenseInstallDialog;
  /** Bumped on every opening and closing: the preflight is read per opening, and a late install outcome goes elsewhere. */
  opening: number;
  licenseInstallOpened(target: LicenseInstallTarget): void;
  overCapacityAcknowledged(acknowledged: boolean): void;
  /** main's install outcome for the dialog of `opening`; false when it closed meanwhile, so the caller tells the dashboard instead. */
  installAnswered(opening: number, outcome: LicenseInstallOutcome): boolean;
  /** Whether the dialog of `opening` is still open on its preflight (an install's failure is shown there). */
  stillShown(opening: number): boolean;
  licenseInstallClosed(): void;
}

export const useLicenseInstallScreen = create<LicenseInstallScreenState>()((set, get) => ({
  dialog: { open: false },
  opening: 0,
  licenseInstallOpened: (target) =>
    set((state) => ({
      opening: state.opening + 1,
      dialog: { open: true, target, flow: { step: 'preflight', acknowledged: false } },
    })),
  overCapacityAcknowledged: (acknowledged) =>
    set(({ dialog }) =>
      dialog.open && dialog.flow.step === 'preflight'
        ? { dialog: { ...dialog, flow: { step: 'preflight', acknowledged } } }
        : {},
    ),
  stillShown(opening) {
    const { dialog } = get();
    return get().opening === opening && dialog.open && dialog.flow.step === 'preflight';
  },
  installAnswered(opening, outcome) {
    const { dialog } = get();
    if (!get().stillShown(opening) || !dialog.open) return false;
    set({ dialog: { ...dialog, flow: { step: 'outcome', outcome } } });
    return true;
  },
  licenseInstallClosed: () =>
    set((state) => (state.dialog.open ? { opening: state.opening + 1, dialog: { open: false } } : {})),
}));

/** The first state, for tests: each starts from a dialog never opened. */
export const INITIAL_LICENSE_INSTALL_SCREEN = useLicenseInstallScreen.getInitialState();
