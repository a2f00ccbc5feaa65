/*
 * One instance's page as main holds it, shared by the instance's page and the Edit dialog (which starts
 * from it): under instanceKeys.detail(id), so `instances:did-change` has it read again.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InstanceDetail } from '../../shared/instances/instance-detail';
import { instanceKeys } from './instance-keys';
import { askMain } from './query-client';

/** Whether the latest read of the instance failed (its row says so). */
export function readFailed(detail: InstanceDetail): boolean {
  return detail.instance.lastRefresh !== null && !detail.instance.lastRefresh.ok;
}

/**
 * The detail to show after an answer: when the instance could not be read, the last good read stays
 * (status, licenses, warnings), with what is saved (name, address, CA, token) and the failure taken from
 * the new answer. A failed read never blanks what was known.
 */
export function keptAfterFailedRead(previous: InstanceDetail | undefined, next: InstanceDetail): InstanceDetail {
  if (
    !readFailed(next) ||
    next.readAt !== null ||
    previous === undefined ||
    previous.readAt === null ||
    previous.instance.id !== next.instance.id
  )
    return next;
  const { name, url, customer, tags, lastRefresh } = next.instance;
  // The status kept is no longer what the latest read found: it is marked as the last known one (as of when it was read), as the row is.
  const instance = {
    ...previous.instance,
    name,
    url,
    customer,
    tags,
    lastRefresh,
    statusSource: 'last_known' as const,
  };
  return { ...previous, instance, caPem: next.caPem, hasToken: next.hasToken };
}

/** One instance's page as main holds it (no new read of the instance; Refresh asks for that). */
export const instanceDetailQuery = (id: string) =>
  queryOptions({
    queryKey: instanceKeys.detail(id),
    queryFn: ({ client }) => askMain(client, 'instances:detail', { id, refresh: false }),
    // An answer after a failed read keeps the last good read (see keptAfterFailedRead).
    structuralSharing: (previous, next) =>
      keptAfterFailedRead(previous as InstanceDetail | undefined, next as InstanceDetail),
  });

export function useInstanceDetail(id: string) {
  return useQuery(instanceDetailQuery(id));
}
