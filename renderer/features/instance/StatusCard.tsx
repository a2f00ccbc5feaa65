import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { toIsoUtc } from '../../../shared/time/iso';
import { guideCapacities, guideInstanceTimeline } from '../../../shared/instances/instance-timeline';
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
import { When } from '../../ui/When';
import { TechnicalDetails } from '../../ui/TechnicalDetails';
import { seatsDifference } from './capacity';
import { ForecastTable } from './ForecastTable';

/** What a status means (authentik's banner) and what to do about it; no advice when it is Valid (nothing to do). */
function StatusAdvice({ kind, label }: { kind: StatusKind; label: string | null }) {
  if (kind === 'valid' && label === null) return null;
  return (
    <div className="status-advice" data-status={kind}>
      {label !== null && <h4>{label}</h4>}
      <p>
        <strong>What it means:</strong> {STATUS_MEANINGS[kind]}
      </p>
      {kind !== 'valid' && (
        <p>
          <strong>What to do:</strong> {STATUS_ADVICE[kind]}
        </p>
      )}
    </div>
  );
}

/** The expiry to act on: authentik's combined expiry, the date its status follows. */
function ExpiryToActOn({ latestValid, now }: { latestValid: string | null; now: number }) {
  if (latestValid === null) return <>none: no license is installed</>;
  const passed = Date.parse(latestValid) <= now;
  return (
    <span className={passed ? 'text-bad' : undefined}>
      {passed ? 'Expired ' : ''}
      <When at={latestValid} now={now} />
    </span>
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
  const guide = guideInstanceTimeline(guideCapacities(detail.licenses), now).cumulativeExpiry;
  const cumulative = guide === null ? null : toIsoUtc(guide.at);
  const seats = seatsDifference(detail, now);
  return (
    <section className="panel status-card" aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      {lastKnownAt !== null ? (
        <p className="hint">
          The last known status, read <When at={lastKnownAt} style="ago" now={now} />:{' '}
          {readFailed(detail) ? 'the latest read failed' : 'not read in this session yet'}.
        </p>
      ) : (
        readFailed(detail) &&
        detail.readAt !== null && (
          <p className="hint">
            As read <When at={detail.readAt} style="ago" now={now} />: the latest read failed.
          </p>
        )
      )}
      {difference !== null ? (
        <>
          <dl className="status-pair">
            <dt>
              {lastKnownAt === null ? (
                'Live (computed now)'
              ) : (
                <>
                  Live (as read <When at={lastKnownAt} style="ago" now={now} />)
                </>
              )}
            </dt>
            <dd>
              <StatusValueBadge
                status={instance.status}
                state={instance.state}
                lastKnownAt={lastKnownAt}
                readFailed={readFailed(detail)}
              />
            </dd>
            <dt>Cached (what authentik enforces)</dt>
            <dd>
              <StatusValueBadge
                status={instance.statusCached}
                state={instance.state}
                lastKnownAt={lastKnownAt}
                readFailed={readFailed(detail)}
              />
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
              readFailed={readFailed(detail)}
            />
            {instance.status !== null && instance.statusCached !== null && (
              <span className="muted"> live and cached agree</span>
            )}
          </p>
          <StatusAdvice kind={instance.status === null ? cached : live} label={null} />
        </>
      )}
      <dl className="instance-facts">
        <dt>Expiry to act on</dt>
        <dd>
          <ExpiryToActOn latestValid={instance.latestValid} now={now} />{' '}
          <span className="muted">(authentik’s: its status follows this date)</span>
        </dd>
        {detail.readAt !== null && (
          <>
            <dt>Product guide’s cumulative expiry</dt>
            <dd>
              {cumulative === null ? (
                <span className="muted">none: no unexpired license is valid for this Install ID</span>
              ) : (
                <>
                  <When at={cumulative} now={now} />{' '}
                  <span className="muted">(the first unexpired license runs out and the seats step down)</span>
                </>
              )}
            </dd>
          </>
        )}
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
      <h3>Users against licensed seats (as authentik counts them)</h3>
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
      {seats !== null && (
        <p className="hint status-card__seats-difference">
          authentik counts {seats.authentik.internalUsers.toLocaleString()} internal and{' '}
          {seats.authentik.externalUsers.toLocaleString()} external seats; “Licensed seats over time” below counts{' '}
          {seats.guide.internalUsers.toLocaleString()} and {seats.guide.externalUsers.toLocaleString()}, as the product
          guide does: only unexpired licenses valid for this Install ID.
          {seats.reasons.length > 0 && <> authentik also counts {seats.reasons.join(' and ')}.</>}
        </p>
      )}
      <ForecastTable forecast={detail.forecast} licensed={instance.licensed} />
      <TechnicalDetails>
        <dl className="instance-facts">
          <dt>Live status</dt>
          <dd>
            <code>{instance.status ?? 'none'}</code>
          </dd>
          <dt>Cached status</dt>
          <dd>
            <code>{instance.statusCached ?? 'none'}</code>
          </dd>
          <dt>Combined expiry</dt>
          <dd>
            <code>latest_valid = {instance.latestValid ?? 'null'}</code>
          </dd>
        </dl>
      </TechnicalDetails>
    </section>
  );
}
