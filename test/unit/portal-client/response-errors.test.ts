import { describe, expect, it } from 'vitest';
import { responseError } from '../../../main/portal/portal-response-errors';

const context = {
  portal: 'portal.example',
  operation: 'POST /api/v1/organizations/{org}/invitations',
  secrets: ['the-bearer-token'],
};
const body = (message: string, fields?: Record<string, string>) => ({
  error: { code: 'any', message, ...(fields === undefined ? {} : { fields }) },
});

describe("the portal's error answers", () => {
  it('map 401, 403, 404, 409 and 422 to their codes with the server message; fields only on 422', () => {
    expect(responseError(401, body('Token expired.'), context)).toMatchObject({
      code: 'unauthorized',
      message: 'Token expired.',
      status: 401,
    });
    expect(responseError(403, body('Only Owners can invite.'), context)).toMatchObject({
      code: 'forbidden',
      message: 'Only Owners can invite.',
    });
    expect(responseError(404, body('No such organization.'), context)).toMatchObject({ code: 'not_found' });
    expect(responseError(409, body('Already a member.', { email: 'x' }), context)).toMatchObject({
      code: 'conflict',
      fields: {},
    });
    expect(responseError(422, body('Fix the fields.', { email: 'Not an e-mail address' }), context)).toMatchObject({
      code: 'validation',
      status: 422,
      fields: { email: 'Not an e-mail address' },
    });
  });

  it('map every other status to unexpected_response, naming the operation, never the path with its ids', () => {
    const error = responseError(502, '<html>Bad gateway</html>', context);
    expect(error.code).toBe('unexpected_response');
    expect(error.message).toBe(
      'The portal at portal.example answered POST /api/v1/organizations/{org}/invitations with HTTP 502: the portal has a problem; try again later.',
    );
    expect(responseError(418, undefined, context).message).toContain('this app does not expect that answer');
  });

  it('put words of their own where the body does not follow the contract', () => {
    expect(responseError(403, { detail: 'nope' }, context).message).toBe(
      'The portal at portal.example refused: your role in this organization does not allow it (Owners only).',
    );
  });

  it('never repeat the bearer token, and keep a server message to one bounded line', () => {
    const error = responseError(
      422,
      body('Bad token the-bearer-token\nsecond line', { token: 'was the-bearer-token' }),
      context,
    );
    expect(error.message).toBe('Bad token [redacted] second line');
    expect(error.fields).toEqual({ token: 'was [redacted]' });
    expect(responseError(409, body('x'.repeat(2000)), context).message.length).toBeLessThanOrEqual(500);
  });
});
