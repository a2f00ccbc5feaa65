import type { Log } from '../logging/log';
import type { RecoveryNotice } from './settings-file';

/** What the app had to repair in its data folder this session (a damaged settings file set aside), for the dashboard to tell the person. */
export interface DataNotices {
  report: RecoveryNotice;
  list(): readonly string[];
}

/** Notices kept for the session (a window opened later still shows them) and logged as they happen. */
export function createDataNotices(log: Pick<Log, 'error'>): DataNotices {
  const notices: string[] = [];
  return {
    report(notice) {
      log.error(notice);
      notices.push(notice);
    },
    list: () => notices,
  };
}
