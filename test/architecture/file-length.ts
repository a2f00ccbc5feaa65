import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The most physical lines a source file may have, blank lines and comments counted (ESLint's max-lines for TypeScript). */
export const MAX_LINES = 300;

const SOURCE = /\.(ts|tsx|js|cjs|mjs|css|html)$/;
const SKIPPED = new Set(['node_modules', 'dist', 'test-results', '.git']);

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !path
          .relative(dir, file)
          .split(path.sep)
          .some((part) => SKIPPED.has(part)),
    );
}

/**
 * Every source file under `rootDir` longer than MAX_LINES, as "path: N lines". ESLint holds TypeScript to
 * the limit; this holds the stylesheets, scripts and pages to it as well.
 */
export async function findLongFiles(rootDir: string): Promise<string[]> {
  const long: string[] = [];
  for (const file of await sourceFiles(rootDir)) {
    const text = await readFile(file, 'utf8');
    const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
    if (lines > MAX_LINES) long.push(`${path.relative(rootDir, file).split(path.sep).join('/')}: ${lines} lines`);
  }
  return long.sort();
}
