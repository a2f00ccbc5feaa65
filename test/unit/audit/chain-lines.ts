import { GENESIS_HASH, lineHash } from '../../../main/audit/audit-chain';

/** Entries as the trail writes them, chained from `prev` (64 zeros: a fresh chain); returns the lines and the newest hash. */
export function chainedLines(details: readonly string[], prev = GENESIS_HASH): { lines: string[]; head: string } {
  const lines: string[] = [];
  let head = prev;
  for (const [index, detail] of details.entries()) {
    const line = JSON.stringify({
      v: 1,
      time: new Date(Date.UTC(2026, 4, 1, 10, index)).toISOString(),
      actor: { kind: 'os', name: 'alice' },
      action: 'license.install',
      target: { instance: { id: null, name: 'Prod', url: 'https://auth.example.com' } },
      fingerprint: `sha256:${'ab'.repeat(32)}`,
      result: index % 2 === 0 ? 'attempted' : 'succeeded',
      detail,
      op: `op-${Math.floor(index / 2)}`,
      prev: head,
    });
    lines.push(line);
    head = lineHash(line);
  }
  return { lines, head };
}
