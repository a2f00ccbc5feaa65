import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const CLIENT_FILE = 'renderer/ipc/client.ts';
/** Files that render: they select state and call store actions, never the IPC client. */
const COMPONENT_DIRS = ['renderer/app/', 'renderer/features/'];

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The renderer's two IPC rules from the design: `renderer/ipc/client.ts` is the only reader of
 * `window.api`, and components never reach the client (stores do).
 */
export async function findRendererBoundaryBreaches(rootDir: string): Promise<string[]> {
  const breaches: string[] = [];
  for (const absolute of await files(path.join(rootDir, 'renderer'))) {
    const file = path.relative(rootDir, absolute).split(path.sep).join('/');
    const text = await readFile(absolute, 'utf8');
    if (file !== CLIENT_FILE && /\bwindow\s*(\.\s*api\b|\[\s*['"]api['"]\s*\])/.test(text)) breaches.push(`${file} reads window.api`);
    if (COMPONENT_DIRS.some((dir) => file.startsWith(dir)) && /from\s+['"][./]*(?:\.\.\/)*ipc\/client['"]/.test(text)) {
      breaches.push(`${file} imports the IPC client`);
    }
  }
  return breaches.sort();
}
