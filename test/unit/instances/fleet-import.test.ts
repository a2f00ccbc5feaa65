import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../main/instances/fleet-import-file';
import { previewImport, runImport, type ImportCheck } from '../../../main/instances/fleet-import';

const TOKEN = 'hQ3kV9pLmZ2xR7tY4wB8nC1dF6gJ0sA5eU';
const context: ImportCheck = { savedNames: ['Saved'], env: { ACME_TOKEN: TOKEN }, readFile: () => null };

const csv = (...lines: string[]): string => lines.join('\r\n');
const preview = (text: string, fileName = 'fleet.csv') => previewImport(fileName, text, context).preview;

describe('an import file that carries tokens is refused, whole', () => {
  it.each([
    ['a token column', csv('name,url,token', 'a,https://a.example,abc'), 'The file has a “token” column.'],
    ['a password column', csv('name,url,Password', 'a,https://a.example,x'), 'The file has a “Password” column.'],
    ['an api_key column', csv('name,url,API-Key', 'a,https://a.example,x'), 'The file has a “API-Key” column.'],
    [
      'a secret column',
      csv('name,url,client_secret', 'a,https://a.example,x'),
      'The file has a “client_secret” column.',
    ],
    ['a token in token_env', csv('name,url,token_env', `a,https://a.example,${TOKEN}`), 'Row 2’s token_env holds'],
  ])('CSV with %s', (_case, text, reason) => {
    const answer = preview(text);
    expect(answer.refused).toContain(reason);
    expect(answer.refused).not.toContain(TOKEN);
    expect(answer.rows).toEqual([]);
  });

  it.each([
    [
      'a token field',
      [{ name: 'a', url: 'https://a.example', token_env: 'A', token: TOKEN }],
      'Entry 1 has a “token” field.',
    ],
    ['an apiKey field', [{ name: 'a', url: 'https://a.example', apiKey: 'x' }], 'Entry 1 has a “apiKey” field.'],
    ['a token in token_env', [{ name: 'a', url: 'https://a.example', token_env: TOKEN }], 'Entry 1’s token_env holds'],
  ])('fleet file with %s', (_case, entries, reason) => {
    const answer = preview(JSON.stringify(entries), 'fleet.json');
    expect(answer.refused).toContain(reason);
    expect(answer.refused).not.toContain(TOKEN);
  });

  it('keeps token_env itself, and environment variable names that merely look long', () => {
    const answer = preview(csv('name,url,token_env', 'a,https://a.example,ACME_PRODUCTION_AUTHENTIK_TOKEN_2'));
    expect(answer.refused).toBeNull();
  });
});

describe('files that are not import files', () => {
  it.each([
    ['', 'The file is empty.'],
    ['name,address\na,b', 'The first row names no “url” column'],
    ['name,url\n', 'The file lists no instances under its first row.'],
    ['name,url\n"a,b', 'It is not a CSV file the app can read: the quoted field starting on line 2 is never closed.'],
  ])('CSV %j', (text, reason) => {
    expect(preview(text).refused).toContain(reason);
  });

  it.each([
    ['{', 'It is not JSON'],
    ['{}', 'A fleet file is a JSON list'],
    ['[]', 'The fleet file lists no instances.'],
  ])('fleet file %j', (text, reason) => {
    expect(preview(text, 'f.json').refused).toContain(reason);
  });
});

