/** The warning that a paid or renewed key has not reached its instance: words and a shape, not colour alone. */
export function RenewedNotInstalledBadge({ instanceName }: { instanceName: string }) {
  return (
    <span
      className="renewed-badge"
      data-renewed-not-installed="true"
      title={`The portal issued a newer key for ${instanceName}, but it is not installed there yet: the instance still expires on its old date.`}
    >
      <span className="renewed-badge__icon" aria-hidden="true">
        ⚠
      </span>
      Renewed, not installed on {instanceName}
    </span>
  );
}
