import { isPlainHttpAddress } from '../../../shared/instances/validation';
import type { CaView } from './use-ca-view';
import type { InstanceForm, InstanceFormProblems } from '../../store/instance-form';
import { CaField } from './CaField';
import { PlainHttpField } from './PlainHttpField';
import { TextField } from '../../ui/TextField';

interface InstanceFieldsProps {
  /** Prefix of the fields' element ids (`add`, `edit`), so two dialogs never share ids. */
  idPrefix: string;
  form: InstanceForm;
  problems: InstanceFormProblems;
  onEdit: (change: Partial<InstanceForm>) => void;
  tokenHint: string;
  tokenRequired: boolean;
  caFileName: string | null;
  ca: CaView;
  onCaFile: (file: File) => void;
}

/** The settings of an instance: name, address (and, for plain http:// elsewhere, the permission), token, customer, tags and an optional CA. */
export function InstanceFields({
  idPrefix,
  form,
  problems,
  onEdit,
  tokenHint,
  tokenRequired,
  caFileName,
  ca,
  onCaFile,
}: InstanceFieldsProps) {
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        label="Name"
        value={form.name}
        onValue={(name) => onEdit({ name })}
        problem={problems.name}
        autoComplete="off"
        required
        data-autofocus
      />
      <TextField
        id={`${idPrefix}-url`}
        label="URL"
        type="url"
        inputMode="url"
        value={form.url}
        onValue={(url) => onEdit({ url })}
        problem={problems.url}
        hint="The address you open authentik at, starting with https:// (or http://)."
        placeholder="https://auth.example.com"
        autoComplete="off"
        spellCheck={false}
        required
      />
      {isPlainHttpAddress(form.url) && (
        <PlainHttpField idPrefix={idPrefix} allowed={form.allowHttp} onAllowed={(allowHttp) => onEdit({ allowHttp })} />
      )}
      <TextField
        id={`${idPrefix}-token`}
        label="API token"
        type="password"
        value={form.token}
        onValue={(token) => onEdit({ token })}
        problem={problems.token}
        hint={tokenHint}
        hintAlways
        autoComplete="off"
        spellCheck={false}
        required={tokenRequired}
      />
      <TextField
        id={`${idPrefix}-customer`}
        label="Customer (optional)"
        value={form.customer}
        onValue={(customer) => onEdit({ customer })}
        problem={problems.customer}
        autoComplete="off"
      />
      <TextField
        id={`${idPrefix}-tags`}
        label="Tags (optional)"
        value={form.tags}
        onValue={(tags) => onEdit({ tags })}
        problem={problems.tags}
        hint="Separate tags with commas, such as production, eu-west."
        autoComplete="off"
      />
      <CaField
        idPrefix={idPrefix}
        caPem={form.caPem}
        caFileName={caFileName}
        ca={ca}
        problem={problems.caPem}
        onPem={(caPem) => onEdit({ caPem })}
        onFile={onCaFile}
      />
    </>
  );
}
