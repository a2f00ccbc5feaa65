import { describe, expect, it } from 'vitest';
import { organizationsTable } from '../../../main/cli/output/portal-table';
import { terminalLines, terminalSafe, terminalSafeLine } from '../../../main/cli/output/terminal-safe';

describe('terminal-safe text', () => {
  it.each([
    ['ESC, the start of every escape sequence', 'Acme\u001b[2K', 'Acme\\u001b[2K'],
    ['a carriage return, which overwrites the line', 'Acme\rVALID', 'Acme\\u000dVALID'],
    ['the 8-bit CSI', 'x\u009b31m', 'x\\u009b31m'],
    ['NUL, BEL, backspace and DEL', '\u0000\u0007\u0008\u007f', '\\u0000\\u0007\\u0008\\u007f'],
    ['a tab', 'a\tb', 'a\\u0009b'],
    ['a right-to-left override and an isolate', 'abc\u202edef\u2066', 'abc\\u202edef\\u2066'],
    ['the Unicode line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
  ])('escapes %s', (_what, text, shown) => {
    expect(terminalSafe(text)).toBe(shown);
    expect(terminalSafeLine(text)).toBe(shown);
  });

  it('leaves printable text alone, accents, CJK and emoji included', () => {
    const text = 'Acmé GmbH — 株式会社 😀 "quoted" \\ back';
    expect(terminalSafe(text)).toBe(text);
    expect(terminalSafeLine(text)).toBe(text);
  });

  it('keeps line feeds in whole output, escapes them in one line or value, where they would forge a line', () => {
    expect(terminalSafe('one\ntwo\n')).toBe('one\ntwo\n');
    expect(terminalSafeLine('Acme\nVALID: forged')).toBe('Acme\\u000aVALID: forged');
    expect(terminalLines(['VALID: "Acme\nINVALID"', 'second'])).toBe('VALID: "Acme\\u000aINVALID"\nsecond\n');
  });

  it("keeps JSON text JSON, with the same value: its escapes are JSON's own", () => {
    const value = { name: 'Acme\u009b2J\u202e\u2028', nested: ['\u0085', 'plain'], n: 1 };
    const json = terminalSafe(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(/[\u0080-\u009f\u202e\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('portal tables', () => {
  it('show what a portal sends escaped, with the columns as wide as what is shown', () => {
    const table = organizationsTable([
      {
        id: 'org-1',
        name: 'Acme\u001b]0;pwned\u0007',
        role: 'owner',
        notification_email: 'it@acme.test',
        created_at: '2026-01-01T00:00:00Z',
      },
      {
        id: 'org-2',
        name: 'Short',
        role: 'member',
        notification_email: 'x@y.test',
        created_at: '2026-01-01T00:00:00Z',
      },
    ]);
    const [header, first, second] = table.split('\n');
    expect(first).toBe('org-1  Acme\\u001b]0;pwned\\u0007  owner   it@acme.test');
    expect(second?.indexOf('member')).toBe(first?.indexOf('owner'));
    expect(header?.indexOf('ROLE')).toBe(first?.indexOf('owner'));
  });
});
