import { X509Certificate } from 'node:crypto';
import { isPlainHttpElsewhere } from '../../shared/instances/plain-http';
import { INSTANCE_RECORD_SCHEMA } from '../registry/instance-record';
import { InstanceServiceError } from './instance-service-error';

// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f]/;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InstanceServiceError('invalid_name', 'Give the instance a name.');
  const problem = INSTANCE_RECORD_SCHEMA.shape.name.safeParse(trimmed);
  if (!problem.success) throw new InstanceServiceError('invalid_name', `The name cannot be used: ${problem.error.issues[0]?.message ?? 'invalid'}.`);
  return trimmed;
}

/** An instance address: http(s), no credentials; query and fragment dropped, no trailing slash. */
export function normalizeInstanceUrl(text: string): string {
  const trimmed = text.trim();
  if (!URL.canParse(trimmed)) throw new InstanceServiceError('invalid_url', 'The URL is not valid; give the instance address as https://host[:port][/path].');
  const url = new URL(trimmed);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InstanceServiceError('invalid_url', `The URL must start with https:// or http://, not ${url.protocol}//.`);
  if (url.username !== '' || url.password !== '') throw new InstanceServiceError('invalid_url', 'The URL must not contain a user name or password; the API token authenticates.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function validToken(token: string): string {
  const trimmed = token.trim();
  if (trimmed === '') throw new InstanceServiceError('invalid_token', 'Give an API token: create one in authentik under Directory → Tokens with the intent "API".');
  if (CONTROL_OR_SPACE.test(trimmed)) throw new InstanceServiceError('invalid_token', 'The API token contains spaces or line breaks; copy it again from Directory → Tokens.');
  return trimmed;
}

/** One or more PEM certificates, each parsed; returned trimmed with one final newline. */
export function validCaPem(text: string): string {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new InstanceServiceError('invalid_ca', 'The CA is not a PEM certificate: it must contain -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----.');
  for (const [index, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch {
      throw new InstanceServiceError('invalid_ca', `The CA's ${blocks.length > 1 ? `certificate ${index + 1}` : 'certificate'} cannot be read; paste the PEM file again.`);
    }
  }
  return `${text.trim()}\n`;
}

export function validCustomer(customer: string | null | undefined): string | null {
  const trimmed = customer?.trim() ?? '';
  if (trimmed === '') return null;
  const checked = INSTANCE_RECORD_SCHEMA.shape.customer.safeParse(trimmed);
  if (!checked.success) throw new InstanceServiceError('invalid_customer', `The customer cannot be used: ${checked.error.issues[0]?.message ?? 'invalid'}.`);
  return trimmed;
}

export function validTags(tags: readonly string[] | undefined): string[] {
  const kept = [...new Set((tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  const checked = INSTANCE_RECORD_SCHEMA.shape.tags.safeParse(kept);
  if (!checked.success) throw new InstanceServiceError('invalid_tags', `A tag cannot be used: ${checked.error.issues[0]?.message ?? 'invalid'}.`);
  return kept;
}

/**
 * Whether plain HTTP is allowed for `url`: only where it matters (http:// to another computer), and there
 * only when the person said so; such an address without their permission is refused before anything is sent.
 */
export function validAllowHttp(url: string, allowHttp: boolean): boolean {
  if (!isPlainHttpElsewhere(new URL(url))) return false;
  if (!allowHttp) {
    throw new InstanceServiceError(
      'invalid_url',
      `${url} is plain http://, so the API token would cross the network unencrypted. Use the instance's https:// address, or tick "Allow plain HTTP" to send it this way anyway.`,
    );
  }
  return true;
}
