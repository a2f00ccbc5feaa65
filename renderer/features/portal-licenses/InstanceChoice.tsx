import type { InstanceRow } from '../../../shared/instances/instance-row';
import { TextField } from '../../ui/TextField';
import { TYPED_INSTALL_ID, type PurchaseForm, type PurchaseFormProblems } from './purchase-form';

interface InstanceChoiceProps {
  rows: readonly InstanceRow[];
  form: PurchaseForm;
  problems: PurchaseFormProblems;
  disabled: boolean;
  onChoose: (instanceId: string) => void;
  onEdit: (change: Partial<PurchaseForm>) => void;
}

/** The installation the license is for: a saved instance (its Install ID as last read), or an Install ID typed in. */
export function InstanceChoice({ rows, form, problems, disabled, onChoose, onEdit }: InstanceChoiceProps) {
  const { instanceId, installId } = form;
  const chosen = rows.find((row) => row.id === instanceId);
  const problem = problems.instanceId;
  return (
    <div className="purchase-instance">
      <div className="field">
        <label htmlFor="purchase-instance">Instance</label>
        <select
          id="purchase-instance"
          value={instanceId}
          disabled={disabled}
          aria-invalid={problem !== undefined}
          aria-describedby={
            problem === undefined ? 'purchase-instance-hint' : 'purchase-instance-problem purchase-instance-hint'
          }
          onChange={(event) => onChoose(event.target.value)}
          data-autofocus
        >
          <option value="" disabled>
            Choose the instance the license is for…
          </option>
          {rows.map((row) => (
            <option key={row.id} value={row.id}>
              {row.name}
              {row.installId === null ? ' (not read yet: Install ID unknown)' : ` — ${row.installId}`}
            </option>
          ))}
          <option value={TYPED_INSTALL_ID}>Another installation: type its Install ID…</option>
        </select>
        {problem !== undefined && (
          <p id="purchase-instance-problem" className="hint hint--error">
            {problem}
          </p>
        )}
        <p id="purchase-instance-hint" className="hint">
          {chosen !== undefined && chosen.installId !== null
            ? `The key will be issued for ${chosen.name}’s Install ID, ${chosen.installId}.`
            : 'A key only works on the installation whose Install ID it was issued for.'}
        </p>
      </div>
      {instanceId === TYPED_INSTALL_ID && (
        <TextField
          id="purchase-install-id"
          label="Install ID"
          value={installId}
          onValue={(value) => onEdit({ installId: value })}
          problem={problems.installId}
          hint="authentik shows it in the Admin interface on Enterprise → Licenses: click Install to see the Install ID."
          hintAlways
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
        />
      )}
    </div>
  );
}
