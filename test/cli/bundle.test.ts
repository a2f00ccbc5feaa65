import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AKLM } from './run-aklm';

const chunks = join(dirname(AKLM), 'chunks');
const entry = readFileSync(AKLM, 'utf8');

/** The chunk a command is loaded from, found in the entry's lazy `import()`. */
function commandChunk(command: string): string {
  const match = new RegExp(`import\\("\\./chunks/(${command}-[A-Z0-9]+\\.js)"\\)`).exec(entry);
  if (match?.[1] === undefined) throw new Error(`the entry does not load ${command} lazily`);
  return match[1];
}

/** The chunk files a built file imports statically (loaded before it runs), transitively. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  for (const [, target] of readFileSync(file, 'utf8').matchAll(/^import[^;]*?from "\.\/(?:chunks\/)?([^"]+)";/gms)) {
    if (target !== undefined && !seen.has(target)) {
      seen.add(target);
      staticImports(join(chunks, target), seen);
    }
  }
  return seen;
}

describe('the built CLI', () => {
  it('is one executable entry file that loads each command lazily', () => {
    expect(entry.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(commandChunk('verify')).not.toBe(commandChunk('timeline'));
    expect(staticImports(AKLM).has(commandChunk('verify'))).toBe(false);
  });

  it('loads nothing of timeline before or while verifying', () => {
    const loaded = new Set([
      ...staticImports(AKLM),
      commandChunk('verify'),
      ...staticImports(join(chunks, commandChunk('verify'))),
    ]);
    expect(loaded.has(commandChunk('timeline'))).toBe(false);
    for (const file of loaded) expect(readFileSync(join(chunks, file), 'utf8')).not.toContain('guideTimeline');
  });
});
