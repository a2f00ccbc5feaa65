import { osActor } from '../../audit/audit-actor';
import { succeeded, type AuditRecorder } from '../../audit/audit-recorder';
import { instanceTarget } from '../../audit/instance-audit';
import { previewImport, runImport, type ImportCheck } from '../../instances/fleet-import';
import type { CheckedRow } from '../../instances/fleet-import-check';
import type { FleetMonitor } from '../../instances/fleet-monitor';
import type { NewInstance } from '../../instances/instance-service';
import type { Emit } from '../../ports/page-events';
import type { InstanceRecord } from '../../registry/instance-record';
import type { InstanceRegistry } from '../../registry/instance-registry';
import { answering } from '../answering/answering';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';

export interface FleetImportDeps {
  registry: Pick<InstanceRegistry, 'list'>;
  /** The instance service's add: the connection test, token vault and registry write Add uses. */
  add: (input: NewInstance) => Promise<InstanceRecord>;
  monitor: Pick<FleetMonitor, 'refresh'>;
  audit: AuditRecorder;
  emit: Emit;
  /** Main's environment (a fleet file's token_env variables) and the CA files rows name. */
  check: Omit<ImportCheck, 'savedNames'>;
}

/** Bulk import: a file read and checked (`instances:import-preview`), then its rows tested and added as Add does. */
export function fleetImportHandlers(
  deps: FleetImportDeps,
): Pick<Handlers, 'instances:import-preview' | 'instances:import'> {
  const checked = (fileName: string, text: string) =>
    previewImport(fileName, text, { ...deps.check, savedNames: deps.registry.list().map((record) => record.name) });

  /** Exactly the 'instances:add' handler's work, recorded in the audit trail before it is done. */
  const add = async (row: CheckedRow, token: string): Promise<string> => {
    const input = {
      name: row.name,
      url: row.url,
      token,
      customer: row.customer,
      tags: row.tags,
      caPem: row.caPem,
      allowHttp: row.allowHttp,
    };
    const record = await answering(() =>
      deps.audit.run(
        {
          actor: osActor(),
          action: 'instance.add',
          target: { instance: { id: null, name: input.name.trim(), url: input.url } },
          fingerprint: null,
        },
        () => deps.add(input),
        (added) => ({ ...succeeded(), target: instanceTarget(added) }),
      ),
    );
    return record.id;
  };

  /** The rows chosen, each tested and added as Add does; then the added ones are read once more, as Add does. */
  const importRows: Handlers['instances:import'] = async ({ fileName, text, rows, tokens }) => {
    const { preview, rows: checkedRows } = checked(fileName, text);
    if (preview.refused !== null) throw new IpcError('invalid_input', preview.refused);
    const added: string[] = [];
    const results = await runImport(checkedRows, {
      chosen: rows,
      tokens: new Map(tokens.map(({ row, token }) => [row, token])),
      env: deps.check.env,
      add: async (row, token) => void added.push(await add(row, token)),
      reasonOf: (error) =>
        error instanceof IpcError ? error.message : 'Something went wrong inside the app; the details are in its log.',
      progress: (done, total) => deps.emit('instances:import-progress', { done, total }),
    });
    if (added.length > 0) {
      await deps.monitor.refresh(added, () => undefined);
      deps.emit('instances:did-change', {});
    }
    return { results };
  };

  // One import at a time: the progress stream is one, and a second would check names the first is still adding.
  let importing = false;

  return {
    'instances:import-preview': async ({ fileName, text }) => checked(fileName, text).preview,
    'instances:import': async (input) => {
      if (importing)
        throw new IpcError('conflict', 'An import is already running; wait for it to finish, then import again.');
      importing = true;
      try {
        return await importRows(input);
      } finally {
        importing = false;
      }
    },
  };
}
