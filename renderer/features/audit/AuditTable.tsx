import type { AuditLine } from '../../../shared/audit/audit-entry';
import { actorLabel } from '../../../shared/audit/audit-filter';
import { targetSummary } from '../../../shared/audit/audit-words';
import { localDateTime } from '../../format/dates';
import { actionWords, RESULT_WORDS } from './audit-words';
import { useAuditVerdict } from './queries';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { DatedText } from '../../ui/DatedText';

const AUDIT_COLUMNS = ['Entry', 'Time', 'Actor', 'Action', 'Target', 'Result', 'Key fingerprint', 'Detail'];

/** The entries, one row per line of the file; from the first altered entry on, rows are marked as not to be relied on. */
export function AuditTable({ lines }: { lines: readonly AuditLine[] }) {
  const { data } = useAuditVerdict();
  const firstAltered = data?.verification.state === 'altered' ? data.verification.firstAltered : null;
  return (
    <div className="audit-table" role="region" aria-label="Audit entries" tabIndex={0}>
      <table>
        <ColumnHeads columns={AUDIT_COLUMNS} />
        <tbody>
          {lines.map(({ line, entry }) => {
            const suspect = firstAltered !== null && line >= firstAltered;
            return (
              <tr key={line} className={suspect ? 'audit-row audit-row--altered' : 'audit-row'}>
                <th scope="row">
                  {line}
                  {line === firstAltered && <span className="audit-row__flag"> first altered</span>}
                </th>
                {entry === null ? (
                  <td colSpan={7}>Not an entry: this line is damaged, or was not written by this app.</td>
                ) : (
                  <>
                    <td>
                      <time dateTime={entry.time}>{localDateTime(entry.time)}</time>
                    </td>
                    <td>{actorLabel(entry.actor)}</td>
                    <td>{actionWords(entry.action)}</td>
                    <td>{targetSummary(entry.target)}</td>
                    <td className={`audit-result audit-result--${entry.result}`}>{RESULT_WORDS[entry.result]}</td>
                    <td className="mono small">{entry.fingerprint ?? ''}</td>
                    <td className="audit-row__detail">
                      {entry.detail === null ? '' : <DatedText text={entry.detail} />}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
