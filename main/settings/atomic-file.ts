import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Flushes a folder's entries, so a rename in it survives a power cut; not every OS lets a folder be opened for that. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* Windows cannot open a folder; its renames are journaled by NTFS */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes `text` to `file` so that a reader, or a crash, finds the old content or the new, never a part of
 * either: a temporary file beside it (0600: it may hold the registry), flushed to disk, renamed over it.
 */
export function writeFileAtomicSync(file: string, text: string): void {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(path.dirname(file));
}
