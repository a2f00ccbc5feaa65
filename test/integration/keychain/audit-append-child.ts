// Appends entries to a data folder's audit trail through the app's code path (the data folder's lock, the
// real keychain binding), in its own process, as the CLI does beside the app.
// Usage: node --import tsx audit-append-child.ts '{"dataDir":…,"name":…,"count":…}'
import { fileAuditTrail } from '../../../main/audit/audit-trail';
import { keyringCallsSettled, keyringSecretStore } from '../../../main/secrets/keyring-secret-store';

const input = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; name: string; count: number };
const trail = fileAuditTrail(input.dataDir, keyringSecretStore());
try {
  for (let index = 0; index < input.count; index++) {
    await trail.append({
      time: new Date().toISOString(),
      actor: { kind: 'os', name: input.name },
      action: 'instance.add',
      target: { instance: { id: null, name: `${input.name} ${index}`, url: 'https://auth.example.com' } },
      fingerprint: null,
      result: 'attempted',
      detail: null,
      op: `${input.name}-${index}`,
    });
  }
  process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) })}\n`,
  );
} finally {
  await keyringCallsSettled();
}
