/** The system clipboard (Electron's in the app, an in-memory one in the test bridge). */
export interface ClipboardPort {
  readText(): string;
  writeText(text: string): void;
  clear(): void;
}
