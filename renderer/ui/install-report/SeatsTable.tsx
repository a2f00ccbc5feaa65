import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import { seatWords, wouldInstall } from './install-words';

/** Users in use, licensed seats now and after installing, internal and external; over capacity said in words. */
export function SeatsTable({ preflight }: { preflight: InstallPreflightView }) {
  const { usage, capacityNow, capacityAfter } = preflight;
  const after = wouldInstall(preflight);
  const licensedRows = [
    { label: 'Licensed now', seats: capacityNow },
    ...(after ? [{ label: 'Licensed after installing', seats: capacityAfter }] : []),
  ];
  return (
    <section className="install-section" aria-labelledby="install-seats-heading">
      <h3 id="install-seats-heading">Users and licensed seats</h3>
      <table className="seats" aria-labelledby="install-seats-heading">
        <thead>
          <tr>
            <td />
            <th scope="col">Internal users</th>
            <th scope="col">External users</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">In use now</th>
            {usage === null ? (
              <td colSpan={2} className="muted">
                not known (authentik’s usage could not be read)
              </td>
            ) : (
              <>
                <td>{usage.internalUsers.toLocaleString()}</td>
                <td>{usage.externalUsers.toLocaleString()}</td>
              </>
            )}
          </tr>
          {licensedRows.map(({ label, seats }) => {
            const internal = seatWords(seats.internalUsers, usage?.internalUsers ?? null);
            const external = seatWords(seats.externalUsers, usage?.externalUsers ?? null);
            return (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className={internal.over ? 'seats__over' : undefined}>{internal.text}</td>
                <td className={external.over ? 'seats__over' : undefined}>{external.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!after && <p className="hint">Nothing would be installed, so the licensed seats stay as they are.</p>}
    </section>
  );
}
