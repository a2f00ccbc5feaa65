import { CLIPBOARD_CLEAR_SECONDS } from './license-words';
import { useLicenseScreen } from './license-screen';
import { useCopyKey, useRevealKey } from './mutations';
import type { PortalLicense } from './queries';

/** What the last copy did: on the clipboard for a minute, then cleared by the app. */
function ClipboardWords({ copying }: { copying: boolean }) {
  const clipboard = useLicenseScreen((state) => state.clipboard);
  if (copying) return <>Copying…</>;
  if (clipboard.state === 'copied') {
    return (
      <>
        Copied; the clipboard is cleared in <time dateTime={clipboard.clearsAt}>{CLIPBOARD_CLEAR_SECONDS} s</time>.
      </>
    );
  }
  if (clipboard.state === 'cleared') return <>The clipboard was cleared: it no longer holds the key.</>;
  return null;
}

/** The key, masked until the person presses Reveal; Copy is done by the app without showing it. */
export function LicenseKeyPanel({ orgId, license }: { orgId: string; license: PortalLicense }) {
  const reveal = useRevealKey(orgId, license.id);
  const copy = useCopyKey(orgId, license.id);
  const revealedKey = reveal.data ?? null;
  // The last of the two to fail says why; pressing either again starts afresh.
  const problem = reveal.isError
    ? `The key was not revealed: ${reveal.error.message}`
    : copy.isError
      ? `The key was not copied: ${copy.error.message}`
      : null;
  if (license.key_fingerprint === null) {
    return (
      <section className="license-key" aria-labelledby="license-key-heading">
        <h3 id="license-key-heading">License key</h3>
        <p>No key yet: the portal issues it once the payment has been validated.</p>
      </section>
    );
  }
  return (
    <>
      <section className="license-key" aria-labelledby="license-key-heading">
        <h3 id="license-key-heading">License key</h3>
        {revealedKey === null ? (
          <p className="key-masked" data-masked="true">
            <span aria-hidden="true">••••••••••••••••••••••••</span>
            <span className="key-masked__note">
              The key is hidden. Reveal shows it here until you hide it or close the details.
            </span>
          </p>
        ) : (
          <textarea
            className="license-key__value"
            readOnly
            rows={5}
            value={revealedKey}
            aria-label="License key"
            spellCheck={false}
          />
        )}
        <p className="hint">
          Fingerprint <code className="mono">{license.key_fingerprint}</code>
        </p>
        <div className="row">
          {revealedKey === null ? (
            <button
              type="button"
              aria-disabled={reveal.isPending}
              onClick={() => {
                if (reveal.isPending) return;
                copy.reset();
                reveal.mutate(null);
              }}
            >
              {reveal.isPending ? 'Revealing…' : 'Reveal'}
            </button>
          ) : (
            // Hiding drops the key from memory: the mutation's answer is the only place it was kept.
            <button type="button" onClick={() => reveal.reset()}>
              Hide
            </button>
          )}
          <button
            type="button"
            aria-disabled={copy.isPending}
            onClick={() => {
              if (copy.isPending) return;
              if (reveal.isError) reveal.reset();
              copy.mutate(null);
            }}
          >
            Copy
          </button>
        </div>
        <p className="notice" role="status">
          <ClipboardWords copying={copy.isPending} />
        </p>
      </section>
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
