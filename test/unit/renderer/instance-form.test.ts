import { describe, expect, it } from 'vitest';
import {
  addRequestOf,
  connectionChanged,
  EMPTY_INSTANCE_FORM,
  formOfInstance,
  instanceFormProblems,
  type InstanceForm,
} from '../../../renderer/store/instance-form';
import { isPlainHttpAddress } from '../../../shared/instances/validation';
import { fleetRow } from './instance-rows';

const form = (fields: Partial<InstanceForm>): InstanceForm => ({
  ...EMPTY_INSTANCE_FORM,
  name: 'Lab',
  token: 'token',
  ...fields,
});

describe('the instance form and plain HTTP', () => {
  it('asks for the permission only for an http:// address of another computer', () => {
    expect(isPlainHttpAddress('http://auth.lab.example')).toBe(true);
    expect(isPlainHttpAddress(' http://10.0.0.5:9000 ')).toBe(true);
    expect(isPlainHttpAddress('http://127.0.0.1:9000')).toBe(false);
    expect(isPlainHttpAddress('https://auth.lab.example')).toBe(false);
    expect(isPlainHttpAddress('http://')).toBe(false);
  });

  it('marks such an address until the permission is given, saying what to do', () => {
    const problems = instanceFormProblems(form({ url: 'http://auth.lab.example' }), [], 'required');
    expect(problems.url).toBe(
      'This address is plain http://, so the API token would cross the network unencrypted. Use the instance’s https:// address, or tick “Allow plain HTTP” to send it this way anyway.',
    );
    expect(
      instanceFormProblems(form({ url: 'http://auth.lab.example', allowHttp: true }), [], 'required').url,
    ).toBeUndefined();
  });

  it('sends the permission only with an address that needs it', () => {
    expect(addRequestOf(form({ url: 'http://auth.lab.example', allowHttp: true })).allowHttp).toBe(true);
    // Ticked, then the address was changed to https://: nothing is allowed.
    expect(addRequestOf(form({ url: 'https://auth.lab.example', allowHttp: true })).allowHttp).toBe(false);
  });

  it('starts the Edit dialog from the saved permission, and tests the connection when it is newly given', () => {
    const saved = formOfInstance(fleetRow('Lab', { url: 'http://auth.lab.example', allowHttp: false }), null);
    expect(saved.allowHttp).toBe(false);
    expect(connectionChanged(saved, { ...saved, allowHttp: true })).toBe(true);
    const allowed = formOfInstance(fleetRow('Lab', { url: 'http://auth.lab.example', allowHttp: true }), null);
    expect(connectionChanged(allowed, { ...allowed, name: 'Lab 2' })).toBe(false);
    expect(connectionChanged(allowed, { ...allowed, allowHttp: false })).toBe(false);
  });
});
