import { notInstalledWords, type NotInstalledOrigin } from '../../../shared/links/renewed-not-installed';

/** The warning that a paid or renewed key has not reached its instance: words and a shape, not colour alone. */
export function RenewedNotInstalledBadge({
  instanceName,
  origin,
}: {
  instanceName: string;
  origin: NotInstalledOrigin;
}) {
  const why =
    origin === 'renewed'
      ? `The portal issued a newer key for ${instanceName}, but it is not installed there yet: the instance still expires on its old date.`
      : `This license is paid for ${instanceName}, but its key is not installed there yet.`;
  return (
    <span className="renewed-badge" data-renewed-not-installed="true" data-origin={origin} title={why}>
      <span className="renewed-badge__icon" aria-hidden="true">
        ⚠
      </span>
      {notInstalledWords(origin)} on {instanceName}
    </span>
  );
}
