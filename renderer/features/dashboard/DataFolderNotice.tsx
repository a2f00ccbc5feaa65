import { DatedText } from '../../ui/DatedText';
import { useDashboardScreen } from './dashboard-screen';
import { useDataNotices } from './queries';

/** What main repaired in the data folder: which settings file was damaged, where the damaged copy is, what was restored. */
export function DataFolderNotice() {
  const notices = useDataNotices();
  const dataNoticesDismissed = useDashboardScreen((state) => state.dataNoticesDismissed);
  if (notices.length === 0) return null;
  return (
    <section className="callout callout--warn" role="alert" aria-labelledby="data-folder-heading">
      <h2 id="data-folder-heading">Settings file repaired</h2>
      {notices.map((notice) => (
        <p key={notice}>
          <DatedText text={notice} />
        </p>
      ))}
      <button type="button" onClick={() => dataNoticesDismissed(notices)}>
        Dismiss<span className="sr-only"> the settings file notice</span>
      </button>
    </section>
  );
}
