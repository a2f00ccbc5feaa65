import { instancesReturned } from '../../app/navigation';

/** The way back to the dashboard, which keeps its filters and sort. */
export function BackToInstances() {
  return (
    <a
      className="back-link"
      href="#instances"
      onClick={(event) => {
        event.preventDefault();
        instancesReturned();
      }}
    >
      <span aria-hidden="true">← </span>All instances
    </a>
  );
}
