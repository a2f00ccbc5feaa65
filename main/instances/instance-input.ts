import {
  apiTokenProblem,
  checkInstanceAddress,
  instanceNameProblem,
  isPlainHttpAddress,
  plainHttpProblem,
} from '../../shared/instances/validation';
import { INSTANCE_RECORD_SCHEMA } from '../registry/instance-record';
import { caPemProblem } from './ca-pem';
import { InstanceServiceError } from './instance-service-error';

export function validName(name: string): string {
  const problem = instanceNameProblem(name);
  if (problem !== null) throw new InstanceServiceError('invalid_name', problem);
  return name.trim();
}

/** An instance address: http(s), no credentials; query and fragment dropped, no trailing slash. */
export function normalizeInstanceUrl(text: string): string {
  const checked = checkInstanceAddress(text);
  if (!checked.ok) throw new InstanceServiceError('invalid_url', checked.problem);
  return checked.address;
}

export function validToken(token: string): string {
  const problem = apiTokenProblem(token);
  if (problem !== null) throw new InstanceServiceError('invalid_token', problem);
  return token.trim();
}

/** One or more PEM certificates, each parsed; returned trimmed with one final newline. */
export function validCaPem(text: string): string {
  const problem = caPemProblem(text);
  if (problem !== null) throw new InstanceServiceError('invalid_ca', problem);
  return `${text.trim()}\n`;
}

export function validCustomer(customer: string | null | undefined): string | null {
  const trimmed = customer?.trim() ?? '';
  if (trimmed === '') return null;
  const checked = INSTANCE_RECORD_SCHEMA.shape.customer.safeParse(trimmed);
  if (!checked.success)
    throw new InstanceServiceError(
      'invalid_customer',
      `The customer cannot be used: ${checked.error.issues[0]?.message ?? 'invalid'}.`,
    );
  return trimmed;
}

export function validTags(tags: readonly string[] | undefined): string[] {
  const kept = [...new Set((tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  const checked = INSTANCE_RECORD_SCHEMA.shape.tags.safeParse(kept);
  if (!checked.success)
    throw new InstanceServiceError(
      'invalid_tags',
      `A tag cannot be used: ${checked.error.issues[0]?.message ?? 'invalid'}.`,
    );
  return kept;
}

/**
 * Whether plain HTTP is allowed for `url`: only where it matters (http:// to another computer), and there
 * only when the person said so; such an address without their permission is refused before anything is sent.
 */
export function validAllowHttp(url: string, allowHttp: boolean): boolean {
  const problem = plainHttpProblem(url, allowHttp, 'dialog');
  if (problem !== null) throw new InstanceServiceError('invalid_url', problem);
  return allowHttp && isPlainHttpAddress(url);
}
