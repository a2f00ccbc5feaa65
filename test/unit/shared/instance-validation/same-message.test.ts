import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../main/cli/aklm';
import { validAllowHttp } from '../../../../main/instances/instance-input';
import { EMPTY_INSTANCE_FORM, instanceFormProblems, type InstanceForm } from '../../../../renderer/store/instance-form';
import {
  ADDRESS_MESSAGES,
  CA_MESSAGES,
  NAME_MESSAGES,
  plainHttpMessage,
  TOKEN_MESSAGES,
} from '../../../../shared/instances/validation';
import { contract } from '../../../../shared/ipc/contract';

// One bad input, three places that check it: the IPC contract (what main accepts from the page), the
// page's form, and aklm. Each must say the shared rule's message, word for word.

const dir = mkdtempSync(join(tmpdir(), 'aklm-instance-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = { name: 'Prod', url: 'https://auth.example.com', token: 'ak-token', caPem: '' };
type Field = keyof typeof GOOD;

/** The contract's message for `instances:add` with one field changed. */
function contractSays(field: Field, value: string): string | undefined {
  const input = { ...GOOD, [field]: value, customer: null, tags: [] };
  const parsed = contract['instances:add'].input.safeParse({
    ...input,
    caPem: input.caPem === '' ? null : input.caPem,
  });
  return parsed.success ? undefined : parsed.error.issues.find((issue) => issue.path[0] === field)?.message;
}

/** The Add dialog's message for the field. */
function formSays(field: Field, value: string): string | undefined {
  const form: InstanceForm = { ...EMPTY_INSTANCE_FORM, ...GOOD, [field]: value };
  return instanceFormProblems(form, [], 'required')[field];
}

/** What aklm writes on stderr, run in-process. */
async function aklmSays(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  let stderr = '';
  const sink = (keep: boolean) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (keep) stderr += chunk.toString();
        done();
      },
    });
  await runCli(args, { stdin: Readable.from([]), stdout: sink(false), stderr: sink(true), env });
  return stderr;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('the same bad input gets the same message from the contract, the form and aklm', () => {
  it('a name left empty (aklm: a fleet file entry)', async () => {
    expect(contractSays('name', '  ')).toBe(NAME_MESSAGES.missing);
    expect(formSays('name', '  ')).toBe(NAME_MESSAGES.missing);
    const fleet = file('fleet.json', JSON.stringify([{ name: '', url: GOOD.url, token_env: 'TOKEN' }]));
    expect(await aklmSays(['fleet', fleet])).toBe(
      `aklm: the fleet file ${fleet} is not valid: entry 0.name: ${NAME_MESSAGES.missing}\n`,
    );
  });

  it.each([
    ['ftp://auth.example.com', ADDRESS_MESSAGES.notWeb],
    ['auth example', ADDRESS_MESSAGES.notWeb],
    ['https://admin:secret@auth.example.com', ADDRESS_MESSAGES.credentials],
  ])('the address %j', async (url, message) => {
    expect(contractSays('url', url)).toBe(message);
    expect(formSays('url', url)).toBe(message);
    expect(await aklmSays(['status', '--url', url], { AKLM_TOKEN: GOOD.token })).toBe(`aklm: --url: ${message}\n`);
  });

  it('an API token with a space in it', async () => {
    expect(contractSays('token', 'ak token')).toBe(TOKEN_MESSAGES.spaces);
    expect(formSays('token', 'ak token')).toBe(TOKEN_MESSAGES.spaces);
    expect(await aklmSays(['status', '--url', GOOD.url], { AKLM_TOKEN: 'ak token' })).toBe(
      `aklm: the environment variable AKLM_TOKEN: ${TOKEN_MESSAGES.spaces}\n`,
    );
  });

  it('a CA that is not PEM', async () => {
    expect(contractSays('caPem', 'hello')).toBe(CA_MESSAGES.notPem);
    expect(formSays('caPem', 'hello')).toBe(CA_MESSAGES.notPem);
    const ca = file('ca.pem', 'hello');
    expect(await aklmSays(['status', '--url', GOOD.url, '--ca', ca], { AKLM_TOKEN: GOOD.token })).toBe(
      `aklm: the CA file ${ca}: ${CA_MESSAGES.notPem}\n`,
    );
  });

  it('plain http:// to another computer: the form and main say the same, aklm names its own switch', async () => {
    const url = 'http://auth.example.com';
    expect(formSays('url', url)).toBe(plainHttpMessage('dialog'));
    expect(() => validAllowHttp(url, false)).toThrow(plainHttpMessage('dialog'));
    expect(await aklmSays(['status', '--url', url], { AKLM_TOKEN: GOOD.token })).toBe(
      `aklm: --url ${url}: ${plainHttpMessage('cli-flag')}\n`,
    );
  });
});
