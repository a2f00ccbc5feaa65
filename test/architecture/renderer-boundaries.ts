import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const CLIENT_FILE = 'renderer/ipc/client.ts';
/** Files that render: they select state and call store actions, never the IPC client. */
const COMPONENT_DIRS = ['renderer/app/', 'renderer/features/'];

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The renderer's two IPC rules from the design: `renderer/ipc/client.ts` is the only reader of
 * `window.api`, and components never reach the client (queries and mutations reach main through the query
 * client, which main.tsx gives it).
 */
export async function findRendererBoundaryBreaches(rootDir: string): Promise<string[]> {
  const breaches: string[] = [];
  for (const absolute of await files(path.join(rootDir, 'renderer'))) {
    const file = path.relative(rootDir, absolute).split(path.sep).join('/');
    const text = await readFile(absolute, 'utf8');
    if (file !== CLIENT_FILE && /\bwindow\s*(\.\s*api\b|\[\s*['"]api['"]\s*\])/.test(text))
      breaches.push(`${file} reads window.api`);
    if (COMPONENT_DIRS.some((dir) => file.startsWith(dir)) && /from\s+['"][./]*(?:\.\.\/)*ipc\/client['"]/.test(text)) {
      breaches.push(`${file} imports the IPC client`);
    }
  }
  return breaches.sort();
}

const FEATURES_DIR = 'renderer/features/';
/** `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, across lines. */
const SPECIFIERS = /(?:\b(?:import|export)\s[^'"`;]*?\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** The feature a repository path lies in (`renderer/features/<feature>/…`), or null. */
function featureOf(file: string): string | null {
  if (!file.startsWith(FEATURES_DIR)) return null;
  const feature = file.slice(FEATURES_DIR.length).split('/')[0] ?? '';
  return feature === '' ? null : feature;
}

/**
 * Features never import each other (issue 16): what two features share lives in `renderer/ui/` (components)
 * or a layer below (queries, shared/), so a feature can be changed, or deleted, without reading the others.
 * Returns `<feature> -> <feature>` for each pair coupled today, with the first file that does it.
 */
export async function findCrossFeatureImports(rootDir: string): Promise<Map<string, string>> {
  const pairs = new Map<string, string>();
  const sources = (await files(path.join(rootDir, FEATURES_DIR))).sort();
  for (const absolute of sources) {
    const file = path.relative(rootDir, absolute).split(path.sep).join('/');
    const from = featureOf(file);
    if (from === null) continue;
    const text = await readFile(absolute, 'utf8');
    for (const match of text.matchAll(SPECIFIERS)) {
      const specifier = match[1] ?? '';
      if (!specifier.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      const to = featureOf(target);
      const pair = `${from} -> ${to ?? ''}`;
      if (to !== null && to !== from && !pairs.has(pair)) pairs.set(pair, `${file} imports ${target}`);
    }
  }
  return pairs;
}
