import { seatReasoningWords, type SeatSuggestion } from './purchase-form';

/** Why these numbers: today's users plus authentik's forecast growth, as the instance page's forecast shows them. */
export function SeatReasoning({ suggestion, instanceName }: { suggestion: SeatSuggestion; instanceName: string }) {
  return (
    <div className="seat-reasoning" id="purchase-seat-reasoning">
      <p>Suggested from {instanceName}’s forecast: today’s users plus the growth authentik forecasts in a year.</p>
      <ul>
        <li>
          <strong>Internal:</strong> {seatReasoningWords(suggestion, 'internal')}.
        </li>
        <li>
          <strong>External:</strong> {seatReasoningWords(suggestion, 'external')}.
        </li>
      </ul>
    </div>
  );
}
