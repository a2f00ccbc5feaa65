/**
 * The import rules between folders of main/. The IPC layer (main/ipc/) decodes a channel's input, calls
 * the domain and shapes the answer; the domain folders (main/instances/, main/portal/, main/license/,
 * main/audit/ …) know nothing of channels, so the CLI and the app share them unchanged.
 */

const IPC = 'main/ipc';
const HANDLERS = 'main/ipc/handlers/';

/**
 * Who may import main/ipc/: the IPC layer itself, and the code that wires it to the app: the composition
 * root (main/app/ builds the handler maps), the Electron adapter (main/electron/ binds the router to
 * ipcMain) and the entry (main/index.ts creates the event hub and the router). Every other folder of main/
 * is domain, port or another entry point (main/cli/ speaks to a terminal, never to a page) and may not.
 */
const IPC_WIRING_FOLDERS = ['main/ipc/', 'main/app/', 'main/electron/'];
const IPC_WIRING_FILES = new Set(['main/index.ts']);

/**
 * The breach, in words, of an import from `file` (under main/) of `target` (also under main/, relative to
 * the root, without its extension); undefined when the rules allow it. Type imports count as well: a
 * domain type that names an IPC type still ties the domain to the channels.
 */
export function mainFolderRule(file: string, target: string): string | undefined {
  const intoIpc = target === IPC || target.startsWith(`${IPC}/`);
  if (intoIpc && !IPC_WIRING_FILES.has(file) && !IPC_WIRING_FOLDERS.some((folder) => file.startsWith(folder))) {
    return `${folderOf(file)} may not import main/ipc/ (type imports included): only main/app/, main/electron/ and main/index.ts wire the IPC layer; domain code throws its own errors and takes ports (main/ports/)`;
  }
  // `../handlers` from a handler is main/ipc/handlers.ts (the Handlers type), not this folder.
  if (file.startsWith(HANDLERS) && target.startsWith(HANDLERS)) {
    return `main/ipc/handlers/ may not import another handler's file: shared answering lives in main/ipc/answering/, domain rules in their domain folder, assembling handler maps in main/app/`;
  }
  return undefined;
}

/** `main/portal/deep/x.ts` → `main/portal/`; a file directly in main/ → `main/x.ts`. */
function folderOf(file: string): string {
  const [layer, folder, ...rest] = file.split('/');
  return rest.length === 0 ? file : `${layer}/${folder}/`;
}
