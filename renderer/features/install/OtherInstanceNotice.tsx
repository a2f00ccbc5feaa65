/** The key's Install ID is another saved instance's: say so and offer to switch to it. */
export function OtherInstanceNotice({
  other,
  installing,
  onChosen,
}: {
  other: { id: string; name: string };
  installing: boolean;
  onChosen: () => void;
}) {
  return (
    <div className="install-callout" role="note" aria-labelledby="install-other-text">
      <p id="install-other-text">
        <strong>This key is for {other.name}’s Install ID.</strong> It cannot work on this instance; it was issued for{' '}
        {other.name}.
      </p>
      <button
        type="button"
        aria-disabled={installing}
        onClick={() => {
          if (!installing) onChosen();
        }}
      >
        Install on {other.name} instead
      </button>
    </div>
  );
}
