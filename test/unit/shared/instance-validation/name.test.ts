import { describe, expect, it } from 'vitest';
import { instanceNameKey, instanceNameProblem, nameTakenProblem } from '../../../../shared/instances/validation';

describe('an instance name', () => {
  it.each(['Prod', '  Acme staging  ', 'Ä'.repeat(100), 'eu-west / prod #2'])('accepts %j', (name) => {
    expect(instanceNameProblem(name)).toBeNull();
  });

  it('asks for one when blank', () => {
    expect(instanceNameProblem('')).toBe('Give the instance a name, such as the customer and environment.');
    expect(instanceNameProblem(' \t ')).toBe('Give the instance a name, such as the customer and environment.');
  });

  it('refuses more than 100 characters, counted without the spaces around it', () => {
    expect(instanceNameProblem(`  ${'n'.repeat(100)}  `)).toBeNull();
    expect(instanceNameProblem('n'.repeat(101))).toBe('Keep the name to 100 characters.');
  });

  it.each(['Prod\tEU', 'Prod\nEU', 'Prod\u001b[2K', 'Prod\u007f'])('refuses control characters in %j', (name) => {
    expect(instanceNameProblem(name)).toBe('Leave tabs, line breaks and other control characters out of the name.');
  });
});

describe('a name another saved instance has', () => {
  it('is compared ignoring case, spaces around it and Unicode composition', () => {
    expect(instanceNameKey(' PROD ')).toBe('prod');
    expect(instanceNameKey('Caf\u0065\u0301')).toBe(instanceNameKey('Caf\u00e9'));
  });

  it('is refused, naming it as typed', () => {
    expect(nameTakenProblem(' pROD ', ['Staging', 'Prod'])).toBe(
      'An instance named “pROD” already exists; choose another name (names are compared ignoring case).',
    );
  });

  it('is free when no other instance has it', () => {
    expect(nameTakenProblem('Prod 2', ['Staging', 'Prod'])).toBeNull();
    expect(nameTakenProblem('Prod', [])).toBeNull();
  });
});
