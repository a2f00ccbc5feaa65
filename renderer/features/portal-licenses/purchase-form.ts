import type { InstanceRow } from '../../../shared/instances/instance-row';
import { checkoutCreateSchema, type CheckoutCreate } from '../../../shared/portal/schemas/checkout';
import { installIdProblem, MIN_USERS, userCountProblem, type UserKind } from '../../../shared/portal/validation';

/** The instance choice that means "I type the Install ID myself". */
export const TYPED_INSTALL_ID = 'typed';

/** "Purchase a license", as typed: user counts stay text until sent, so a half-typed number is kept as is. */
export interface PurchaseForm {
  /** A saved instance's id, TYPED_INSTALL_ID, or '' before a choice. */
  instanceId: string;
  /** The Install ID typed when `instanceId` is TYPED_INSTALL_ID. */
  installId: string;
  planId: string;
  nickname: string;
  internalUsers: string;
  externalUsers: string;
}

export type PurchaseField = keyof PurchaseForm;
export type PurchaseFormProblems = Partial<Record<PurchaseField, string>>;

export const EMPTY_PURCHASE_FORM: PurchaseForm = {
  instanceId: '',
  installId: '',
  planId: '',
  nickname: '',
  internalUsers: '',
  externalUsers: '',
};

/** The checkout request's field names (the portal's 422 `fields` keys) and the form field each belongs to. */
const REQUEST_FIELDS: Record<string, PurchaseField> = {
  plan: 'planId',
  name: 'nickname',
  install_id: 'instanceId',
  internal_users: 'internalUsers',
  external_users: 'externalUsers',
};

/** A whole number as typed, or NaN (which every count rule refuses). */
function count(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The Install ID the order is for: the chosen instance's (as last read) or the typed one. */
function orderInstallId(form: PurchaseForm, rows: readonly InstanceRow[]): string | null {
  if (form.instanceId === TYPED_INSTALL_ID) return form.installId.trim();
  return rows.find((row) => row.id === form.instanceId)?.installId ?? null;
}

/** Why the form cannot be sent, by the rules the portal enforces (shared/portal), before anything is sent. */
export function purchaseFormProblems(form: PurchaseForm, rows: readonly InstanceRow[]): PurchaseFormProblems {
  const problems: PurchaseFormProblems = {};
  if (form.instanceId === '') problems.instanceId = 'Choose the instance the license is for, or type its Install ID';
  else if (form.instanceId === TYPED_INSTALL_ID) {
    const problem = installIdProblem(form.installId.trim());
    if (problem !== null) problems.installId = problem;
  } else if (orderInstallId(form, rows) === null) {
    problems.instanceId =
      'This instance has not been read yet, so its Install ID is not known: refresh it on the Instances screen, or type the Install ID';
  }
  if (form.planId === '') problems.planId = 'Choose a plan';
  const name = checkoutCreateSchema.shape.name.safeParse(form.nickname);
  if (!name.success) problems.nickname = name.error.issues[0]?.message ?? 'Give the license a name';
  const internal = userCountProblem(count(form.internalUsers), 'internal');
  if (internal !== null) problems.internalUsers = internal;
  const external = userCountProblem(count(form.externalUsers), 'external');
  if (external !== null) problems.externalUsers = external;
  return problems;
}

/** The checkout request for a form without problems. */
export function checkoutOrderOf(form: PurchaseForm, rows: readonly InstanceRow[]): CheckoutCreate {
  return {
    plan: form.planId,
    name: form.nickname.trim(),
    install_id: orderInstallId(form, rows) ?? '',
    internal_users: count(form.internalUsers),
    external_users: count(form.externalUsers),
  };
}

/** The portal's 422 field messages placed on the form's fields; a message for any other field goes to `other`. */
export function purchaseServerProblems(
  fields: Readonly<Record<string, string>>,
  form: PurchaseForm,
): { problems: PurchaseFormProblems; other: string[] } {
  const problems: PurchaseFormProblems = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(fields)) {
    const key = REQUEST_FIELDS[field];
    if (key === undefined) other.push(message);
    // A typed Install ID's problem belongs under the field it was typed in.
    else problems[key === 'instanceId' && form.instanceId === TYPED_INSTALL_ID ? 'installId' : key] = message;
  }
  return { problems, other };
}

