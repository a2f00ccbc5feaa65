import { useMutation } from '@tanstack/react-query';
import { askMain } from '../../queries/query-client';
import { saveTextFile } from '../../store/save-file';
import { showToast } from '../../ui/toasts';
import { auditFiltersOf, type AuditFilterFields } from './audit-filters';

export interface AuditExport {
  format: 'jsonl' | 'csv';
  /** The filters on screen: the file holds what the table shows. */
  fields: AuditFilterFields;
}

/** Exports the entries the filters leave; main writes the file's text, the page saves it as a download and says so in a toast. */
export function useExportAudit() {
  return useMutation({
    mutationFn: ({ format, fields }: AuditExport, { client }) =>
      askMain(client, 'audit:export', { format, filters: auditFiltersOf(fields) }),
    onSuccess: (file) => {
      saveTextFile(file);
      showToast({ tone: 'success', title: `Exported the audit trail as ${file.fileName}.` });
    },
  });
}
