import { useQuery } from '@tanstack/react-query';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { instanceDetailQuery } from '../../queries/instance-detail';
import { seatSuggestion, type SeatSuggestion } from './purchase-form';

/** What the chosen instance's forecast suggests ordering, or why there is none, for the order form. */
export interface SeatSuggestionView {
  suggestion: SeatSuggestion | null;
  /** The instance the suggestion is for. */
  instanceName: string | null;
  suggesting: boolean;
  problem: string | null;
}

/** The chosen saved instance's forecast (its page as main holds it, no new read), and what it suggests; nothing for a typed Install ID. */
export function useSeatSuggestion(instanceId: string, rows: readonly InstanceRow[]): SeatSuggestionView {
  const row = rows.find((entry) => entry.id === instanceId);
  const detail = useQuery({ ...instanceDetailQuery(instanceId), enabled: row !== undefined });
  if (row === undefined) return { suggestion: null, instanceName: null, suggesting: false, problem: null };
  const name = row.name;
  if (detail.data === undefined) {
    const problem = detail.isError ? `The forecast of ${name} could not be read: ${detail.error.message}` : null;
    return { suggestion: null, instanceName: name, suggesting: detail.isFetching, problem };
  }
  const { forecast } = detail.data;
  if (forecast === null)
    return {
      suggestion: null,
      instanceName: name,
      suggesting: false,
      problem: `${name} has no forecast yet (it could not be read); enter the numbers of users yourself.`,
    };
  return { suggestion: seatSuggestion(forecast), instanceName: name, suggesting: false, problem: null };
}