/**
 * What a saved instance's forecast suggests ordering: the users it has today plus the growth authentik
 * forecasts in a year (`forecasted_*_users` is growth, as the instance page's "Forecast added" shows),
 * so the order covers the "In a year" users the instance page forecasts.
 */
export interface SeatSuggestion {
  internalNow: number;
  internalGrowth: number;
  internal: number;
  externalNow: number;
  externalGrowth: number;
  external: number;
}

export function seatSuggestion(forecast: {
  internalUsers: number;
  externalUsers: number;
  forecastedInternalUsers: number;
  forecastedExternalUsers: number;
}): SeatSuggestion {
  const internalGrowth = Math.max(0, forecast.forecastedInternalUsers);
  const externalGrowth = Math.max(0, forecast.forecastedExternalUsers);
  return {
    internalNow: forecast.internalUsers,
    internalGrowth,
    // The portal takes at least one user of each kind per order.
    internal: Math.max(forecast.internalUsers + internalGrowth, MIN_USERS.internal),
    externalNow: forecast.externalUsers,
    externalGrowth,
    external: Math.max(forecast.externalUsers + externalGrowth, MIN_USERS.external),
  };
}

/** The suggestion for this kind is the portal's minimum, above today's users plus the forecast growth. */
export function suggestedAtPortalMinimum(suggestion: SeatSuggestion, kind: UserKind): boolean {
  return kind === 'internal'
    ? suggestion.internal > suggestion.internalNow + suggestion.internalGrowth
    : suggestion.external > suggestion.externalNow + suggestion.externalGrowth;
}

function users(count: number): string {
  return `${count.toLocaleString()} user${count === 1 ? '' : 's'}`;
}

/** "24 suggested: 12 users today + 12 forecast growth in a year", or the portal's minimum when that is more. */
export function seatReasoningWords(suggestion: SeatSuggestion, kind: UserKind): string {
  const now = kind === 'internal' ? suggestion.internalNow : suggestion.externalNow;
  const growth = kind === 'internal' ? suggestion.internalGrowth : suggestion.externalGrowth;
  const minimum = suggestedAtPortalMinimum(suggestion, kind) ? ', the portal’s minimum' : '';
  return `${suggestion[kind].toLocaleString()} suggested${minimum}: ${users(now)} today + ${growth.toLocaleString()} forecast growth in a year`;
}

/**
 * The form as the person sees it: the first plan until they choose one, and the counts the chosen
 * instance's forecast suggests until they type their own (a late forecast leaves typed numbers alone).
 */
export function shownForm(
  draft: PurchaseForm,
  countsTyped: boolean,
  suggestion: SeatSuggestion | null,
  firstPlanId: string | null,
): PurchaseForm {
  const planId = draft.planId === '' ? (firstPlanId ?? '') : draft.planId;
  const counts =
    countsTyped || suggestion === null
      ? {}
      : { internalUsers: String(suggestion.internal), externalUsers: String(suggestion.external) };
  return { ...draft, planId, ...counts };
}

/** The portal's field messages that still stand: a field's own goes once it is edited after the order was sent. */
export function standingServerProblems(
  problems: PurchaseFormProblems,
  edited: readonly PurchaseField[],
): PurchaseFormProblems {
  const gone = new Set<string>(edited);
  // Choosing another instance (or typing an Install ID) answers the portal's Install ID problem too.
  if (gone.has('instanceId') || gone.has('installId')) gone.add('instanceId').add('installId');
  return Object.fromEntries(Object.entries(problems).filter(([field]) => !gone.has(field)));
}

/** Problems the person sees: the form's own once Continue was pressed, and the portal's until edited. */
export function visiblePurchaseProblems(
  form: PurchaseForm,
  rows: readonly InstanceRow[],
  attempted: boolean,
  server: PurchaseFormProblems,
): PurchaseFormProblems {
  return { ...(attempted ? purchaseFormProblems(form, rows) : {}), ...server };
}
