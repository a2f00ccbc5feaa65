import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { useInstanceRows } from '../../queries/instance-list';
import {
  connectionChanged,
  formOfInstance,
  instanceFormProblems,
  type InstanceForm,
  type InstanceFormProblems,
} from '../../store/instance-form';
import { savedNotice, useUpdateInstance } from './edit-instance-mutations';
import { InstanceFields } from './InstanceFields';
import { InstanceFormFoot } from './InstanceFormFoot';
import { useCaField, withCaProblem } from './use-ca-view';

const NO_PROBLEMS: InstanceFormProblems = {};

interface EditInstanceFormProps {
  id: string;
  /** What main last said of the instance: the saved settings the form starts from. */
  detail: InstanceDetail;
  focusFirst: boolean;
  onSaved: (notice: string) => void;
  onClose: () => void;
}

/** The draft of the Edit dialog: the saved settings as the person changes them, checked by the shared instance rules. */
export function EditInstanceForm({ id, detail, focusFirst, onSaved, onClose }: EditInstanceFormProps) {
  // The saved settings as the dialog opened, to tell what the person changed (a later read does not move them).
  const [saved] = useState(() => formOfInstance(detail.instance, detail.caPem));
  const [hasToken] = useState(detail.hasToken);
  const [form, setForm] = useState<InstanceForm>(saved);
  const [caFileName, setCaFileName] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const { ca, fileChosen, pemEdited } = useCaField(form.caPem);
  const rows = useInstanceRows();
  // A new name must differ from the other instances' names as saved (ignoring case).
  const takenNames = useMemo(() => rows.filter((row) => row.id !== id).map((row) => row.name), [rows, id]);
  const update = useUpdateInstance(id);
  const saving = update.isPending;
  const problemsNow = withCaProblem(
    instanceFormProblems(form, takenNames, hasToken ? 'optional' : 'required'),
    form,
    ca,
  );
  const problems = attempted ? problemsNow : NO_PROBLEMS;
  // Save tests the connection when the address, token or CA changed, or a token is entered where none was saved.
  const testsConnection = !hasToken || connectionChanged(saved, form);
  const formRef = useRef<HTMLFormElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (update.error !== null) actionsRef.current?.scrollIntoView({ block: 'nearest' });
  }, [update.error]);
  useEffect(() => {
    if (focusFirst) document.getElementById('edit-name')?.focus();
  }, [focusFirst]);

  const edited = (change: Partial<InstanceForm>): void => {
    if (saving) return;
    setForm((current) => ({ ...current, ...change }));
    if (change.caPem !== undefined) {
      setCaFileName(null);
      pemEdited();
    }
  };
  const caFileChosen = (file: File): void => {
    if (saving) return;
    fileChosen(file, (pem) => {
      setForm((current) => ({ ...current, caPem: pem }));
      setCaFileName(file.name);
    });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAttempted(true);
    if (!saving && Object.keys(problemsNow).length === 0) {
      // Said and closed only while this dialog is still the one open (a call's own callbacks run only then).
      update.mutate(form, {
        onSuccess({ instance }) {
          onSaved(savedNotice(instance.name, form));
          onClose();
        },
      });
    }
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit}>
      <h2 id="edit-instance-title">{`Edit ${saved.name}`}</h2>
      <p id="edit-instance-intro" className="hint">
        A new address, token or CA is tested first; nothing changes unless authentik answers.
      </p>
      <InstanceFields
        idPrefix="edit"
        form={form}
        problems={problems}
        onEdit={edited}
        tokenHint={
          hasToken
            ? 'A token is saved in the token vault; leave empty to keep it. A token entered here replaces it, in the token vault only.'
            : 'No token in the token vault — enter one. It is kept only in this computer’s token vault, encrypted with a key the OS keychain holds.'
        }
        tokenRequired={!hasToken}
        caFileName={caFileName}
        ca={ca}
        onCaFile={caFileChosen}
      />
      <InstanceFormFoot
        lead="Nothing was changed."
        problem={update.error?.message ?? null}
        busy={saving}
        label={testsConnection ? 'Test and save' : 'Save'}
        busyLabel={testsConnection ? 'Testing connection…' : 'Saving…'}
        onCancel={onClose}
        actionsRef={actionsRef}
      />
    </form>
  );
}
