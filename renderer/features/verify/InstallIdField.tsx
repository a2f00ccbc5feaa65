import { installIdProblem, useVerifyScreen } from './verify-screen';

export function InstallIdField() {
  const installId = useVerifyScreen((state) => state.installId);
  const problem = useVerifyScreen(installIdProblem);
  const installIdEdited = useVerifyScreen((state) => state.installIdEdited);
  return (
    <div className="field">
      <label htmlFor="install-id">Install ID (optional)</label>
      <input
        id="install-id"
        className="mono"
        value={installId}
        onChange={(event) => installIdEdited(event.target.value)}
        placeholder="6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby="install-id-hint"
      />
      <p id="install-id-hint" className={problem === null ? 'hint' : 'hint hint--error'}>
        {problem ?? 'The installation the key must be for. authentik shows it on Enterprise → Licenses → Install.'}
      </p>
    </div>
  );
}
