import { describe, expect, it } from 'vitest';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { exportFleet } from '../../../main/instances/fleet-export';

const row = (overrides: Partial<InstanceRow>): InstanceRow => ({
  id: '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44',
  name: 'prod',
  url: 'https://auth.example.com',
  customer: 'Acme, Inc.',
  tags: ['eu', 'gold'],
  allowHttp: false,
  version: '2026.5.6',
  installId: 'f0e1d2c3-b4a5-4968-8776-655443322110',
  state: 'warning',
  statusSource: 'live',
  statusReadAt: '2026-11-29T12:00:00Z',
  status: 'expiry_soon',
  statusCached: 'expiry_soon',
  latestValid: '2026-12-10T00:00:00Z',
  licensed: { internalUsers: 50, externalUsers: 100 },
  usage: { internalUsers: 40, externalUsers: 3 },
  flags: ['trial'],
  warnings: ['The licenses run out on 2026-12-10, in 11 days: renew before then.'],
  lastRefresh: { at: '2026-11-29T12:00:00Z', ok: true, error: null },
  ...overrides,
});

describe('fleet export', () => {
  it('writes RFC 4180 CSV with a header, quoting commas, quotes and newlines', () => {
    const { fileName, mimeType, content } = exportFleet(
      [row({ name: 'say "hi"\nthere' })],
      'csv',
      new Date('2026-11-29T12:00:00Z'),
    );
    expect(fileName).toBe('authentik-instances-2026-11-29.csv');
    expect(mimeType).toBe('text/csv');
    const [header, line] = content.split('\r\n');
    expect(header).toBe(
      'name,url,customer,tags,state,status,status_cached,status_source,status_read_at,latest_valid,internal_used,internal_licensed,external_used,external_licensed,flags,version,install_id,last_refresh,error,warnings',
    );
    expect(line).toBe(
      [
        '"say ""hi""\nthere"',
        'https://auth.example.com',
        '"Acme, Inc."',
        'eu gold',
        'warning,expiry_soon,expiry_soon,live,2026-11-29T12:00:00Z,2026-12-10T00:00:00Z,40,50,3,100,trial,2026.5.6',
        'f0e1d2c3-b4a5-4968-8776-655443322110,2026-11-29T12:00:00Z,',
        '"The licenses run out on 2026-12-10, in 11 days: renew before then."',
      ].join(','),
    );
  });

  it('keeps spreadsheet formulas as text', () => {
    const { content } = exportFleet(
      [row({ name: '=HYPERLINK("http://evil")', customer: '+1', tags: ['@x'] })],
      'csv',
      new Date(),
    );
    const line = content.split('\r\n')[1] ?? '';
    expect(line.startsWith(`"'=HYPERLINK(""http://evil"")",`)).toBe(true);
    expect(line).toContain(",'+1,'@x,");
  });

  it('leaves unknown values empty and exports JSON with the same fields', () => {
    const never = row({
      state: 'never',
      statusSource: 'none',
      statusReadAt: null,
      status: null,
      statusCached: null,
      latestValid: null,
      licensed: null,
      usage: null,
      flags: [],
      warnings: [],
      lastRefresh: null,
      customer: null,
    });
    expect(exportFleet([never], 'csv', new Date()).content.split('\r\n')[1]).toBe(
      'prod,https://auth.example.com,,eu gold,never,,,none,,,,,,,,2026.5.6,f0e1d2c3-b4a5-4968-8776-655443322110,,,',
    );
    const json = JSON.parse(exportFleet([row({})], 'json', new Date()).content) as Record<string, unknown>[];
    expect(json[0]).toMatchObject({
      name: 'prod',
      status: 'expiry_soon',
      internal_used: 40,
      internal_licensed: 50,
      error: null,
    });
  });

  it('says for each row whether its status was read in this session or is the last one known, and when it was read', () => {
    const live = row({ name: 'live' });
    const lastKnown = row({
      name: 'last-known',
      // No commas in its cells, so the CSV line splits on them.
      customer: null,
      warnings: [],
      statusSource: 'last_known',
      statusReadAt: '2026-11-28T07:00:00Z',
      state: 'unknown',
      lastRefresh: {
        at: '2026-11-29T12:00:00Z',
        ok: false,
        error: { code: 'unreachable', message: 'Nothing answers at the address.' },
      },
    });
    const json = JSON.parse(exportFleet([live, lastKnown], 'json', new Date()).content) as Record<string, unknown>[];
    expect(
      json.map((entry) => [
        entry.name,
        entry.status,
        entry.status_source,
        entry.status_read_at,
        entry.last_refresh,
        entry.error,
      ]),
    ).toEqual([
      ['live', 'expiry_soon', 'live', '2026-11-29T12:00:00Z', '2026-11-29T12:00:00Z', null],
      [
        'last-known',
        'expiry_soon',
        'last_known',
        '2026-11-28T07:00:00Z',
        '2026-11-29T12:00:00Z',
        'Nothing answers at the address.',
      ],
    ]);
    const csv = exportFleet([lastKnown], 'csv', new Date()).content.split('\r\n');
    const column = (name: string) => csv[1]?.split(',')[csv[0]?.split(',').indexOf(name) ?? -1];
    expect([column('status'), column('status_source'), column('status_read_at')]).toEqual([
      'expiry_soon',
      'last_known',
      '2026-11-28T07:00:00Z',
    ]);
  });

  it('carries no token or key, whatever the row holds', () => {
    const content = exportFleet([row({})], 'json', new Date()).content;
    expect(content).not.toMatch(/token|eyJ/i);
  });
});
