import { suggestedAtPortalMinimum, type SeatSuggestion } from './purchase-form';

function users(count: number): string {
  return `${count.toLocaleString()} user${count === 1 ? '' : 's'}`;
}

/** The suggested number, and why when it is more than the instance has or forecasts. */
function suggested(suggestion: SeatSuggestion, kind: 'internal' | 'external'): string {
  const count = suggestion[kind].toLocaleString();
  return suggestedAtPortalMinimum(suggestion, kind) ? `${count}, the portal’s minimum` : count;
}

/** Why these numbers: what the instance has now and what authentik forecasts, for each kind of user. */
export function SeatReasoning({ suggestion, instanceName }: { suggestion: SeatSuggestion; instanceName: string }) {
  return (
    <div className="seat-reasoning" id="purchase-seat-reasoning">
      <p>
        Suggested from {instanceName}’s forecast: the users authentik forecasts for the next year, and never fewer than
        it has today.
      </p>
      <ul>
        <li>
          <strong>Internal:</strong> {users(suggestion.internalNow)} today, {users(suggestion.internalForecast)}{' '}
          forecast → {suggested(suggestion, 'internal')}.
        </li>
        <li>
          <strong>External:</strong> {users(suggestion.externalNow)} today, {users(suggestion.externalForecast)}{' '}
          forecast → {suggested(suggestion, 'external')}.
        </li>
      </ul>
    </div>
  );
}
