import { describe, expect, it } from 'vitest';
import { bulkTagPatches } from '../../../main/instances/bulk-tags';
import { instanceRecord as record } from '../../seeds/instance-record';

const a = record({ name: 'A', tags: ['eu'] });
const b = record({ name: 'B', tags: [] });
const full = record({ name: 'Full', tags: Array.from({ length: 20 }, (_, at) => `t${at}`) });
const RECORDS = [a, b, full];

describe('bulk tag patches', () => {
  it.each([
    ['adds to those without it, leaves those with it', [a.id, b.id], 'eu', 'add', [[b.id, ['eu']]]],
    ['matches an existing tag ignoring case', [a.id], 'EU', 'add', []],
    ['removes it from those that have it', [a.id, b.id], 'Eu', 'remove', [[a.id, []]]],
    ['trims the tag', [b.id], '  prod ', 'add', [[b.id, ['prod']]]],
  ] as const)('%s', (_, ids, tag, change, expected) => {
    const patches = bulkTagPatches(RECORDS, ids, tag, change);
    expect([...patches].map(([id, patch]) => [id, patch.tags])).toEqual(expected);
  });

  it('refuses the whole change when one instance is no longer saved', () => {
    expect(() => bulkTagPatches(RECORDS, [b.id, '00000000-0000-4000-8000-000000000000'], 'x', 'add')).toThrow(
      /no longer saved; nothing was changed/,
    );
  });

  it('refuses the whole change when one instance cannot take another tag', () => {
    expect(() => bulkTagPatches(RECORDS, [b.id, full.id], 'x', 'add')).toThrow(/"Full" already has 20 tags/);
  });
});
