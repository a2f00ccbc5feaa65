/** A UUID in its 8-4-4-4-12 hex form, any case (authentik shows lower case). */
export const INSTALL_ID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const INSTALL_ID_MESSAGE =
  'An Install ID is a UUID, like 6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44; authentik shows it on its Enterprise → Licenses page under Install';

/** Why `value` is not an Install ID, or null when it is one. */
export function installIdProblem(value: string): string | null {
  return INSTALL_ID_PATTERN.test(value) ? null : INSTALL_ID_MESSAGE;
}
