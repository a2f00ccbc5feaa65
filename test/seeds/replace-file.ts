import { renameSync, writeFileSync } from 'node:fs';

/**
 * Puts `text` in place of `file` in one rename, as another program saving the file would: the app, which
 * may be reading the file at that moment, finds the old content or the new, never a half-written file.
 */
export function replaceFile(file: string, text: string): void {
  const temporary = `${file}.test-${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
