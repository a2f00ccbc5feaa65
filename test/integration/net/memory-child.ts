// Reads one hostile answer with one of the app's clients in a process of its own, so its memory can be
// measured alone. Prints one JSON line: the error the client gave, the resident memory just before the
// request, and the peak resident memory of the whole process (getrusage's maxrss, so no peak is missed
// between samples). Then it waits for stdin to end, keeping its connections as the client left them.
// A client that grows past the ceiling is reported at once (code "over_ceiling") and the child exits, so a
// broken limit fails the test on its memory rather than on the time it takes to fill it.
// Usage: node --import tsx memory-child.ts '{"client":"instance"|"portal"|"identity","url":…,"ceilingBytes":…}'
import { createInstanceClient } from '../../../main/instances/instance-client';
import { discoverIdentityProvider } from '../../../main/portal/oidc-configuration';
import { fetchPortalConfig } from '../../../main/portal/portal-config';

export type MemoryChildClient = 'instance' | 'portal' | 'identity';

export interface MemoryChildReport {
  code: string | null;
  message: string;
  baselineBytes: number;
  peakBytes: number;
}

const input = JSON.parse(process.argv[2] ?? '{}') as { client: MemoryChildClient; url: string; ceilingBytes: number };
// Generous, so that only the byte limit (and never a timeout) can end a read of an endless answer.
const TIMEOUT_MS = 120_000;

function read(): Promise<unknown> {
  if (input.client === 'instance')
    return createInstanceClient({ url: input.url, token: 'memory-test-token', timeoutMs: TIMEOUT_MS }).listLicenses();
  if (input.client === 'portal') return fetchPortalConfig(input.url, TIMEOUT_MS);
  return discoverIdentityProvider(input.url, 'memory-test-client');
}

function peakBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

function reported(report: MemoryChildReport): void {
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

const baselineBytes = process.memoryUsage().rss;
const watchdog = setInterval(() => {
  if (process.memoryUsage().rss - baselineBytes < input.ceilingBytes) return;
  reported({
    code: 'over_ceiling',
    message: 'the client grew past the memory ceiling while reading',
    baselineBytes,
    peakBytes: peakBytes(),
  });
  process.exit(0);
}, 5);
let code: string | null = null;
let message = 'the read succeeded';
try {
  await read();
} catch (error) {
  code = (error as { code?: string }).code ?? null;
  message = error instanceof Error ? error.message : String(error);
}
clearInterval(watchdog);
reported({ code, message, baselineBytes, peakBytes: peakBytes() });
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
