import { z } from 'zod';
import { auditLineSchema, auditVerificationSchema } from '../audit/audit-entry';
import { auditFiltersSchema } from '../audit/audit-filter';

/** The chain's state, and the outcomes this session did but could not record, in words. */
const auditStatus = { verification: auditVerificationSchema, unrecorded: z.array(z.string()) };

/** The audit trail (`audit.jsonl` in the data folder): checked, listed and exported; never written from the page. */
export const auditContract = {
  /** Checks the chain now, up to the newest entry the OS keychain records. */
  'audit:verify': { input: z.object({}), output: z.object(auditStatus) },
  /** Every line of the file, oldest first, with the chain checked in the same read. */
  'audit:list': { input: z.object({}), output: z.object({ ...auditStatus, lines: z.array(auditLineSchema) }) },
  /** The lines the filters leave, as JSON Lines (each line exactly as written) or CSV. */
  'audit:export': {
    input: z.object({ format: z.enum(['jsonl', 'csv']), filters: auditFiltersSchema }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  },
} as const;

export const auditEvents = {
  /** An outcome could not be recorded: the page shows it (listed in `unrecorded`). */
  'audit:did-change': z.object({}),
};
