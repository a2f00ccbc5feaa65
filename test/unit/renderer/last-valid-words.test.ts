import { describe, expect, it } from 'vitest';
import { lastValidWords, stepDateWords } from '../../../renderer/features/instance/last-valid-words';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const day = (date: string) => new Date(at(date)).toLocaleDateString(undefined, { dateStyle: 'medium' });

describe("the instance page's words for authentik's last valid usage record", () => {
  const basis = { status: 'limit_exceeded_admin', history: null };

  it('says between which days the record lies, before which, on which, or that there is none', () => {
    expect(
      lastValidWords({
        basis,
        lastValid: { notBefore: '2026-10-01T12:00:00.000Z', notAfter: '2026-10-15T12:00:00.000Z' },
      }),
    ).toBe(
      `From the status authentik reports (“User count exceeded (admin)”), that record is from between ${day('2026-10-01')} and ${day('2026-10-15')}.`,
    );
    expect(
      lastValidWords({
        basis: { status: 'read_only', history: null },
        lastValid: { notBefore: null, notAfter: '2026-10-15T12:00:00.000Z' },
      }),
    ).toBe(`From the status authentik reports (“Read only”), that record is from before ${day('2026-10-15')}.`);
    expect(
      lastValidWords({
        basis,
        lastValid: { notBefore: '2026-10-15T02:00:00.000Z', notAfter: '2026-10-15T12:00:00.000Z' },
      }),
    ).toMatch(/that record is from [^b]/);
    expect(lastValidWords({ basis: { status: 'read_only', history: null }, lastValid: null })).toContain(
      'it has no usage record with the status Valid',
    );
  });

  it('names the history reading that narrowed the bounds', () => {
    const words = lastValidWords({
      basis: { status: 'limit_exceeded_admin', history: { at: '2026-10-10T12:00:00.000Z', status: 'valid' } },
      lastValid: { notBefore: '2026-10-10T02:00:00.000Z', notAfter: '2026-10-15T12:00:00.000Z' },
    });
    expect(words).toContain(
      `(“User count exceeded (admin)”) and the app's reading of “Valid” on ${day('2026-10-10')}, that record`,
    );
  });

  it('dates a step by its latest day, between two days, or on one', () => {
    expect(stepDateWords(null, at('2026-12-24'))).toBe(`by ${day('2026-12-24')}`);
    expect(stepDateWords(at('2026-12-10'), at('2026-12-24'))).toBe(
      `between ${day('2026-12-10')} and ${day('2026-12-24')}`,
    );
    expect(stepDateWords(at('2026-12-24') - 3_600_000, at('2026-12-24'))).toBe(day('2026-12-24'));
  });
});
