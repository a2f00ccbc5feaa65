import type { AuditTarget } from '../../shared/audit/audit-entry';
import type { InstanceRecord } from '../registry/instance-record';

/** A saved instance as the trail names it. */
export function instanceTarget(record: Pick<InstanceRecord, 'id' | 'name' | 'url'>): AuditTarget {
  return { instance: { id: record.id, name: record.name, url: record.url } };
}

/** The edit dialog's fields; `token` null keeps the saved one. */
interface InstanceEdit {
  name: string;
  url: string;
  customer: string | null;
  tags: readonly string[];
  caPem: string | null;
  allowHttp?: boolean;
  token: string | null;
}

const sameText = (a: string | null, b: string | null): boolean => (a?.trim() ?? '') === (b?.trim() ?? '');

/** Which fields an edit changes, in words (a new token is named, never shown): what an `instance.edit` entry records. */
export function editedFields(record: InstanceRecord, edit: InstanceEdit): string {
  const changed = [
    ...(sameText(edit.name, record.name) ? [] : ['name']),
    ...(edit.url.replace(/\/+$/, '') === record.url ? [] : ['address']),
    ...(sameText(edit.customer, record.customer) ? [] : ['customer']),
    ...(edit.tags.join('\n') === record.tags.join('\n') ? [] : ['tags']),
    ...(sameText(edit.caPem, record.caPem) ? [] : ['CA']),
    ...((edit.allowHttp ?? false) === (record.allowHttp ?? false)
      ? []
      : [edit.allowHttp === true ? 'plain HTTP allowed' : 'plain HTTP no longer allowed']),
    ...(edit.token === null ? [] : ['API token replaced']),
  ];
  return changed.length === 0 ? 'nothing changed' : `changed: ${changed.join(', ')}`;
}
