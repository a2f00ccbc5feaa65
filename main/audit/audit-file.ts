import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/** The trail's file in the data folder. */
export const AUDIT_FILE_NAME = 'audit.jsonl';

export function auditFilePath(dataDir: string): string {
  return path.join(dataDir, AUDIT_FILE_NAME);
}

/** The file's lines as written (the newline after the last one is not a line); none when there is no file yet. */
export function readAuditLines(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Makes a new file's name durable too: without this a crash can lose the file although its content was
 * flushed. Windows cannot open a folder for this, and NTFS journals the name itself.
 */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Appends one line and flushes it to the disk before returning; a new file is made 0600 (it names who did
 * what to which instance). Returns how to take the line back again, for when its hash cannot be recorded.
 */
export function appendAuditLine(file: string, line: string): { undo(): void } {
  const folder = path.dirname(file);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
  let sizeBefore: number;
  try {
    sizeBefore = fstatSync(fd).size;
    // The umask may have taken bits away from 0600, never added any; a file that was empty is set again anyway.
    if (sizeBefore === 0) fchmodSync(fd, 0o600);
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (sizeBefore === 0) syncFolder(folder);
  return {
    undo() {
      const back = openSync(file, constants.O_WRONLY);
      try {
        ftruncateSync(back, sizeBefore);
        fsyncSync(back);
      } finally {
        closeSync(back);
      }
    },
  };
}
