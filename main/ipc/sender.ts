/** Who sent a request, as the transport (Electron IPC, the test bridge) reports it. */
export interface Sender {
  /** The webContents (or bridge connection) id. */
  id: number | string;
  /** URL of the frame that sent it; null when unknown. */
  url: string | null;
  isMainFrame: boolean;
}

/** Trusts only known windows showing the app's own origin, and only their top-level frame. */
export function createSenderPolicy(
  appOrigin: string,
  knownIds: ReadonlySet<number | string>,
): (sender: Sender) => boolean {
  return (sender) => {
    if (!knownIds.has(sender.id) || !sender.isMainFrame || sender.url === null) return false;
    try {
      // Node gives custom schemes an opaque origin ("null"), so compare scheme and host directly.
      const url = new URL(sender.url);
      return `${url.protocol}//${url.host}` === appOrigin;
    } catch {
      return false;
    }
  };
}
