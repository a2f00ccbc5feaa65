import { useInstanceRows } from '../../queries/instance-list';
import { usePurchase } from '../../store/portal-licenses-context';
import type { PurchaseFormProblems } from '../../store/purchase-form';
import { TextField } from '../../ui/TextField';
import { SeatReasoning } from './SeatReasoning';

/** The guide's definitions, shown next to the numbers they explain. */
const INTERNAL_MEANING =
  'An internal user is typically a team member, such as company employees, who gets access to the full Enterprise feature set. authentik counts the users assigned to the organization.';
const EXTERNAL_MEANING =
  'An external user might be an external consultant or a B2C customer who logged onto your website to shop. These users don’t get access to enterprise features. authentik counts those active (logged in) since the start of the current month.';

/** Internal and external users, pre-filled from the chosen instance's forecast, with the reasoning shown. */
export function SeatFields({ problems }: { problems: PurchaseFormProblems }) {
  const internalUsers = usePurchase((state) => state.form.internalUsers);
  const externalUsers = usePurchase((state) => state.form.externalUsers);
  const suggestion = usePurchase((state) => state.suggestion);
  const suggestionFor = usePurchase((state) => state.suggestionFor);
  const suggesting = usePurchase((state) => state.suggesting);
  const suggestionProblem = usePurchase((state) => state.suggestionProblem);
  const submitting = usePurchase((state) => state.submitting);
  const purchaseFormEdited = usePurchase((state) => state.purchaseFormEdited);
  const instanceName = useInstanceRows().find((row) => row.id === suggestionFor)?.name ?? 'the instance';
  return (
    <fieldset className="purchase-seats">
      <legend>Users</legend>
      <p className="notice" role="status">
        {suggesting ? 'Reading the instance’s forecast…' : ''}
      </p>
      {suggestion !== null && <SeatReasoning suggestion={suggestion} instanceName={instanceName} />}
      {suggestionProblem !== null && <p className="hint">{suggestionProblem}</p>}
      <div className="purchase-seats__fields">
        <TextField
          id="purchase-internal-users"
          label="Internal users"
          inputMode="numeric"
          value={internalUsers}
          onValue={(value) => purchaseFormEdited({ internalUsers: value })}
          problem={problems.internalUsers}
          hint={INTERNAL_MEANING}
          hintAlways
          disabled={submitting}
        />
        <TextField
          id="purchase-external-users"
          label="External users"
          inputMode="numeric"
          value={externalUsers}
          onValue={(value) => purchaseFormEdited({ externalUsers: value })}
          problem={problems.externalUsers}
          hint={EXTERNAL_MEANING}
          hintAlways
          disabled={submitting}
        />
      </div>
    </fieldset>
  );
}
