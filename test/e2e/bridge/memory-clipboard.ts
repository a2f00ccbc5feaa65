import type { ClipboardPort } from '../../../main/ports/clipboard';

/** The bridge's clipboard: in memory, readable by tests through the control endpoint. */
export function memoryClipboard(): ClipboardPort {
  let text = '';
  return {
    readText: () => text,
    writeText: (value) => {
      text = value;
    },
    clear: () => {
      text = '';
    },
  };
}
