import type { ClipboardPort } from '../../../main/ports/clipboard';

/** The bridge's clipboard: in memory, readable by tests through the control endpoint. */
export function memoryClipboard(): ClipboardPort & { peek(): string } {
  let text = '';
  return {
    peek: () => text,
    readText: async () => text,
    writeText: async (value) => {
      text = value;
    },
    clear: async () => {
      text = '';
    },
  };
}
