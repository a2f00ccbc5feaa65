import type { PortalLicense } from '../../store/portal-licenses';
import { usePortalLicenses } from '../../store/portal-licenses-context';
import { CLIPBOARD_CLEAR_SECONDS } from './license-words';

/** What the last copy did: on the clipboard for a minute, then cleared by the app. */
function ClipboardWords() {
  const clipboard = usePortalLicenses((state) => state.clipboard);
  const copying = usePortalLicenses((state) => state.copying);
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
export function LicenseKeyPanel({ license }: { license: PortalLicense }) {
  const revealedKey = usePortalLicenses((state) => state.revealedKey);
  const revealing = usePortalLicenses((state) => state.revealing);
  const copying = usePortalLicenses((state) => state.copying);
  const keyRevealRequested = usePortalLicenses((state) => state.keyRevealRequested);
  const keyHidden = usePortalLicenses((state) => state.keyHidden);
  const keyCopyRequested = usePortalLicenses((state) => state.keyCopyRequested);
  if (license.key_fingerprint === null) {
    return (
      <section className="license-key" aria-labelledby="license-key-heading">
        <h3 id="license-key-heading">License key</h3>
        <p>No key yet: the portal issues it once the payment has been validated.</p>
      </section>
    );
  }
  return (
    <section className="license-key" aria-labelledby="license-key-heading">
      <h3 id="license-key-heading">License key</h3>
      {revealedKey === null ? (
        <p className="key-masked" data-masked="true">
          <span aria-hidden="true">••••••••••••••••••••••••</span>
          <span className="key-masked__note">The key is hidden. Reveal shows it here until you hide it or close the details.</span>
        </p>
      ) : (
        <textarea className="license-key__value" readOnly rows={5} value={revealedKey} aria-label="License key" spellCheck={false} />
      )}
      <p className="hint">
        Fingerprint <code className="mono">{license.key_fingerprint}</code>
      </p>
      <div className="row">
        {revealedKey === null ? (
          <button type="button" aria-disabled={revealing} onClick={() => void keyRevealRequested()}>
            {revealing ? 'Revealing…' : 'Reveal'}
          </button>
        ) : (
          <button type="button" onClick={keyHidden}>
            Hide
          </button>
        )}
        <button type="button" aria-disabled={copying} onClick={() => void keyCopyRequested()}>
          Copy
        </button>
      </div>
      <p className="notice" role="status">
        <ClipboardWords />
      </p>
    </section>
  );
}
