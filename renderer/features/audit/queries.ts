import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { auditKeys } from '../../queries/audit-keys';
import { askMain } from '../../queries/query-client';

/** The chain's verdict, and the outcomes this session did but could not record, in words. */
export type AuditStatus = ChannelOutput<'audit:verify'>;

/** The chain checked now: asked when the header first shows it (as the app starts), and after every change main records. */
export const auditVerdictQuery = queryOptions({
  queryKey: auditKeys.verdict(),
  queryFn: ({ client }): Promise<AuditStatus> => askMain(client, 'audit:verify', {}),
});

/** Every line of the file, oldest first. */
export const auditEntriesQuery = queryOptions({
  queryKey: auditKeys.entries(),
  async queryFn({ client }) {
    const { verification, unrecorded, lines } = await askMain(client, 'audit:list', {});
    // The list checked the chain in the same read, so it is the newest verdict: a check still on its way
    // was asked before it, and its answer must not overwrite this one.
    await client.cancelQueries({ queryKey: auditKeys.verdict() });
    client.setQueryData<AuditStatus>(auditKeys.verdict(), { verification, unrecorded });
    return lines;
  },
});

export function useAuditVerdict() {
  return useQuery(auditVerdictQuery);
}

/** The entries, read again each time the screen opens: aklm, in another process, appends without main telling the page. */
export function useAuditEntries() {
  return useQuery({ ...auditEntriesQuery, refetchOnMount: 'always' });
}

/** Whether the chain needs the person's attention: altered, not checkable, or an outcome left unrecorded. */
export function auditNeedsAttention(status: AuditStatus | undefined, error: Error | null): boolean {
  return (
    error !== null || (status !== undefined && (status.unrecorded.length > 0 || status.verification.state !== 'intact'))
  );
}
