import { DatedText } from '../DatedText';

/** Every warning main gave, in its words (dates in the reader's); nothing when there are none. */
export function WarningList({ warnings, labelledBy }: { warnings: readonly string[]; labelledBy: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="install-warnings" aria-labelledby={labelledBy}>
      {warnings.map((warning) => (
        <li key={warning}>
          <strong className="install-warnings__label">Warning:</strong> <DatedText text={warning} />
        </li>
      ))}
    </ul>
  );
}
