import { auditEntrySchema, type AuditLine } from '../../shared/audit/audit-entry';

/** Each line of the file as an entry, or null where a line is not one (damaged, or not written by this app). */
export function parseAuditLines(lines: readonly string[]): AuditLine[] {
  return lines.map((text, index) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { line: index + 1, entry: null };
    }
    const parsed = auditEntrySchema.safeParse(value);
    return { line: index + 1, entry: parsed.success ? parsed.data : null };
  });
}
