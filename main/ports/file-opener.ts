/** The system's default app for a file (the PDF viewer for an invoice); the test bridge records instead. */
export interface FileOpenerPort {
  /** Opens a file the app itself wrote; rejects, in words, when no app could open it. */
  open(path: string): Promise<void>;
}
