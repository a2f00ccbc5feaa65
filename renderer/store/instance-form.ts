import type { InstanceRow } from '../../shared/instances/instance-row';
import {
  apiTokenProblem,
  caCertificateProblem,
  instanceAddressProblem,
  instanceNameProblem,
  isPlainHttpAddress,
  nameTakenProblem,
  plainHttpProblem,
} from '../../shared/instances/validation';
import type { ChannelInput } from '../../shared/ipc/contract';

/** What the person typed in the Add or Edit instance dialog, as typed. */
export interface InstanceForm {
  name: string;
  url: string;
  /** Add: the token to save. Edit: empty keeps the saved token, anything else replaces it. */
  token: string;
  customer: string;
  /** Comma-separated. */
  tags: string;
  /** PEM text of an extra CA to trust; empty for none. */
  caPem: string;
  /** "Allow plain HTTP": asked for, and sent, only for an http:// address of another computer. */
  allowHttp: boolean;
}

export const EMPTY_INSTANCE_FORM: InstanceForm = {
  name: '',
  url: '',
  token: '',
  customer: '',
  tags: '',
  caPem: '',
  allowHttp: false,
};

export type InstanceFormField = keyof InstanceForm;
export type InstanceFormProblems = Partial<Record<InstanceFormField, string>>;

/** Whether the form must carry a token: always when adding; when editing, only if the vault holds none. */
export type TokenRule = 'required' | 'optional';

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 50;

/** "prod, eu-west, prod" → ["prod", "eu-west"]. */
export function parseTags(tags: string): string[] {
  return [
    ...new Set(
      tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}

/**
 * Each field's problem in words, or none, by the rules main applies (shared/instances/validation);
 * `otherNames` are the other instances' names as saved.
 */
export function instanceFormProblems(
  form: InstanceForm,
  otherNames: readonly string[],
  token: TokenRule,
): InstanceFormProblems {
  const problems: InstanceFormProblems = {};
  const name = instanceNameProblem(form.name) ?? nameTakenProblem(form.name, otherNames);
  if (name !== null) problems.name = name;
  const url = instanceAddressProblem(form.url) ?? plainHttpProblem(form.url, form.allowHttp, 'dialog');
  if (url !== null) problems.url = url;
  const tokenProblem = form.token.trim() === '' && token === 'optional' ? null : apiTokenProblem(form.token);
  if (tokenProblem !== null) problems.token = tokenProblem;
  if (form.customer.trim().length > 100) problems.customer = 'Keep the customer to 100 characters.';
  const tags = parseTags(form.tags);
  if (tags.length > MAX_TAGS) problems.tags = `Use at most ${MAX_TAGS} tags.`;
  else if (tags.some((tag) => tag.length > MAX_TAG_LENGTH))
    problems.tags = `Keep each tag to ${MAX_TAG_LENGTH} characters.`;
  const ca = form.caPem.trim() === '' ? null : caCertificateProblem(form.caPem);
  if (ca !== null) problems.caPem = ca;
  return problems;
}

/** The fields both dialogs send, trimmed; empty optional fields become null. */
function fieldsOf(form: InstanceForm): Omit<ChannelInput<'instances:add'>, 'token'> {
  const customer = form.customer.trim();
  const caPem = form.caPem.trim();
  return {
    name: form.name.trim(),
    url: form.url.trim(),
    customer: customer === '' ? null : customer,
    tags: parseTags(form.tags),
    caPem: caPem === '' ? null : `${caPem}\n`,
    // A box ticked for an address that no longer needs it says nothing: it is not sent.
    allowHttp: form.allowHttp && isPlainHttpAddress(form.url),
  };
}

/** The `instances:add` request for a form without problems. */
export function addRequestOf(form: InstanceForm): ChannelInput<'instances:add'> {
  return { ...fieldsOf(form), token: form.token.trim() };
}

/** The `instances:update` request for a form without problems: an empty token keeps the saved one. */
export function updateRequestOf(id: string, form: InstanceForm): ChannelInput<'instances:update'> {
  const token = form.token.trim();
  return { id, ...fieldsOf(form), token: token === '' ? null : token };
}

/** The Edit dialog's starting point: the instance as saved, with no token typed. */
export function formOfInstance(row: InstanceRow, caPem: string | null): InstanceForm {
  return {
    name: row.name,
    url: row.url,
    token: '',
    customer: row.customer ?? '',
    tags: row.tags.join(', '),
    caPem: caPem?.trim() ?? '',
    allowHttp: row.allowHttp,
  };
}

/** Whether saving tests the connection: a new address, token or CA, or plain HTTP newly allowed (as main decides). */
export function connectionChanged(saved: InstanceForm, form: InstanceForm): boolean {
  const httpAllowedNow = form.allowHttp && !saved.allowHttp && isPlainHttpAddress(form.url);
  return (
    form.token.trim() !== '' ||
    saved.url.trim() !== form.url.trim() ||
    saved.caPem.trim() !== form.caPem.trim() ||
    httpAllowedNow
  );
}