describe('every row is checked as Add checks it', () => {
  it.each([
    ['a good row', 'Prod,https://auth.example.com/,Acme,eu;prod,,,', []],
    ['a blank name', ',https://auth.example.com,,,,,', ['Give the instance a name']],
    ['a saved name, in other case', 'saved,https://auth.example.com,,,,,', ['already exists']],
    ['an address that is no web address', 'Prod,ftp://x,,,,,', ['The address starts with https://']],
    ['plain HTTP elsewhere', 'Prod,http://auth.example.com,,,,,', ['put true in its allow_http column']],
    ['plain HTTP allowed', 'Prod,http://auth.example.com,,,,,yes', []],
    ['a bad allow_http', 'Prod,https://auth.example.com,,,,,maybe', ['allow_http is true or false.']],
    ['an unset variable', 'Prod,https://auth.example.com,,,NOT_SET,,', ['NOT_SET is not set']],
    ['a variable name that is none', 'Prod,https://auth.example.com,,,a-b,,', ['the name of an environment variable']],
    ['a relative CA path', 'Prod,https://auth.example.com,,,,ca.pem,', ['Give the CA file’s full path']],
    ['an unreadable CA', 'Prod,https://auth.example.com,,,,/nowhere/ca.pem,', ['The CA file cannot be read.']],
    ['a short row', 'Prod,https://auth.example.com', ['The row has 2 fields where the first row names 7 columns.']],
  ])('%s', (_case, line, expected) => {
    const [row] = preview(csv('name,url,customer,tags,token_env,ca,allow_http', line)).rows;
    expect(row?.problems.length).toBe(expected.length);
    expected.forEach((problem, at) => expect(row?.problems[at]).toContain(problem));
  });

  it('reads the fields, and knows which rows take their token from the environment', () => {
    const answer = preview(
      csv('URL,Name,Tags,token_env,notes', 'https://a.example/,A,eu prod;x,ACME_TOKEN,hi', 'https://b.example,B,,,'),
    );
    expect(answer.ignoredColumns).toEqual(['notes']);
    expect(answer.rows).toEqual([
      expect.objectContaining({
        row: 2,
        name: 'A',
        url: 'https://a.example',
        tags: ['eu', 'prod', 'x'],
        envVariable: 'ACME_TOKEN',
        tokenFromEnv: true,
        problems: [],
      }),
      expect.objectContaining({ row: 3, name: 'B', envVariable: null, tokenFromEnv: false, problems: [] }),
    ]);
  });

  it('reports a name used twice in the file on the later row, and numbers rows as a spreadsheet does', () => {
    const rows = preview(csv('name,url', 'A,https://a.example', '', 'a ,https://b.example')).rows;
    expect(rows.map((row) => [row.row, row.problems])).toEqual([
      [2, []],
      [4, ['Row 2 has the same name (names are compared ignoring case).']],
    ]);
  });

  it('reads a fleet file as aklm fleet does', () => {
    const file = readImportFile(
      'f.json',
      JSON.stringify([
        { name: 'A', url: 'http://a.example', token_env: 'ACME_TOKEN', allow_http: true },
        { name: 'B', url: 'https://b.example', allow_http: 'yes' },
      ]),
    );
    expect(file.ok && file.entries.map((entry) => [entry.allowHttp, entry.problems])).toEqual([
      ['true', []],
      ['false', ['allow_http: Invalid input: expected boolean, received string']],
    ]);
  });
});

describe('runImport', () => {
  const rowsOf = (text: string) => previewImport('f.csv', text, context).rows;
  const text = csv(
    'name,url,token_env',
    'A,https://a.example,',
    'B,https://b.example,ACME_TOKEN',
    'C,https://c.example,',
    'D,,',
  );

  it('adds each chosen row with its token, reports the others, and tells its progress', async () => {
    const added: [string, string][] = [];
    const progress: string[] = [];
    const results = await runImport(rowsOf(text), {
      chosen: [2, 3, 4, 5],
      tokens: new Map([[2, ` ${TOKEN}x `]]),
      env: context.env,
      add: async (row, token) => {
        if (row.name === 'A') added.push([row.name, token]);
        else if (row.name === 'B') throw new Error('refused by the server');
        return Promise.resolve();
      },
      reasonOf: (error) => (error as Error).message,
      progress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(added).toEqual([['A', `${TOKEN}x`]]);
    expect(results).toEqual([
      { row: 2, name: 'A', added: true, reason: null },
      { row: 3, name: 'B', added: false, reason: 'refused by the server' },
      { row: 4, name: 'C', added: false, reason: 'No API token was given for this row.' },
      { row: 5, name: 'D', added: false, reason: expect.stringContaining('Enter the address') },
    ]);
    expect(progress[0]).toBe('0/4');
    expect(progress.at(-1)).toBe('4/4');
    expect(progress).toHaveLength(5);
  });

  it('takes the token of a row whose token_env is set from the environment, not from what was typed', async () => {
    const tokens: string[] = [];
    await runImport(rowsOf(text), {
      chosen: [3],
      tokens: new Map([[3, 'typed']]),
      env: context.env,
      add: async (_row, token) => void tokens.push(token),
      reasonOf: String,
      progress: () => undefined,
    });
    expect(tokens).toEqual([TOKEN]);
  });
});
