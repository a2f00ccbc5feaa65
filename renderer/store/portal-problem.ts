/** A failed portal call as the screens use it: the code to branch on, words to show, and a 422's field messages. */
export interface PortalProblem {
  code: string;
  message: string;
  /** The portal's message per request field (422), keyed as the request names them (`notification_email`). */
  fields: Readonly<Record<string, string>>;
}

/**
 * What to show when the portal refused `action`: its own words (they say why: "Only an Owner of Acme
 * Corp can invite members…"), with what to do when they may not. Never a status code alone.
 */
export function refusalWords(problem: PortalProblem, action: string): string {
  switch (problem.code) {
    case 'forbidden':
      return `The portal refused to ${action}: ${problem.message}`;
    case 'conflict':
      return `The portal did not ${action}: ${problem.message}`;
    case 'not_signed_in':
      return `Could not ${action}: ${problem.message} The account menu at the top signs you in.`;
    default:
      return `Could not ${action}: ${problem.message}`;
  }
}
