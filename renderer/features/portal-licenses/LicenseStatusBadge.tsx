import type { LicenseStatus } from '../../../shared/portal/schemas/licenses';
import { LICENSE_STATUS } from './license-words';

/** "Pending payment", "Valid" or "Expired": a word, a shape and a colour. */
export function LicenseStatusBadge({ status }: { status: LicenseStatus }) {
  const { words, tone, icon, meaning } = LICENSE_STATUS[status];
  return (
    <span className={`status-badge status-badge--${tone}`} data-status={status} title={meaning}>
      <span className="status-badge__icon" aria-hidden="true">
        {icon}
      </span>
      {words}
    </span>
  );
}
