import { localDate } from '../../format/dates';
import type { SeatRow } from './chart-data';

const dateOf = (at: number): string => localDate(new Date(at).toISOString());

/** The chart's step line as a table: licensed seats from now until each expiry. */
export function SeatsTable({ rows, caption }: { rows: readonly SeatRow[]; caption: string }) {
  return (
    <table className="seats">
      <caption className="seats__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">From</th>
          <th scope="col">Until</th>
          <th scope="col">Internal users</th>
          <th scope="col">External users</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.from}>
            <td>{dateOf(row.from)}</td>
            <td>{dateOf(row.until)}</td>
            <td>{row.internalUsers.toLocaleString()}</td>
            <td>{row.externalUsers.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
