import { useMutation } from '@tanstack/react-query';
import { askMain } from '../../queries/query-client';
import { showToast } from '../../ui/toasts';
import { useVerifyScreen, type KeyRequest } from './verify-screen';

/*
 * Verifying is an action with an answer, so it is a mutation, not a query: a query key would have to
 * name the key (and a key must never sit in a query key, which devtools and logs show), and a verdict is
 * worth nothing once the draft changes. The verdict is written to the screen's state for the draft it
 * answers; pending and error are the mutation's.
 */

export const verifyMutationKeys = {
  verify: ['license', 'verify-key'] as const,
};

/** Asks main to verify the draft; the answer is shown only if the draft is still the one sent. */
export function useVerifyKey() {
  const verdictAnswered = useVerifyScreen((state) => state.verdictAnswered);
  const noticeShown = useVerifyScreen((state) => state.noticeShown);
  return useMutation({
    mutationKey: verifyMutationKeys.verify,
    mutationFn: (request: KeyRequest, { client }) => askMain(client, 'license:verify-key', request),
    // The variables hold the key: forget them as soon as the screen no longer shows this mutation.
    gcTime: 0,
    onMutate: () => noticeShown(null),
    onSuccess: (verdict, request) => verdictAnswered(request, verdict),
  });
}

/** Copies the verified key's fingerprint through main: done in a toast, a refusal in the status line. */
export function useCopyFingerprint() {
  const noticeShown = useVerifyScreen((state) => state.noticeShown);
  return useMutation({
    mutationFn: (fingerprint: string, { client }) => askMain(client, 'license:copy-fingerprint', { fingerprint }),
    onSuccess: () => showToast({ tone: 'success', title: 'Fingerprint copied.' }),
    onError: (error) => noticeShown(error.message),
  });
}

/** Copies the verified key (main holds it, by fingerprint); main clears the clipboard again at `clearsAt`. */
export function useCopyKey() {
  const keyCopied = useVerifyScreen((state) => state.keyCopied);
  const noticeShown = useVerifyScreen((state) => state.noticeShown);
  return useMutation({
    mutationFn: (fingerprint: string, { client }) => askMain(client, 'license:copy-key', { fingerprint }),
    onSuccess: ({ clearsAt }) => keyCopied(clearsAt),
    onError: (error) => noticeShown(error.message),
  });
}

/** Opens the customer portal's purchase page for the installation in the browser (said in a toast). */
export function useOpenPurchase() {
  const noticeShown = useVerifyScreen((state) => state.noticeShown);
  return useMutation({
    mutationFn: (installId: string, { client }) => askMain(client, 'portal:open-purchase', { installId }),
    onSuccess: () => showToast({ tone: 'info', title: 'The customer portal opened in your browser.' }),
    onError: (error) => noticeShown(error.message),
  });
}
