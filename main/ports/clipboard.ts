/** The system clipboard (Electron's in the app, an in-memory one in the test bridge); asynchronous like Electron's. */
export interface ClipboardPort {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  clear(): Promise<void>;
}
