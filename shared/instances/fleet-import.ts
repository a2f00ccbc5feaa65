import { z } from 'zod';

/** The largest import file the app reads: far above 1,000 instances with CA paths. */
export const IMPORT_TEXT_MAX = 2 * 1024 * 1024;

/** One instance of an import file as main read and checked it; never a token. */
export const importPreviewRowSchema = z.object({
  /** The spreadsheet row (the header is row 1) or the fleet file's entry number (from 1). */
  row: z.number().int().min(1),
  name: z.string(),
  url: z.string(),
  customer: z.string().nullable(),
  tags: z.array(z.string()),
  /** The environment variable holding its token, as the file names it. */
  envVariable: z.string().nullable(),
  /** Whether main found that variable set: the person types no token for this row. */
  tokenFromEnv: z.boolean(),
  /** The CA certificate file as the file names it. */
  ca: z.string().nullable(),
  allowHttp: z.boolean(),
  /** Why the row cannot be imported as it is; empty when it can. */
  problems: z.array(z.string()),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importPreviewSchema = z.object({
  format: z.enum(['csv', 'fleet']),
  /** Why the whole file is refused (a token in it, not CSV or JSON…); then `rows` is empty. */
  refused: z.string().nullable(),
  rows: z.array(importPreviewRowSchema),
  /** Columns the app does not use, left out. */
  ignoredColumns: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** What became of one chosen row. */
export const importResultSchema = z.object({
  row: z.number().int().min(1),
  name: z.string(),
  added: z.boolean(),
  /** Why it was not added, in words; null when it was. */
  reason: z.string().nullable(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
