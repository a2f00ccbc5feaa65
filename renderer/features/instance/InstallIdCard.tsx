import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { useInstanceScreen } from './instance-screen';
import { useCopyInstallId, useOpenPortal } from './mutations';

/** The Install ID every key must name: copy it, take it to the customer portal, and notice when it changes. */
export function InstallIdCard({ detail }: { detail: InstanceDetail }) {
  const { installId, url } = detail.instance;
  const id = detail.instance.id;
  const copied = useInstanceScreen((state) => state.installIdCopied === id);
  const copyInstallId = useCopyInstallId(id);
  const openPortal = useOpenPortal(id);
  const unknown = installId === null;
  return (
    <section className="panel install-id-card" aria-labelledby="install-id-heading">
      <h2 id="install-id-heading">Install ID</h2>
      {unknown ? (
        <p className="muted" id="install-id-value">
          Not known yet: it has not been read (the token needs the permission to view licenses).
        </p>
      ) : (
        <p className="install-id-card__value">
          <code id="install-id-value">{installId}</code>
        </p>
      )}
      {detail.previousInstallId !== null && !unknown && (
        <div className="callout callout--bad" role="alert">
          <p>
            <strong>The Install ID changed.</strong> It was <code>{detail.previousInstallId}</code> when this instance
            was last read. Keys issued for the previous ID no longer match, so authentik stops accepting them.
          </p>
          <p>Get keys for the new Install ID from the customer portal and install them here.</p>
        </div>
      )}
      <div className="row">
        <button
          type="button"
          aria-disabled={unknown}
          aria-describedby="install-id-value"
          onClick={() => copyInstallId.mutate(undefined)}
        >
          {copied ? (
            <>
              <span aria-hidden="true">✓ </span>Copied
            </>
          ) : (
            'Copy Install ID'
          )}
        </button>
        <button
          type="button"
          aria-disabled={unknown}
          aria-describedby="portal-hint"
          onClick={() => {
            if (installId !== null) openPortal.mutate({ installId, url });
          }}
        >
          Open customer portal
        </button>
      </div>
      <p id="portal-hint" className="hint">
        Opens the customer portal in your browser with this Install ID and address.
      </p>
    </section>
  );
}
