import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { InvitationPreview } from '../../shared/portal/schemas/invitations';
import { selectActiveAccountId, type PortalAccount, type PortalAccountsStore } from './portal-accounts';
import type { PortalOrganizationStore } from './portal-organization';
import type { PortalOrganizationsStore } from './portal-organizations';
import { portalProblemOf, refusalWords, type PortalProblem } from './portal-problem';
import { roleName } from './portal-roles';

const MAX_LINK_LENGTH = 2048;

export interface PortalInvitationState {
  /** The pasted invitation link (or the deep link's). */
  link: string;
  /** Field problems show once "Show the invitation" was pressed. */
  linkAttempted: boolean;
  previewing: boolean;
  /**
   * Who invites whom to which organization with which role, and the account that would join: the
   * signed-in account the invitation was sent to when there is one, else the one that read it (reading
   * switches no account); nothing is accepted until the person confirms.
   */
  preview: { link: string; account: PortalAccount; invitation: InvitationPreview } | null;
  previewProblem: PortalProblem | null;
  accepting: boolean;
  acceptProblem: string | null;
  /** The outcome of Decline, in words. */
  notice: string | null;

  invitationLinkEdited(link: string): void;
  /** Reads the invitation behind the link (the typed one, or a deep link's); accepts nothing. */
  invitationPreviewRequested(link?: string): Promise<void>;
  /** Accepts the previewed invitation; the organization's id when joined (the page then opens it), else null. */
  invitationAcceptRequested(): Promise<string | null>;
  invitationDeclined(): void;
}

export type PortalInvitationStore = StoreApi<PortalInvitationState>;

const EMPTY = {
  link: '',
  linkAttempted: false,
  previewing: false,
  preview: null,
  previewProblem: null,
  accepting: false,
  acceptProblem: null,
  notice: null,
} satisfies Partial<PortalInvitationState>;

/** Why the link cannot be read, before anything is sent. */
export function linkProblem(link: string): string | null {
  const value = link.trim();
  if (value === '') return 'Paste the invitation link from the e-mail: it starts with https:// and ends with token=…';
  if (value.length > MAX_LINK_LENGTH) return `An invitation link has at most ${MAX_LINK_LENGTH} characters; paste only the link from the e-mail.`;
  return null;
}

export const selectLinkProblem = (state: PortalInvitationState): string | null => (state.linkAttempted ? linkProblem(state.link) : null);

/** The portal an invitation link is from (its origin), or null for the app's deep link or a bare token. */
export function linkPortalUrl(link: string): string | null {
  try {
    const url = new URL(link.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Where to sign in so the invitation can be read: the link's own portal, when main asked for a sign-in to read it. */
export const selectSignInPortal = (state: PortalInvitationState): string | null => (state.previewProblem?.code === 'not_signed_in' ? linkPortalUrl(state.link) : null);

/**
 * How the previewed invitation meets the signed-in accounts: sent to the active account (Accept); sent to
 * another signed-in account (switch to it first); or sent to an address no account here uses (sign in
 * with it, or accept as the account shown, as the portal allows any holder of the link).
 */
export type InvitationMatch = 'invitee-active' | 'invitee-not-active' | 'no-invitee';

export function invitationMatch(preview: Pick<NonNullable<PortalInvitationState['preview']>, 'account' | 'invitation'>): InvitationMatch {
  if (preview.account.email.toLowerCase() !== preview.invitation.email.toLowerCase()) return 'no-invitee';
  return preview.account.active ? 'invitee-active' : 'invitee-not-active';
}

/**
 * Accepting an invitation: a pasted link (or the app's deep link) is shown as who invites you to which
 * organization with which role; it is accepted only when the person presses Accept.
 */
export function createPortalInvitationStore({
  client,
  accounts,
  organizations,
  organizationPage,
}: {
  client: Api;
  accounts: PortalAccountsStore;
  organizations: PortalOrganizationsStore;
  organizationPage: PortalOrganizationStore;
}): PortalInvitationStore {
  return createStore<PortalInvitationState>()((set, get) => {
    /** Bumped when an answer in flight stops being wanted (the link changed, declined). */
    let attempt = 0;

    // Signed in (or switched) after the link was pasted: the invitation is read again as that account.
    accounts.subscribe((state, previous) => {
      if (selectActiveAccountId(state) === selectActiveAccountId(previous)) return;
      const { preview, previewProblem } = get();
      if (preview !== null || previewProblem?.code === 'not_signed_in') void get().invitationPreviewRequested();
    });

    return {
      ...EMPTY,

      invitationLinkEdited(link) {
        if (get().accepting) return;
        attempt += 1;
        set({ ...EMPTY, link, linkAttempted: get().linkAttempted });
      },

      async invitationPreviewRequested(link = get().link) {
        if (get().accepting) return;
        const reading = ++attempt;
        set({ ...EMPTY, link, linkAttempted: true });
        if (linkProblem(link) !== null) return;
        set({ previewing: true });
        const result = await client.invoke('portal:preview-invitation', { link: link.trim() });
        if (reading !== attempt) return;
        if (!result.ok) {
          set({ previewing: false, previewProblem: portalProblemOf(result.error) });
          return;
        }
        const { account, preview } = result.value;
        set({ previewing: false, preview: { link: link.trim(), account, invitation: preview } });
      },

      async invitationAcceptRequested() {
        const { preview, accepting } = get();
        if (preview === null || accepting) return null;
        const invitedTo = preview.invitation.organization;
        set({ accepting: true, acceptProblem: null });
        const result = await client.invoke('portal:accept-invitation', { link: preview.link, accountId: preview.account.id });
        if (!result.ok) {
          set({ accepting: false, acceptProblem: refusalWords(portalProblemOf(result.error), `accept the invitation to ${invitedTo.name}`) });
          return null;
        }
        const { organization } = result.value;
        attempt += 1;
        set(EMPTY);
        // Main made the account that joined the active one: the organization opens as it.
        accounts.getState().accountActivated(preview.account);
        organizations.getState().organizationAnswered(organization);
        organizationPage.getState().organizationEntered(organization, `You joined ${organization.name} as ${roleName(organization.role, 'a')}.`);
        return organization.id;
      },

      invitationDeclined() {
        const preview = get().preview;
        if (preview === null || get().accepting) return;
        attempt += 1;
        set({
          ...EMPTY,
          notice: `You declined the invitation to ${preview.invitation.organization.name}. Nothing was sent to the portal: you did not join, and the link in the e-mail keeps working until it expires, in case you change your mind.`,
        });
      },
    };
  });
}
