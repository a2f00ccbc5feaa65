import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../shared/time/durations';
import { toIsoUtc } from '../../../shared/time/iso';
import {
  appendedEntries,
  fileStatusHistory,
  HISTORY_DAYS,
  observationsOf,
  readStatusHistory,
  type StatusHistoryEntry,
} from '../../../main/instances/status-history';

const root = mkdtempSync(join(tmpdir(), 'aklm-history-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const ID = '3f0c2f5e-1a3b-4c5d-8e9f-0a1b2c3d4e5f';
const URL = 'https://auth.example.com';

function entry(
  daysAgo: number,
  status = 'valid',
  usage: StatusHistoryEntry['usage'] = { internalUsers: 40, externalUsers: 3 },
): StatusHistoryEntry {
  return {
    at: toIsoUtc(NOW - daysAgo * DAY_MS),
    status,
    statusCached: status,
    licensed: { internalUsers: 50, externalUsers: 100 },
    usage,
  };
}

function store() {
  const dir = join(root, `history-${++folders}`);
  const log: string[] = [];
  return {
    dir,
    log,
    history: fileStatusHistory(dir, { error: (what) => void log.push(what) }, () => NOW),
    file: join(dir, `${ID}.json`),
  };
}

describe('appendedEntries: bounded', () => {
  it(`drops readings more than ${HISTORY_DAYS} days older than the new one`, () => {
    const kept = appendedEntries([entry(130), entry(119, 'expiry_soon'), entry(60, 'expired')], entry(0, 'read_only'));
    expect(kept.map((reading) => reading.status)).toEqual(['expiry_soon', 'expired', 'read_only']);
  });

  it('keeps a run of identical readings as its first and last', () => {
    let entries: StatusHistoryEntry[] = [];
    for (const daysAgo of [5, 4, 3, 2]) entries = appendedEntries(entries, entry(daysAgo));
    entries = appendedEntries(entries, entry(1, 'expiry_soon'));
    expect(entries.map((reading) => [reading.at, reading.status])).toEqual([
      [entry(5).at, 'valid'],
      [entry(2).at, 'valid'],
      [entry(1).at, 'expiry_soon'],
    ]);
    // Another count is another reading.
    expect(
      appendedEntries([entry(3), entry(2)], entry(1, 'valid', { internalUsers: 41, externalUsers: 3 })),
    ).toHaveLength(3);
  });
});

describe('fileStatusHistory: one file per instance in the data folder', () => {
  it('appends each reading, written whole (no temporary file left), nothing but the reading', () => {
    const { history, file, log, dir } = store();
    history.append(ID, URL, entry(2));
    history.append(ID, URL, entry(1, 'expiry_soon'));
    expect(history.read(ID, URL)).toEqual([entry(2), entry(1, 'expiry_soon')]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      format: 1,
      url: URL,
      entries: [entry(2), entry(1, 'expiry_soon')],
    });
    expect(readdirSync(dir)).toEqual([`${ID}.json`]);
    expect(log).toEqual([]);
  });

  it("a history made at another address is not this one's: it reads as none and the next reading replaces it", () => {
    const { history } = store();
    history.append(ID, URL, entry(2));
    expect(history.read(ID, 'https://other.example.com')).toEqual([]);
    history.append(ID, 'https://other.example.com', entry(1));
    expect(history.read(ID, URL)).toEqual([]);
    expect(history.read(ID, 'https://other.example.com')).toEqual([entry(1)]);
  });

  it.each([
    ['not JSON', '{"format": 1, "url": ', 'it is not valid JSON'],
    [
      'not a history',
      JSON.stringify({ format: 1, url: URL, entries: [{ at: 'yesterday', status: 'valid' }] }),
      'it is not a status history (at entries.0.at:',
    ],
    [
      'a secret where none belongs',
      JSON.stringify({ format: 1, url: URL, entries: [{ ...entry(1), token: 'secret-token' }] }),
      'it is not a status history (at entries.0:',
    ],
  ])('a damaged file (%s) is set aside with a log line, and refresh goes on with a new history', (_, text, problem) => {
    const { history, file, log, dir } = store();
    history.append(ID, URL, entry(3));
    writeFileSync(file, text);
    history.append(ID, URL, entry(1));
    expect(history.read(ID, URL)).toEqual([entry(1)]);
    const aside = readdirSync(dir).filter((name) => name.includes('.damaged-'));
    expect(aside).toEqual([`${ID}.json.damaged-2026-11-29T12-00-00-000Z`]);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe(text);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain(`The status history of instance ${ID} (${file}) was damaged: ${problem}`);
    expect(log[0]).toContain(
      `It was set aside as ${join(dir, aside[0] ?? '')}, and a new history starts with the next refresh.`,
    );
    expect(log[0]).not.toContain('secret-token');
  });

  it('a damaged file read by the preflight is set aside too, and reads as no history', () => {
    const { history, file, log } = store();
    history.append(ID, URL, entry(1));
    writeFileSync(file, 'garbage');
    expect(history.read(ID, URL)).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(log).toHaveLength(1);
  });

  it('a write that fails is logged and does not throw', () => {
    const { history, log, dir } = store();
    writeFileSync(dir, 'a file where the folder should be');
    expect(() => history.append(ID, URL, entry(1))).not.toThrow();
    expect(log[0]).toContain(
      `The status history of instance ${ID} could not be saved; the refresh itself is not affected`,
    );
  });

  it("remove deletes the instance's file (and is fine when there is none)", () => {
    const { history, file, log } = store();
    history.append(ID, URL, entry(1));
    history.remove(ID);
    expect(existsSync(file)).toBe(false);
    history.remove(ID);
    expect(log).toEqual([]);
  });
});

describe("readStatusHistory: the CLI reads the app's history and leaves it alone", () => {
  it('reads the readings at the address; a damaged file is reported, not moved', () => {
    const { history, file, dir } = store();
    history.append(ID, URL, entry(1));
    expect(readStatusHistory(dir, ID, URL)).toEqual({ entries: [entry(1)], problem: null });
    expect(readStatusHistory(dir, '7d1e9a40-2b3c-4d5e-9f60-1a2b3c4d5e6f', URL)).toEqual({ entries: [], problem: null });
    writeFileSync(file, '[]');
    expect(readStatusHistory(dir, ID, URL)).toEqual({
      entries: [],
      problem: 'it is not a status history (at the top level: Invalid input: expected object, received array)',
    });
    expect(existsSync(file)).toBe(true);
  });
});

describe("observationsOf: the readings on the instance's clock", () => {
  it('moves each time by the skew and says whether the users exceeded the seats', () => {
    expect(
      observationsOf(
        [entry(1), entry(0, 'read_only', { internalUsers: 51, externalUsers: 0 }), entry(0, 'valid', null)],
        60_000,
      ),
    ).toEqual([
      { at: NOW - DAY_MS + 60_000, status: 'valid', overCapacity: false },
      { at: NOW + 60_000, status: 'read_only', overCapacity: true },
      { at: NOW + 60_000, status: 'valid', overCapacity: null },
    ]);
  });
});
