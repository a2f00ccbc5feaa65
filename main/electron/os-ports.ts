import type { Clipboard, Shell } from 'electron';
import type { ClipboardPort } from '../ports/clipboard';
import type { ExternalBrowserPort } from '../ports/external-browser';
import type { FileOpenerPort } from '../ports/file-opener';

/** The system clipboard through Electron (asynchronous since Electron 45, like the port). */
export function electronClipboard(clipboard: Pick<Clipboard, 'readText' | 'writeText' | 'clear'>): ClipboardPort {
  return {
    readText: () => clipboard.readText(),
    writeText: (text) => clipboard.writeText(text),
    clear: async () => {
      clipboard.clear();
    },
  };
}

/** The user's browser through Electron's shell; reached only through `openExternal` (main/security). */
export function electronBrowser(shell: Pick<Shell, 'openExternal'>): ExternalBrowserPort {
  return { open: (url) => shell.openExternal(url) };
}

/** The system's default app for a file, through Electron's shell (`openPath` answers with an error text, '' when it worked). */
export function electronFileOpener(shell: Pick<Shell, 'openPath'>): FileOpenerPort {
  return {
    open: async (path) => {
      const problem = await shell.openPath(path);
      if (problem !== '') throw new Error(problem);
    },
  };
}
