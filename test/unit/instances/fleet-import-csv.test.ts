import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../main/instances/fleet-import-csv';

/** Writes records as RFC 4180 CSV: every field quoted when it holds a comma, quote or line break. */
function writeCsv(records: string[][], lineBreak: string): string {
  const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return records.map((record) => record.map(field).join(',')).join(lineBreak);
}

const fieldText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é', ';') });
/** Records as a spreadsheet writes them: every record at least one field, and no record that is one empty field. */
const records = fc.array(
  fc.array(fieldText, { minLength: 1, maxLength: 5 }).filter((record) => !(record.length === 1 && record[0] === '')),
  { minLength: 1, maxLength: 8 },
);

describe('readCsv', () => {
  it('reads back whatever an RFC 4180 writer wrote, with CRLF or LF and with or without a last line break', () => {
    fc.assert(
      fc.property(records, fc.constantFrom('\r\n', '\n'), fc.boolean(), (written, lineBreak, trailing) => {
        const text = writeCsv(written, lineBreak) + (trailing ? lineBreak : '');
        expect(readCsv(text)).toEqual({ ok: true, records: written });
      }),
    );
  });

  it('drops a byte order mark at the start', () => {
    expect(readCsv('\uFEFFname,url\r\na,b')).toEqual({
      ok: true,
      records: [
        ['name', 'url'],
        ['a', 'b'],
      ],
    });
  });

  it.each([
    [
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a,,b', [['a', '', 'b']]],
    ['"",x', [['', 'x']]],
    ['"a ""quoted"" word","two\nlines"', [['a "quoted" word', 'two\nlines']]],
    ['a\rb', [['a'], ['b']]],
    ['a,\n', [['a', '']]],
    ['', []],
  ])('reads %j', (text, expected) => {
    expect(readCsv(text)).toEqual({ ok: true, records: expected });
  });

  it.each([
    ['name,url\n"unclosed,x', 'the quoted field starting on line 2 is never closed'],
    ['a"b,c', 'line 1 has a quote inside a field that does not start with one'],
    ['x\n"a"b,c', 'line 2 has text after a closing quote'],
    ['"two\nlines" x', 'line 2 has text after a closing quote'],
  ])('refuses %j with the line', (text, problem) => {
    expect(readCsv(text)).toEqual({ ok: false, problem });
  });
});
