/**
 * A CSV reader after RFC 4180: fields separated by commas, records by CRLF (LF or a lone CR also end a
 * record, as spreadsheets on every system write them), a field in double quotes may hold commas, line
 * breaks and doubled quotes (""). A byte order mark at the start is dropped, and a last line break
 * does not start another record. Anything else is refused with the line it is on.
 */

export type CsvReading = { ok: true; records: string[][] } | { ok: false; problem: string };

export function readCsv(input: string): CsvReading {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  /** The field so far was quoted (closed): only a comma or a line break may follow. */
  let quoted = false;
  let line = 1;
  let i = 0;
  const endField = (): void => {
    record.push(field);
    field = '';
    quoted = false;
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (char === ',') {
      endField();
      i += 1;
    } else if (char === '\r' || char === '\n') {
      endField();
      records.push(record);
      record = [];
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
    } else if (quoted) {
      return { ok: false, problem: `line ${line} has text after a closing quote` };
    } else if (char === '"') {
      if (field !== '')
        return { ok: false, problem: `line ${line} has a quote inside a field that does not start with one` };
      const start = line;
      i += 1;
      for (;;) {
        const inner = text[i];
        if (inner === undefined)
          return { ok: false, problem: `the quoted field starting on line ${start} is never closed` };
        if (inner === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (inner === '"') {
          i += 1;
          break;
        } else {
          if (inner === '\n' || (inner === '\r' && text[i + 1] !== '\n')) line += 1;
          field += inner;
          i += 1;
        }
      }
      quoted = true;
    } else {
      field += char;
      i += 1;
    }
  }
  if (field !== '' || quoted || record.length > 0) {
    endField();
    records.push(record);
  }
  return { ok: true, records };
}
