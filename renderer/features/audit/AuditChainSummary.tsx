import { useAuditVerdict } from './queries';

const HEADINGS = { intact: 'Intact', altered: 'Altered', unverifiable: 'Not checked' } as const;

/** The chain's verdict in full on the Audit screen, with the outcomes this session could not record. */
export function AuditChainSummary() {
  const { data } = useAuditVerdict();
  if (data === undefined) return null;
  const { verification, unrecorded } = data;
  return (
    <section className={`audit-chain audit-chain--${verification.state}`} aria-labelledby="audit-chain-heading">
      <h2 id="audit-chain-heading">Chain: {HEADINGS[verification.state]}</h2>
      <p>{verification.message}</p>
      {verification.state === 'altered' && (
        <p>
          An altered trail still lists what it holds, but nothing{' '}
          {verification.firstAltered === null ? 'in it' : `from entry ${verification.firstAltered} on`} can be relied
          on. See SECURITY.md for what the chain proves.
        </p>
      )}
      {unrecorded.length > 0 && (
        <ul className="audit-chain__unrecorded">
          {unrecorded.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
