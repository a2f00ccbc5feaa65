import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import type {
  AuthentikTimeline,
  ExpiryDateKind,
  OverCapacityDateKind,
} from '../../../shared/instances/instance-timeline';
import type { AuthentikRules } from '../../../shared/license/authentik-rules';
import type { ChartMarker, MarkerTone, TimelineChartData } from '../../ui/timeline-chart/chart-data';

const EXPIRY_MARKERS: Record<ExpiryDateKind, { label: string; tone: MarkerTone }> = {
  expiry_soon: { label: 'Expiring soon', tone: 'warn' },
  expired: { label: 'Expiry', tone: 'warn' },
  not_valid: { label: 'Expiry: not valid', tone: 'bad' },
  seats_lapse: { label: 'Expiry: admin banner', tone: 'warn' },
  admin_banner: { label: 'Admin banner', tone: 'warn' },
  user_banner: { label: 'User banner', tone: 'bad' },
  read_only: { label: 'Read-only', tone: 'bad' },
  read_only_capacity: { label: 'Read-only', tone: 'bad' },
};

const CAPACITY_MARKERS: Record<OverCapacityDateKind, { label: string; tone: MarkerTone }> = {
  admin_banner: { label: 'Over seats: admin banner', tone: 'warn' },
  user_banner: { label: 'Over seats: user banner', tone: 'bad' },
  read_only: { label: 'Over seats: read-only', tone: 'bad' },
};

/** authentik's enforcement steps as markers: after the last expiry, and while the users exceed the seats. */
function markersOf(authentik: AuthentikTimeline): ChartMarker[] {
  const expiry = authentik.expiry.map((date) => ({
    id: `expiry-${date.kind}`,
    ...EXPIRY_MARKERS[date.kind],
    at: date.at,
    estimate: date.atTheLatest ? { earliest: null } : null,
    readOnly: date.kind === 'read_only' || date.kind === 'read_only_capacity',
  }));
  const { overCapacity, readOnly } = authentik;
  if (overCapacity === null) return expiry;
  if (overCapacity.outlook.atOnce === 'yes' && readOnly !== null && readOnly.cause === 'over_capacity') {
    return [
      ...expiry,
      {
        id: 'capacity-read_only',
        ...CAPACITY_MARKERS.read_only,
        at: readOnly.at,
        estimate: { earliest: null },
        readOnly: true,
      },
    ];
  }
  const capacity = overCapacity.steps.map((step) => ({
    id: `capacity-${step.kind}`,
    ...CAPACITY_MARKERS[step.kind],
    at: step.at,
    estimate: step.earliest === step.at ? null : { earliest: step.earliest },
    readOnly: step.kind === 'read_only',
  }));
  return [...expiry, ...capacity];
}

/**
 * What the instance page's chart draws: every installed license with its seats counted as the instance's
 * release counts them (as the licensed-seats meter, which shows authentik's own total), today's internal
 * users with authentik's forecast, and authentik's enforcement steps.
 */
export function instanceChartData(
  detail: InstanceDetail,
  authentik: AuthentikTimeline,
  rules: AuthentikRules,
  now: number,
): TimelineChartData {
  const { usage } = detail.instance;
  const { forecast } = detail;
  return {
    now,
    licenses: detail.licenses.map((license) => ({
      name: license.name,
      expiresAt: Date.parse(license.expiry),
      internalUsers: license.internalUsers,
      externalUsers: license.externalUsers,
    })),
    expiredSeatsCount: rules.expiredSeatsCount,
    users:
      usage === null
        ? null
        : {
            today: usage.internalUsers,
            inAYear: forecast === null ? null : usage.internalUsers + forecast.forecastedInternalUsers,
          },
    markers: markersOf(authentik),
  };
}
