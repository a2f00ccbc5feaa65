import type { InstanceRow } from '../../shared/instances/instance-row';
import { isPlainHttpElsewhere } from '../../shared/instances/plain-http';
import type { ChannelInput } from '../../shared/ipc/contract';
import type { CaView } from './ca-reader';

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

export const EMPTY_INSTANCE_FORM: InstanceForm = { name: '', url: '', token: '', customer: '', tags: '', caPem: '', allowHttp: false };

export type InstanceFormField = keyof InstanceForm;
export type InstanceFormProblems = Partial<Record<InstanceFormField, string>>;

/** Whether the form must carry a token: always when adding; when editing, only if the vault holds none. */
export type TokenRule = 'required' | 'optional';

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 50;
const MAX_CA_BYTES = 64 * 1024;

/** "prod, eu-west, prod" → ["prod", "eu-west"]. */
export function parseTags(tags: string): string[] {
  return [...new Set(tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/** Whether the typed address is plain http:// to another computer, where the token would travel unencrypted. */
export function isPlainHttpAddress(text: string): boolean {
  const trimmed = text.trim();
  return URL.canParse(trimmed) && isPlainHttpElsewhere(new URL(trimmed));
}

function urlProblem(value: string, allowHttp: boolean): string | undefined {
  const text = value.trim();
  if (text === '') return 'Enter the address you open authentik at, like https://auth.example.com.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'This is not a web address. It starts with https:// (or http://), like https://auth.example.com.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The address starts with https:// (or http://), like https://auth.example.com.';
  if (url.hostname === '') return 'The address needs a host name, like https://auth.example.com.';
  if (url.username !== '' || url.password !== '') return 'Leave the user name and password out of the address; the API token signs in.';
  if (isPlainHttpElsewhere(url) && !allowHttp) {
    return 'This address is plain http://, so the API token would cross the network unencrypted. Use https://, or tick “Allow plain HTTP” below.';
  }
  return undefined;
}

/** Each field's problem in words, or none; `takenNames` are the other instances' names (any case). */
export function instanceFormProblems(form: InstanceForm, takenNames: ReadonlySet<string>, token: TokenRule): InstanceFormProblems {
  const problems: InstanceFormProblems = {};
  const name = form.name.trim();
  if (name === '') problems.name = 'Give the instance a name, such as the customer and environment.';
  else if (name.length > 100) problems.name = 'Keep the name to 100 characters.';
  else if (takenNames.has(name.toLowerCase())) problems.name = `An instance named “${name}” already exists; choose another name.`;
  const url = urlProblem(form.url, form.allowHttp);
  if (url !== undefined) problems.url = url;
  if (form.token.trim() === '') {
    if (token === 'required') problems.token = 'Paste an API token created in authentik (Directory → Tokens and App passwords).';
  } else if (form.token.trim().length > 4096) problems.token = 'An API token is far shorter than this; paste only the token.';
  if (form.customer.trim().length > 100) problems.customer = 'Keep the customer to 100 characters.';
  const tags = parseTags(form.tags);
  if (tags.length > MAX_TAGS) problems.tags = `Use at most ${MAX_TAGS} tags.`;
  else if (tags.some((tag) => tag.length > MAX_TAG_LENGTH)) problems.tags = `Keep each tag to ${MAX_TAG_LENGTH} characters.`;
  if (form.caPem.trim() !== '') {
    if (form.caPem.length > MAX_CA_BYTES) problems.caPem = 'A CA certificate is far smaller than 64 KiB; paste only the certificate(s).';
    else if (!form.caPem.includes('-----BEGIN CERTIFICATE-----')) problems.caPem = 'Paste a PEM certificate: text starting with -----BEGIN CERTIFICATE-----.';
  }
  return problems;
}

/** The problems with the CA's own reading added: text that looks like PEM but holds no readable certificate. */
export function withCaProblem(problems: InstanceFormProblems, form: InstanceForm, ca: CaView): InstanceFormProblems {
  return problems.caPem === undefined && ca.status === 'problem' && form.caPem.trim() !== '' ? { ...problems, caPem: ca.problem } : problems;
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
  return { name: row.name, url: row.url, token: '', customer: row.customer ?? '', tags: row.tags.join(', '), caPem: caPem?.trim() ?? '', allowHttp: row.allowHttp };
}

/** Whether saving tests the connection: a new address, token or CA, or plain HTTP newly allowed (as main decides). */
export function connectionChanged(saved: InstanceForm, form: InstanceForm): boolean {
  const httpAllowedNow = form.allowHttp && !saved.allowHttp && isPlainHttpAddress(form.url);
  return form.token.trim() !== '' || saved.url.trim() !== form.url.trim() || saved.caPem.trim() !== form.caPem.trim() || httpAllowedNow;
}
