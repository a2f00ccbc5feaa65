import type { InstanceDetail, InstalledLicenseView } from '../../../shared/instances/instance-detail';
import { daysLeft } from '../../../shared/time/days-left';
import { localDate, localDateTime, relativeDays } from '../../format/dates';
import { useInstanceScreen } from './instance-screen';
import type { InstanceActions } from './instance-slots';
import { useCopyFingerprint } from './mutations';
import { FlagBadges } from '../../ui/FlagBadges';
import { REASON_TITLES } from '../../ui/check-words';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { DatedText } from '../../ui/DatedText';

const SOON_DAYS = 30;

const LICENSE_COLUMNS = [
  'License',
  'Internal users',
  'External users',
  'Expiry',
  'Offline check',
  'Fingerprint',
  'Flags',
];

/** As authentik's license table: orange within 30 days, red once expired; said in words too. */
function LicenseExpiry({ expiry, now }: { expiry: string; now: number }) {
  const at = Date.parse(expiry);
  const tone = at <= now ? 'bad' : daysLeft(at, now) < SOON_DAYS ? 'warn' : 'plain';
  return (
    <span className="expiry" data-tone={tone}>
      <time dateTime={expiry} title={localDateTime(expiry)}>
        {localDate(expiry)}
      </time>
      <span className={`expiry__distance expiry__distance--${tone}`}>
        {tone === 'bad'
          ? `Expired ${relativeDays(expiry, now)}`
          : tone === 'warn'
            ? `Expires soon, ${relativeDays(expiry, now)}`
            : relativeDays(expiry, now)}
      </span>
    </span>
  );
}

const reasonTitle = (reason: string): string => (REASON_TITLES as Record<string, string | undefined>)[reason] ?? reason;

/**
 * The key checked offline against this instance's Install ID by the instance's clock (authentik judges by
 * its own), with the reason in words; and by this computer's clock too when that gives another answer.
 */
function OfflineVerdict({
  verdict,
  byLocalClock,
}: {
  verdict: InstalledLicenseView['verdict'];
  byLocalClock: InstalledLicenseView['verdictByLocalClock'];
}) {
  return (
    <span className={`verdict-cell verdict-cell--${verdict.valid ? 'ok' : 'bad'}`} data-reason={verdict.reason}>
      <span className="verdict-cell__title">
        <span aria-hidden="true">{verdict.valid ? '✓ ' : '✕ '}</span>
        {reasonTitle(verdict.reason)}
        {byLocalClock !== null && ' (by the instance’s clock)'}
      </span>
      <span className="verdict-cell__message">
        <DatedText text={verdict.message} />
      </span>
      {byLocalClock !== null && (
        <span className="verdict-cell__message" data-local-reason={byLocalClock.reason}>
          By this computer’s clock: {reasonTitle(byLocalClock.reason)}. <DatedText text={byLocalClock.message} />
        </span>
      )}
    </span>
  );
}

interface LicenseRowProps {
  license: InstalledLicenseView;
  instanceId: string;
  instanceName: string;
  duplicate: boolean;
  now: number;
  installOpened: InstanceActions['installOpened'];
}

function LicenseRow({ license, instanceId, instanceName, duplicate, now, installOpened }: LicenseRowProps) {
  const copyFingerprint = useCopyFingerprint(instanceId);
  const deletionAsked = useInstanceScreen((state) => state.deletionAsked);
  const short = `${license.fingerprint.slice(0, 'sha256:'.length + 12)}…`;
  return (
    <tr data-license-uuid={license.licenseUuid}>
      <th scope="row">{license.name}</th>
      <td className="num">{license.internalUsers.toLocaleString()}</td>
      <td className="num">{license.externalUsers.toLocaleString()}</td>
      <td>
        <LicenseExpiry expiry={license.expiry} now={now} />
      </td>
      <td>
        <OfflineVerdict verdict={license.verdict} byLocalClock={license.verdictByLocalClock} />
      </td>
      <td>
        <code className="fingerprint-short" title={license.fingerprint}>
          {short}
        </code>
        <button type="button" className="small-button" onClick={() => copyFingerprint.mutate(license)}>
          Copy<span className="sr-only"> the fingerprint of {license.name}</span>
        </button>
      </td>
      <td>
        <span className="flags">
          {duplicate && (
            <span className="flag-badge flag-badge--bad" data-flag="duplicate">
              Installed twice
            </span>
          )}
          {(license.flags.length > 0 || !duplicate) && <FlagBadges flags={license.flags} />}
        </span>
      </td>
      <td>
        <div className="licenses__actions">
          <button
            type="button"
            className="small-button"
            onClick={() =>
              installOpened(instanceId, instanceName, { licenseUuid: license.licenseUuid, name: license.name })
            }
          >
            Replace key…<span className="sr-only"> of {license.name}</span>
          </button>
          <button type="button" className="small-button" onClick={() => deletionAsked(instanceId, license.licenseUuid)}>
            Delete…<span className="sr-only"> {license.name}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The installed licenses, each checked offline against this instance's Install ID, with renew and delete. */
export function LicensesTable({
  detail,
  now,
  installOpened,
}: {
  detail: InstanceDetail;
  now: number;
  installOpened: InstanceActions['installOpened'];
}) {
  const { instance, licenses } = detail;
  const seen = new Map<string, number>();
  for (const license of licenses) seen.set(license.fingerprint, (seen.get(license.fingerprint) ?? 0) + 1);
  return (
    <section className="panel" aria-labelledby="licenses-heading">
      <h2 id="licenses-heading">Licenses</h2>
      {licenses.length === 0 ? (
        <div className="empty-licenses">
          <p>
            {detail.readAt === null
              ? 'The licenses are shown once the instance has been read.'
              : 'No license is installed on this instance.'}
          </p>
          <button type="button" onClick={() => installOpened(instance.id, instance.name)}>
            Install a key…
          </button>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="licenses" aria-labelledby="licenses-heading">
            <ColumnHeads columns={LICENSE_COLUMNS} actions />
            <tbody>
              {licenses.map((license) => (
                <LicenseRow
                  key={license.licenseUuid}
                  license={license}
                  instanceId={instance.id}
                  instanceName={instance.name}
                  duplicate={(seen.get(license.fingerprint) ?? 0) > 1}
                  now={now}
                  installOpened={installOpened}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">
        The offline check verifies each key as authentik does, against this instance’s Install ID, without asking the
        server.
      </p>
    </section>
  );
}
