import { describe, expect, it } from 'vitest';
import { checkInstanceAddress, instanceAddressProblem } from '../../../../shared/instances/validation';

describe('an instance address', () => {
  it.each([
    ['https://auth.example.com', 'https://auth.example.com'],
    ['  https://auth.example.com/  ', 'https://auth.example.com'],
    ['https://auth.example.com:9443/authentik//', 'https://auth.example.com:9443/authentik'],
    // A token pasted into the query never travels or stays.
    ['https://auth.example.com/?token=secret#top', 'https://auth.example.com'],
    ['http://10.0.0.5:9000', 'http://10.0.0.5:9000'],
    ['HTTPS://Auth.Example.COM', 'https://auth.example.com'],
  ])('accepts %j as %s', (text, address) => {
    expect(checkInstanceAddress(text)).toEqual({ ok: true, address });
    expect(instanceAddressProblem(text)).toBeNull();
  });

  it('asks for one when blank', () => {
    expect(instanceAddressProblem('  ')).toBe(
      'Enter the address you open authentik at, like https://auth.example.com.',
    );
  });

  it.each([
    'auth.example.com',
    'auth example',
    'ftp://auth.example.com',
    'file:///etc/passwd',
    'https://',
    'javascript:alert(1)',
  ])('refuses %j, saying how an address starts', (text) => {
    expect(instanceAddressProblem(text)).toBe(
      'The address starts with https:// (or http://), like https://auth.example.com.',
    );
  });

  it.each([
    'https://admin:secret@auth.example.com',
    'https://admin@auth.example.com',
    'https://:secret@auth.example.com',
  ])('refuses a user name or password in %j, without repeating them', (text) => {
    const problem = instanceAddressProblem(text);
    expect(problem).toBe('Leave the user name and password out of the address; the API token signs in.');
    expect(problem).not.toContain('secret');
  });
});
