import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import type { Api } from '../../../shared/ipc/api';
import type { ChannelName } from '../../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { CHECK_NAMES } from '../../../shared/license/verdict';
import type { Result } from '../../../shared/ipc/result';
import type { PortalLicense } from '../../../renderer/features/portal-licenses/queries';
import { fleetRow } from './instance-rows';

export const ORG = '11111111-1111-4111-8111-111111111111';
export const INSTANCE = '22222222-2222-4222-8222-222222222222';
export const INSTALL_ID = '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44';
export const LICENSE = '33333333-3333-4333-8333-333333333333';
export const PLAN = '44444444-4444-4444-8444-444444444444';
export const FINGERPRINT = `sha256:${'ab'.repeat(32)}`;

type Answer<C extends ChannelName> = (
  input: ChannelInput<C>,
) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>;
export type Answers = { [C in ChannelName]?: Answer<C> };

/** Main as the stores see it: answers per channel, and a record of every request sent. */
export function scriptedMain(answers: Answers) {
  const sent: { channel: ChannelName; input: unknown }[] = [];
  const client: Api = {
    invoke: (async (channel: ChannelName, input: unknown) => {
      sent.push({ channel, input });
      const answer = answers[channel] as ((input: unknown) => unknown) | undefined;
      if (answer === undefined) throw new Error(`no answer scripted for ${channel}`);
      return answer(input);
    }) as Api['invoke'],
    on: () => () => undefined,
  };
  const channels = (): ChannelName[] => sent.map((request) => request.channel);
  return { client, sent, answers, channels };
}

export const ok = <T>(value: T) => ({ ok: true as const, value });

/** A promise the test settles when it wants: an answer still on its way. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** The saved instance the licenses tests buy for: a healthy, refreshed dashboard row with its own id, address, Install ID, seats and usage. */
export const ROW: InstanceRow = fleetRow('Primary', {
  id: INSTANCE,
  url: 'https://auth.example.com',
  version: '2026.8.3',
  installId: INSTALL_ID,
  latestValid: '2027-01-01T00:00:00.000Z',
  licensed: { internalUsers: 50, externalUsers: 100 },
  usage: { internalUsers: 40, externalUsers: 300 },
});

export function detailOf(forecast: InstanceDetail['forecast']): InstanceDetail {
  return {
    instance: ROW,
    readAt: '2026-11-29T09:00:00.000Z',
    previousInstallId: null,
    caPem: null,
    hasToken: true,
    forecast,
    cachedSummary: null,
    licenses: [],
    clockSkewMs: 0,
    overCapacitySince: null,
    overCapacityOutlook: null,
    warnings: [],
    notes: [],
  };
}

export function licenseOf(change: Partial<PortalLicense> = {}): PortalLicense {
  return {
    id: LICENSE,
    nickname: 'Primary',
    install_id: INSTALL_ID,
    internal_users: 55,
    external_users: 300,
    expires_at: '2027-11-29T09:00:00.000Z',
    status: 'active',
    key_fingerprint: FINGERPRINT,
    previous_key_fingerprint: null,
    instances: [{ instanceId: INSTANCE, instanceName: 'Primary', renewedNotInstalled: true, lastReadProblem: null }],
    ...change,
  };
}

/** The signed-in account that places the orders and renewals (the active one then). */
export const ACCOUNT = 'user-1@portal.example.com';

/** The checkout page the portal gives for LICENSE's order. */
export const CHECKOUT_URL = 'http://127.0.0.1:4000/checkout/1';

/** The plans on sale in the purchase tests. */
export const PLANS = [
  {
    id: PLAN,
    name: 'Enterprise, billed yearly (EUR)',
    billing_period: 'year' as const,
    price_per_internal_user: 6000,
    price_per_external_user: 50,
    currency: 'EUR',
  },
];
/** ROW's users now and forecast a year out. */
export const FORECAST = {
  internalUsers: 40,
  externalUsers: 300,
  forecastedInternalUsers: 55,
  forecastedExternalUsers: 250,
};

/**
 * Main as a purchase sees it: ROW saved, with FORECAST; PLANS on sale; no licenses yet; a checkout
 * answered with LICENSE, which stays unpaid; the instance unreachable for a preflight. `answers` replace any.
 */
export function purchaseAnswers(answers: Answers = {}): Answers {
  return {
    'instances:list': () => ok({ instances: [ROW], dataNotices: [] }),
    'instances:detail': () => ok(detailOf(FORECAST)),
    'portal:list-plans': () => ok({ plans: PLANS }),
    'portal:list-licenses': () => ok({ licenses: [] }),
    'portal:list-pending-installs': () => ok({ pending: [], uncompared: [], accountProblems: [] }),
    'portal:checkout': () =>
      ok({ licenseId: LICENSE, checkoutUrl: CHECKOUT_URL, accountId: ACCOUNT, opened: true, openProblem: null }),
    'portal:get-license': () =>
      ok({ license: licenseOf({ status: 'pending_payment', expires_at: null, key_fingerprint: null }) }),
    'portal:preflight-license-install': () => ({
      ok: false,
      error: { code: 'connection_failed', message: 'The instance did not answer.' },
    }),
    ...answers,
  };
}

/**
 * main's preflight of LICENSE's key against ROW: genuine, for this instance, safe to send; `replaces` is
 * the installed license a renewal would replace there (main finds it), or null.
 */
export function preflightOf(
  replaces: ChannelOutput<'portal:preflight-license-install'>['replaces'],
): ChannelOutput<'portal:preflight-license-install'> {
  return {
    action: 'send',
    reason: null,
    message: 'The key is genuine and for this instance; nothing has been sent yet.',
    warnings: [],
    verdict: {
      valid: true,
      reason: 'ok',
      message: ['valid'],
      checks: CHECK_NAMES.map((name) => ({ name, ok: true, detail: ['pass'] })),
      claims: {
        name: 'Primary',
        installId: INSTALL_ID,
        internalUsers: 55,
        externalUsers: 300,
        licenseFlags: [],
        expiresAt: '2027-11-29T09:00:00.000Z',
      },
      claimsVerified: true,
      fingerprint: FINGERPRINT,
      certificates: [],
      ladder: null,
      evaluatedAt: '2026-11-29T09:00:00.000Z',
    },
    otherInstance: null,
    usage: { internalUsers: 40, externalUsers: 300 },
    capacityNow: { internalUsers: 50, externalUsers: 100 },
    capacityAfter: { internalUsers: replaces === null ? 105 : 55, externalUsers: replaces === null ? 400 : 300 },
    cumulativeExpiryNow: '2027-01-01T00:00:00.000Z',
    cumulativeExpiryAfter: '2027-11-29T09:00:00.000Z',
    latestValidNow: '2027-01-01T00:00:00.000Z',
    latestValidAfter: '2027-11-29T09:00:00.000Z',
    overCapacity: null,
    replaces,
  };
}
