import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { NO_AUDIT_FILTERS } from '../../../shared/audit/audit-filter';
import { exportAudit } from '../../../main/audit/audit-export';
import { parseAuditLines } from '../../../main/audit/audit-lines';

const PREV = '0'.repeat(64);
const entry = (fields: Partial<AuditEntry>): string =>
  JSON.stringify({
    v: 1,
    time: '2026-05-01T10:00:00.000Z',
    actor: { kind: 'os', name: 'alice' },
    action: 'license.install',
    target: { instance: { id: 'i-1', name: 'Prod', url: 'https://prod.example.com' } },
    fingerprint: `sha256:${'ab'.repeat(32)}`,
    result: 'attempted',
    detail: null,
    op: 'op-1',
    prev: PREV,
    ...fields,
  });

const RAW = [
  entry({}),
  entry({
    time: '2026-05-02T09:00:00.000Z',
    action: 'instance.remove',
    target: { instance: { id: 'i-2', name: 'Edge', url: 'https://edge.example.com' } },
    fingerprint: null,
    result: 'succeeded',
  }),
  'damaged line',
  entry({
    time: '2026-05-03T08:00:00.000Z',
    actor: { kind: 'portal', name: 'owner@acme.example' },
    action: 'invitation.send',
    target: { organization: 'org-1', email: 'new@acme.example' },
    fingerprint: null,
    detail: '=HYPERLINK("x")',
  }),
];
const LINES = parseAuditLines(RAW);
const NOW = new Date('2026-05-04T00:00:00Z');

describe('exporting the audit trail', () => {
  it('reads each line as an entry, or as no entry when it is damaged', () => {
    expect(LINES.map(({ line, entry: read }) => [line, read?.action ?? null])).toEqual([
      [1, 'license.install'],
      [2, 'instance.remove'],
      [3, null],
      [4, 'invitation.send'],
    ]);
  });

  it('as JSON Lines: every line exactly as written, damaged ones included, when nothing is filtered', () => {
    const exported = exportAudit(RAW, LINES, 'jsonl', NO_AUDIT_FILTERS, NOW);
    expect(exported).toEqual({
      fileName: 'authentik-audit-2026-05-04.jsonl',
      mimeType: 'application/jsonl',
      content: `${RAW.join('\n')}\n`,
    });
  });

  it('as CSV: one column per field, spreadsheet formulas kept as text', () => {
    const { content, fileName } = exportAudit(RAW, LINES, 'csv', NO_AUDIT_FILTERS, NOW);
    expect(fileName).toBe('authentik-audit-2026-05-04.csv');
    const rows = content.split('\r\n');
    expect(rows[0]).toBe(
      'line,time,actor_kind,actor,action,result,instance,instance_id,instance_url,license,license_name,portal,organization,organization_name,portal_license,install_id,email,user,invitation,role,fingerprint,detail,op,prev',
    );
    expect(rows[1]).toBe(
      `1,2026-05-01T10:00:00.000Z,os,alice,license.install,attempted,Prod,i-1,https://prod.example.com,,,,,,,,,,,,sha256:${'ab'.repeat(32)},,op-1,${PREV}`,
    );
    expect(rows[3]).toContain('3,,,,,,,,,,,,,,,,,,,,,"not an entry (damaged, or not written by this app)"');
    expect(rows[4]).toContain(`,"'=HYPERLINK(""x"")",`);
  });

  it("applies the screen's filters: action, instance, actor and a time range", () => {
    const chosen = (filters: Partial<typeof NO_AUDIT_FILTERS>) =>
      exportAudit(RAW, LINES, 'jsonl', { ...NO_AUDIT_FILTERS, ...filters }, NOW)
        .content.split('\n')
        .filter(Boolean)
        .map((line) => RAW.indexOf(line) + 1);
    expect(chosen({ action: 'instance.remove' })).toEqual([2]);
    expect(chosen({ instance: 'Prod' })).toEqual([1]);
    expect(chosen({ actor: 'owner@acme.example (portal)' })).toEqual([4]);
    expect(chosen({ actor: 'alice (this computer)' })).toEqual([1, 2]);
    expect(chosen({ from: '2026-05-02T00:00:00.000Z', until: '2026-05-03T00:00:00.000Z' })).toEqual([2]);
    expect(chosen({ from: '2026-05-03T08:00:00.000Z' })).toEqual([4]);
  });
});
