import type { SeatSuggestion } from '../../store/purchase-form';

function users(count: number): string {
  return `${count.toLocaleString()} user${count === 1 ? '' : 's'}`;
}

/** Why these numbers: what the instance has now and what authentik forecasts, for each kind of user. */
export function SeatReasoning({ suggestion, instanceName }: { suggestion: SeatSuggestion; instanceName: string }) {
  return (
    <div className="seat-reasoning" id="purchase-seat-reasoning">
      <p>
        Suggested from {instanceName}’s forecast: the users authentik forecasts for the next year, and never fewer than it has today.
      </p>
      <ul>
        <li>
          <strong>Internal:</strong> {users(suggestion.internalNow)} today, {users(suggestion.internalForecast)} forecast → {suggestion.internal.toLocaleString()}.
        </li>
        <li>
          <strong>External:</strong> {users(suggestion.externalNow)} today, {users(suggestion.externalForecast)} forecast → {suggestion.external.toLocaleString()}.
        </li>
      </ul>
    </div>
  );
}
