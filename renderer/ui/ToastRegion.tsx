import { createPortal } from 'react-dom';
import { DatedText } from './DatedText';
import { useToastHost } from './toast-host';
import { useToasts, type Toast } from './toasts';

function ToastCard({ toast }: { toast: Toast }) {
  const dismiss = useToasts((state) => state.dismiss);
  return (
    <li className={`toast toast--${toast.tone}`} role={toast.tone === 'danger' ? 'alert' : 'status'}>
      <p className="toast__title">
        <DatedText text={toast.title} />
      </p>
      {toast.detail !== undefined && (
        <details className="toast__why">
          <summary>Why?</summary>
          <p>
            <DatedText text={toast.detail} />
          </p>
        </details>
      )}
      <div className="toast__actions">
        {toast.action !== undefined && (
          <button
            type="button"
            className="toast__action"
            onClick={() => {
              toast.action?.run();
              dismiss(toast.id);
            }}
          >
            {toast.action.label}
          </button>
        )}
        <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
          ×
        </button>
      </div>
    </li>
  );
}

/**
 * Where toasts appear: bottom right, newest last, each announced as it comes; inside the modal dialog on
 * top while one is open (the rest of the page is inert then), so an outcome is never hidden behind it.
 */
export function ToastRegion() {
  const toasts = useToasts((state) => state.toasts);
  const host = useToastHost();
  const region = (
    <section className="toasts" aria-label="Notifications">
      <ol className="toasts__list">
        {toasts.map((toast) => (
          <ToastCard key={toast.id} toast={toast} />
        ))}
      </ol>
    </section>
  );
  return host === null ? region : createPortal(region, host);
}
