import { describe, expect, it } from 'vitest';
import { datedText, datedTextSchema, type DatedText } from '../../../shared/time/dated-text';

/** The parts joined again, dates in ISO 8601 as aklm writes them. */
const joined = (parts: DatedText): string =>
  parts.map((part) => (typeof part === 'string' ? part : 'at' in part ? part.at : part.day)).join('');

describe('a message with its dates apart', () => {
  it('splits ISO 8601 instants, with or without milliseconds, and calendar days out of the words', () => {
    const message = 'expired at 2027-12-06T16:45:19Z (evaluated at 2027-12-07T08:00:00.125Z); renew before 2027-12-31.';
    expect(datedText(message)).toEqual([
      'expired at ',
      { at: '2027-12-06T16:45:19Z' },
      ' (evaluated at ',
      { at: '2027-12-07T08:00:00.125Z' },
      '); renew before ',
      { day: '2027-12-31' },
      '.',
    ]);
  });

  it('gives the message back whole, as aklm prints it', () => {
    for (const message of [
      'The license "Acme" is genuine and valid until 2027-12-06T16:45:19Z for Install ID a11e0003-0003-4a8b-8c1d-0123456789ab.',
      '2027-12-06 first, then 2027-12-07T00:00:00Z last',
      'no date at all',
      '',
    ])
      expect(joined(datedText(message))).toBe(message);
    expect(datedText('2027-12-06')).toEqual([{ day: '2027-12-06' }]);
  });

  it('leaves dates inside file names, paths and identifiers in the words', () => {
    for (const message of [
      'It was moved to /data/config.json.damaged-2026-12-06T16-45-19-640Z',
      'exported to aklm-audit-2026-12-06.jsonl',
      'saved in /backups/2026-12-06/config.json',
      'Install ID 2026-1206-4a8b-8c1d-0123456789ab',
    ])
      expect(datedText(message)).toEqual([message]);
  });

  it('leaves what only looks like a date in the words, as a hostile key’s claims can write it', () => {
    const message = 'The license "2027-13-45T99:99:99Z 2027-02-30" is genuine and valid until 2027-12-06T16:45:19Z.';
    const parts = datedText(message);
    expect(parts).toEqual([
      'The license "2027-13-45T99:99:99Z 2027-02-30" is genuine and valid until ',
      { at: '2027-12-06T16:45:19Z' },
      '.',
    ]);
    expect(datedTextSchema.parse(parts)).toEqual(parts);
  });

  it('is what the contract accepts, and the contract refuses a date left in the words', () => {
    const parts = datedText('valid until 2027-12-06T16:45:19Z, renew by 2027-11-06');
    expect(datedTextSchema.parse(parts)).toEqual(parts);
    expect(datedTextSchema.safeParse(['valid until 2027-12-06T16:45:19Z']).success).toBe(false);
    expect(datedTextSchema.safeParse(['renew by 2027-11-06']).success).toBe(false);
    expect(datedTextSchema.safeParse([{ at: '6 Dec 2027' }]).success).toBe(false);
  });
});
