import { licenseUpdateSchema } from '../../shared/portal/schemas/licenses';

/** Why `nickname` cannot name a license, by the portal's own rule, or null when it can. */
export function nameProblem(nickname: string): string | null {
  const parsed = licenseUpdateSchema.shape.nickname.safeParse(nickname);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Give the license a name of 1 to 100 characters');
}
