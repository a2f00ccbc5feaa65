import { describe, expect, it } from 'vitest';
import { EU_COUNTRIES, type EuCountry, vatIdProblem } from '../../../../shared/portal/validation';

/** Per EU member state: VAT IDs of its shape, and IDs one step off (length, letters, prefix). */
const CASES: Record<EuCountry, { valid: string[]; invalid: string[] }> = {
  AT: { valid: ['ATU12345678'], invalid: ['ATU1234567', 'AT12345678', 'ATU123456789'] },
  BE: { valid: ['BE0123456789', 'BE1234567890'], invalid: ['BE2123456789', 'BE012345678'] },
  BG: { valid: ['BG123456789', 'BG1234567890'], invalid: ['BG12345678', 'BG12345678901'] },
  CY: { valid: ['CY12345678L'], invalid: ['CY123456789', 'CY1234567L'] },
  CZ: { valid: ['CZ12345678', 'CZ123456789', 'CZ1234567890'], invalid: ['CZ1234567', 'CZ12345678901'] },
  DE: { valid: ['DE123456789'], invalid: ['DE12345678', 'DE1234567890', 'DEA23456789'] },
  DK: { valid: ['DK12345678'], invalid: ['DK1234567', 'DK123456789'] },
  EE: { valid: ['EE123456789'], invalid: ['EE12345678'] },
  ES: { valid: ['ESX1234567R', 'ES12345678Z', 'ESA12345678'], invalid: ['ES1234567', 'ESX123456R9'] },
  FI: { valid: ['FI12345678'], invalid: ['FI123456789'] },
  FR: { valid: ['FR12345678901', 'FRXX123456789'], invalid: ['FRIO123456789', 'FR1234567890'] },
  GR: { valid: ['EL123456789'], invalid: ['EL12345678', 'GR123456789'] },
  HR: { valid: ['HR12345678901'], invalid: ['HR1234567890'] },
  HU: { valid: ['HU12345678'], invalid: ['HU123456789'] },
  IE: { valid: ['IE1234567T', 'IE1234567TW', 'IE1A23456T'], invalid: ['IE123456T', 'IE1234567'] },
  IT: { valid: ['IT12345678901'], invalid: ['IT1234567890'] },
  LT: { valid: ['LT123456789', 'LT123456789012'], invalid: ['LT1234567890'] },
  LU: { valid: ['LU12345678'], invalid: ['LU1234567'] },
  LV: { valid: ['LV12345678901'], invalid: ['LV1234567890'] },
  MT: { valid: ['MT12345678'], invalid: ['MT1234567'] },
  NL: { valid: ['NL123456789B01'], invalid: ['NL123456789', 'NL123456789A01'] },
  PL: { valid: ['PL1234567890'], invalid: ['PL123456789'] },
  PT: { valid: ['PT123456789'], invalid: ['PT12345678'] },
  RO: { valid: ['RO12', 'RO1234567890'], invalid: ['RO0123', 'RO12345678901', 'RO1'] },
  SE: { valid: ['SE123456789701'], invalid: ['SE123456789702', 'SE12345678901'] },
  SI: { valid: ['SI12345678'], invalid: ['SI02345678', 'SI1234567'] },
  SK: { valid: ['SK1234567890'], invalid: ['SK123456789'] },
};

describe('EU VAT IDs by country prefix and length', () => {
  it('covers all 27 member states', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(EU_COUNTRIES).sort());
    expect(Object.keys(EU_COUNTRIES)).toHaveLength(27);
  });

  describe.each(Object.entries(CASES) as [EuCountry, (typeof CASES)[EuCountry]][])(
    '%s',
    (country, { valid, invalid }) => {
      it.each(valid)('accepts %s', (id) => expect(vatIdProblem(id, country)).toBeNull());
      it.each(invalid)('refuses %s, in words naming the country', (id) => {
        expect(vatIdProblem(id, country)).toMatch(
          new RegExp(`^A VAT ID in ${EU_COUNTRIES[country]} .+, like [A-Z]{2}[0-9A-Z]+$`),
        );
      });
    },
  );

  it('says what the shape is', () => {
    expect(vatIdProblem('DE12345678', 'DE')).toBe('A VAT ID in Germany is DE followed by 9 digits, like DE123456789');
    expect(vatIdProblem('NL123456789', 'NL')).toBe(
      'A VAT ID in the Netherlands is NL followed by 9 digits, a B and 2 digits, like NL123456789B01',
    );
  });

  it('wants the prefix of the billing country', () => {
    expect(vatIdProblem('FR12345678901', 'DE')).toBe('A VAT ID in Germany starts with DE, like DE123456789');
    expect(vatIdProblem('123456789', 'DE')).toBe('A VAT ID in Germany starts with DE, like DE123456789');
  });

  it('tells Greek users their prefix is EL, not GR', () => {
    expect(vatIdProblem('GR123456789', 'GR')).toBe('A VAT ID in Greece starts with EL, not GR, like EL123456789');
  });

  it('ignores case, spaces, dots and hyphens as people type them', () => {
    expect(vatIdProblem('de 123 456 789', 'DE')).toBeNull();
    expect(vatIdProblem('NL.1234.56789-B01', 'NL')).toBeNull();
  });

  it('gives an example in every message that is itself valid', () => {
    for (const country of Object.keys(CASES) as EuCountry[]) {
      const example = /like (\S+)$/.exec(vatIdProblem('X', country) ?? '')?.[1];
      expect(example, country).toBeDefined();
      expect(vatIdProblem(example ?? '', country), country).toBeNull();
    }
  });
});
