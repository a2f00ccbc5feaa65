import { selectRenameProblem } from '../../store/portal-licenses';
import { usePortalLicenses } from '../../store/portal-licenses-context';
import { TextField } from '../dashboard/TextField';

/** Rename (Owner): the nickname is only a label, shown in the portal and here. */
export function RenameLicenseForm() {
  const draft = usePortalLicenses((state) => state.renameDraft);
  const renaming = usePortalLicenses((state) => state.renaming);
  const fieldProblem = usePortalLicenses(selectRenameProblem);
  const renameProblem = usePortalLicenses((state) => state.renameProblem);
  const renameEdited = usePortalLicenses((state) => state.renameEdited);
  const renameCancelled = usePortalLicenses((state) => state.renameCancelled);
  const renameRequested = usePortalLicenses((state) => state.renameRequested);
  if (draft === null) return null;
  return (
    <form
      className="license-rename"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void renameRequested();
      }}
    >
      <TextField
        id="license-nickname"
        label="Nickname"
        value={draft}
        onValue={renameEdited}
        problem={fieldProblem ?? renameProblem ?? undefined}
        hint="Only a label, to tell the licenses apart."
        maxLength={100}
        autoFocus
      />
      <div className="row">
        <button type="submit" className="primary" aria-disabled={renaming}>
          {renaming ? 'Saving…' : 'Save name'}
        </button>
        <button type="button" onClick={renameCancelled}>
          Cancel
        </button>
      </div>
    </form>
  );
}
