import { TextField } from '../../ui/TextField';
import type { PurchaseForm, PurchaseFormProblems } from './purchase-form';
import { SeatReasoning } from './SeatReasoning';
import type { SeatSuggestionView } from './seat-suggestion';

/** The guide's definitions, shown next to the numbers they explain. */
const INTERNAL_MEANING =
  'An internal user is typically a team member, such as company employees, who gets access to the full Enterprise feature set. authentik counts the users assigned to the organization.';
const EXTERNAL_MEANING =
  'An external user might be an external consultant or a B2C customer who logged onto your website to shop. These users don’t get access to enterprise features. authentik counts those active (logged in) since the start of the current month.';

/** The two seat counts, each with the guide's definition as its hint. */
const SEAT_FIELDS = [
  { id: 'purchase-internal-users', field: 'internalUsers', label: 'Internal users', meaning: INTERNAL_MEANING },
  { id: 'purchase-external-users', field: 'externalUsers', label: 'External users', meaning: EXTERNAL_MEANING },
] as const;

/** Internal and external users, pre-filled from the chosen instance's forecast, with the reasoning shown. */
interface SeatFieldsProps {
  form: PurchaseForm;
  seats: SeatSuggestionView;
  problems: PurchaseFormProblems;
  disabled: boolean;
  onEdit: (change: Partial<PurchaseForm>) => void;
}

export function SeatFields({ form, seats, problems, disabled, onEdit }: SeatFieldsProps) {
  const { suggestion, suggesting, problem: suggestionProblem } = seats;
  const instanceName = seats.instanceName ?? 'the instance';
  return (
    <fieldset className="purchase-seats">
      <legend>Users</legend>
      <p className="notice" role="status">
        {suggesting ? 'Reading the instance’s forecast…' : ''}
      </p>
      {suggestion !== null && <SeatReasoning suggestion={suggestion} instanceName={instanceName} />}
      {suggestionProblem !== null && <p className="hint">{suggestionProblem}</p>}
      <div className="purchase-seats__fields">
        {SEAT_FIELDS.map(({ id, field, label, meaning }) => (
          <TextField
            key={field}
            id={id}
            label={label}
            inputMode="numeric"
            value={form[field]}
            onValue={(value) => onEdit({ [field]: value })}
            problem={problems[field]}
            hint={meaning}
            hintAlways
            disabled={disabled}
          />
        ))}
      </div>
    </fieldset>
  );
}
