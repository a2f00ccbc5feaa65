/** The user's default browser. Only `openExternal` (main/security) may call it. */
export interface ExternalBrowserPort {
  open(url: string): Promise<void>;
}
