import { refusalWords } from '../../store/portal-problem';
import { TextField } from '../../ui/TextField';
import { useLicenseScreen } from './license-screen';
import { nameProblem, useRenameLicense } from './mutations';
import type { PortalLicense } from './queries';

/** Rename (Owner): the nickname is only a label, shown in the portal and here. */
export function RenameLicenseForm({ orgId, license }: { orgId: string; license: PortalLicense }) {
  const draft = useLicenseScreen((state) => state.renameDraft);
  const attempted = useLicenseScreen((state) => state.renameAttempted);
  const renameEdited = useLicenseScreen((state) => state.renameEdited);
  const renameAttempt = useLicenseScreen((state) => state.renameAttempt);
  const renameCancelled = useLicenseScreen((state) => state.renameCancelled);
  const rename = useRenameLicense(orgId, license);
  if (draft === null) return null;
  // The rule's word once Save was pressed; then the portal's own word about the nickname, or its refusal.
  const fieldProblem = attempted ? (nameProblem(draft) ?? undefined) : undefined;
  const renameProblem = rename.isError
    ? (rename.error.fields.nickname ?? refusalWords(rename.error, 'rename the license'))
    : undefined;
  return (
    <form
      className="license-rename"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (rename.isPending) return;
        renameAttempt();
        if (nameProblem(draft) === null) rename.mutate(draft);
      }}
    >
      <TextField
        id="license-nickname"
        label="Nickname"
        value={draft}
        onValue={(nickname) => {
          renameEdited(nickname);
          rename.reset();
        }}
        problem={fieldProblem ?? renameProblem}
        hint="Only a label, to tell the licenses apart."
        maxLength={100}
        autoFocus
      />
      <div className="row">
        <button type="submit" className="primary" aria-disabled={rename.isPending}>
          {rename.isPending ? 'Saving…' : 'Save name'}
        </button>
        <button
          type="button"
          onClick={() => {
            renameCancelled();
            rename.reset();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
