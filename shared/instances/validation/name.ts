/** The longest instance name the app saves; the dashboard, lists and exports are laid out for it. */
const NAME_MAX_LENGTH = 100;

/** Control characters never belong in a name: they break lists, CSV exports and terminals. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export const NAME_MESSAGES = {
  missing: 'Give the instance a name, such as the customer and environment.',
  tooLong: `Keep the name to ${NAME_MAX_LENGTH} characters.`,
  control: 'Leave tabs, line breaks and other control characters out of the name.',
} as const;

/** Why `name` (as typed; it is saved trimmed) cannot name an instance, or null when it can. */
export function instanceNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return NAME_MESSAGES.missing;
  if (trimmed.length > NAME_MAX_LENGTH) return NAME_MESSAGES.tooLong;
  return CONTROL.test(trimmed) ? NAME_MESSAGES.control : null;
}

/** What names are compared by: trimmed, NFC-normalised, lower case, so "Prod" and "prod " are one name. */
export function instanceNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/** Names are unique among saved instances; the message repeats the name as the person typed it. */
export function nameTakenMessage(name: string): string {
  return `An instance named “${name.trim()}” already exists; choose another name (names are compared ignoring case).`;
}

/** Why `name` cannot be used next to `otherNames` (the other saved instances'), or null when it is free. */
export function nameTakenProblem(name: string, otherNames: Iterable<string>): string | null {
  const key = instanceNameKey(name);
  for (const other of otherNames) if (instanceNameKey(other) === key) return nameTakenMessage(name);
  return null;
}
