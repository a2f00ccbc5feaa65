import { describe, expect, it } from 'vitest';
import { apiTokenProblem } from '../../../../shared/instances/validation';

describe('an API token', () => {
  it.each(['ak-1234567890abcdef', '  pasted-with-spaces-around  ', 't'.repeat(4096)])('accepts %j', (token) => {
    expect(apiTokenProblem(token)).toBeNull();
  });

  it('asks for one when blank, saying where to create it', () => {
    expect(apiTokenProblem(' \n ')).toBe(
      'Paste an API token: create one in authentik under Directory → Tokens and App passwords, with the intent API.',
    );
  });

  it('refuses more than 4096 characters', () => {
    expect(apiTokenProblem('t'.repeat(4097))).toBe('An API token has at most 4096 characters; paste only the token.');
  });

  it.each(['abc def', 'abc\ndef', 'abc\tdef', 'abc\u0000def'])(
    'refuses spaces or control characters inside %j',
    (token) => {
      expect(apiTokenProblem(token)).toBe(
        'The API token contains spaces or line breaks; copy it again from Directory → Tokens and App passwords.',
      );
    },
  );
});
