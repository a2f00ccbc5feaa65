import { register } from 'node:module';

/**
 * Module hooks that load `.pem` imports as their text, as the esbuild build (`--loader:.pem=text`)
 * and vitest (`pemAsText`) do. Plain JavaScript in a data: URL, so the hooks thread needs no TypeScript.
 */
const PEM_HOOKS = `
import { readFile } from 'node:fs/promises';
export async function load(url, context, nextLoad) {
  if (!url.endsWith('.pem')) return nextLoad(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
}
`;

/** Call before dynamically importing any module that imports a `.pem` file (static imports load too early). */
export function registerPemLoader(): void {
  register(`data:text/javascript,${encodeURIComponent(PEM_HOOKS)}`);
}
