import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { localDate, localDateTime, relativeDays } from '../../format/dates';
import { statusDifference } from '../../format/status-difference';
import { readFailed } from '../../queries/instance-detail';
import {
  FLAG_BANNERS,
  lastKnownAtOf,
  STATUS_ADVICE,
  STATUS_MEANINGS,
  STATUS_WORDS,
  statusKindOfValue,
  type StatusKind,
} from '../../store/instance-status';
import { FlagBadges } from '../../ui/FlagBadges';
import { StatusValueBadge } from '../../ui/StatusBadge';
import { UsageMeter } from '../../ui/UsageMeter';
import { ForecastTable } from './ForecastTable';

/** What a status means (authentik's banner) and what to do about it. */
function StatusAdvice({ kind, label }: { kind: StatusKind; label: string | null }) {
  return (
    <div className="status-advice" data-status={kind}>
      {label !== null && <h4>{label}</h4>}
      <p>
        <strong>What it means:</strong> {STATUS_MEANINGS[kind]}
      </p>
      <p>
        <strong>What to do:</strong> {STATUS_ADVICE[kind]}
      </p>
    </div>
  );
}

/** The server's combined expiry (`latest_valid`), with how far away it is. */
function CombinedExpiry({ latestValid, now }: { latestValid: string | null; now: number }) {
  if (latestValid === null) return <>none: no license is installed</>;
  const passed = Date.parse(latestValid) <= now;
  return (
    <>
      <time dateTime={latestValid} title={localDateTime(latestValid)}>
        {localDate(latestValid)}
      </time>{' '}
      <span className={passed ? 'text-bad' : undefined}>
        ({passed ? `expired ${relativeDays(latestValid, now)}` : relativeDays(latestValid, now)})
      </span>
    </>
  );
}

/** authentik's status, live and cached, what it means and what to do; users against seats; the forecast. */
export function StatusCard({ detail, now }: { detail: InstanceDetail; now: number }) {
  const { instance } = detail;
  const lastKnownAt = lastKnownAtOf(instance);
  const live = statusKindOfValue(instance.status, instance.state);
  const cached = statusKindOfValue(instance.statusCached, instance.state);
  const difference =
    instance.status !== null && instance.statusCached !== null && instance.status !== instance.statusCached
      ? statusDifference({
          live: instance.status,
          cached: instance.statusCached,
          latestValid: instance.latestValid,
          licensed: instance.licensed,
          usage: instance.usage,
          cachedSummary: detail.cachedSummary,
          readAt: detail.readAt,
          rules: authentikRules(instance.version),
        })
      : null;
  return (
    <section className="panel status-card" aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      {lastKnownAt !== null ? (
        <p className="hint">
          The last known status, as read at {localDateTime(lastKnownAt)}:{' '}
          {readFailed(detail) ? 'the latest read failed' : 'not read in this session yet'}.
        </p>
      ) : (
        readFailed(detail) &&
        detail.readAt !== null && (
          <p className="hint">As read at {localDateTime(detail.readAt)}: the latest read failed.</p>
        )
      )}
      {difference !== null ? (
        <>
          <dl className="status-pair">
            <dt>{lastKnownAt === null ? 'Live (computed now)' : `Live (as read at ${localDateTime(lastKnownAt)})`}</dt>
            <dd>
              <StatusValueBadge status={instance.status} state={instance.state} lastKnownAt={lastKnownAt} />
            </dd>
            <dt>Cached (what authentik enforces)</dt>
            <dd>
              <StatusValueBadge status={instance.statusCached} state={instance.state} lastKnownAt={lastKnownAt} />
            </dd>
          </dl>
          <p className="status-card__why">
            <strong>Why they differ:</strong> {difference.text} authentik enforces its cached status and recomputes it
            only when it records usage (at most every 8 hours): until then its banners and read-only mode follow “
            {STATUS_WORDS[cached]}”; afterwards they follow “{STATUS_WORDS[live]}”.
          </p>
          <StatusAdvice kind={cached} label={`Cached: ${STATUS_WORDS[cached]}`} />
          <StatusAdvice kind={live} label={`Live: ${STATUS_WORDS[live]}`} />
        </>
      ) : (
        <>
          <p className="status-card__badge">
            <StatusValueBadge
              status={instance.status ?? instance.statusCached}
              state={instance.state}
              lastKnownAt={lastKnownAt}
            />
            {instance.status !== null && instance.statusCached !== null && (
              <span className="muted"> live and cached agree</span>
            )}
          </p>
          <StatusAdvice kind={instance.status === null ? cached : live} label={null} />
        </>
      )}
      <dl className="instance-facts">
        <dt>Combined expiry</dt>
        <dd>
          <CombinedExpiry latestValid={instance.latestValid} now={now} />{' '}
          <span className="muted">(the server’s latest_valid)</span>
        </dd>
        <dt>Flags</dt>
        <dd>
          <FlagBadges flags={instance.flags} />
          {[...new Set(instance.flags)].map((flag) =>
            FLAG_BANNERS[flag] === undefined ? null : (
              <span key={flag} className="hint status-card__flag">
                {FLAG_BANNERS[flag]}
              </span>
            ),
          )}
        </dd>
      </dl>
      <h3>Users against licensed seats</h3>
      <div className="status-card__usage">
        <div>
          <span className="usage-label">Internal users</span>
          <UsageMeter
            used={instance.usage?.internalUsers ?? null}
            licensed={instance.licensed?.internalUsers ?? null}
            noun="Internal users"
          />
        </div>
        <div>
          <span className="usage-label">External users</span>
          <UsageMeter
            used={instance.usage?.externalUsers ?? null}
            licensed={instance.licensed?.externalUsers ?? null}
            noun="External users"
          />
        </div>
      </div>
      <ForecastTable forecast={detail.forecast} licensed={instance.licensed} />
    </section>
  );
}
