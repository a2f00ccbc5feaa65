import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import type { InstanceRow } from '../../../shared/instances/instance-row';

interface ForecastLine {
  label: string;
  now: number;
  added: number;
  licensed: number | null;
}

function verdict({ now, added, licensed }: ForecastLine): { text: string; over: boolean } {
  if (licensed === null) return { text: 'licensed seats not known', over: false };
  const total = now + added;
  if (total <= licensed) return { text: `within the ${licensed.toLocaleString()} licensed`, over: false };
  return {
    text: `exceeds the ${licensed.toLocaleString()} licensed by ${(total - licensed).toLocaleString()}`,
    over: true,
  };
}

/** authentik's forecast of users in a year against the licensed seats, with how authentik computes it. */
export function ForecastTable({
  forecast,
  licensed,
}: {
  forecast: InstanceDetail['forecast'];
  licensed: InstanceRow['licensed'];
}) {
  if (forecast === null) {
    return (
      <>
        <h3>Forecast</h3>
        <p className="muted">
          authentik gave no forecast: older versions have none, and it needs the permission to view licenses.
        </p>
      </>
    );
  }
  const lines: ForecastLine[] = [
    {
      label: 'Internal users',
      now: forecast.internalUsers,
      added: forecast.forecastedInternalUsers,
      licensed: licensed?.internalUsers ?? null,
    },
    {
      label: 'External users',
      now: forecast.externalUsers,
      added: forecast.forecastedExternalUsers,
      licensed: licensed?.externalUsers ?? null,
    },
  ];
  return (
    <>
      <h3 id="forecast-heading">Forecast for the next 12 months</h3>
      <table className="seats" aria-labelledby="forecast-heading">
        <thead>
          <tr>
            <td />
            <th scope="col">Now</th>
            <th scope="col">Forecast added</th>
            <th scope="col">In a year (≈)</th>
            <th scope="col">Against licensed seats</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const { text, over } = verdict(line);
            return (
              <tr key={line.label}>
                <th scope="row">{line.label}</th>
                <td>{line.now.toLocaleString()}</td>
                <td>{line.added.toLocaleString()}</td>
                <td>{(line.now + line.added).toLocaleString()}</td>
                <td className={over ? 'seats__over' : undefined}>{text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">
        authentik’s forecast: internal users grow by 12 × those who joined in the last 30 days; for external users it
        takes 12 × all current external users, which overstates growth — read that line as an upper bound.
      </p>
    </>
  );
}
