import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instanceFixtures } from '../instances/instance-fixtures';
import { startApp } from './app-fixtures';
import { requireKeychain, tempDataDirs, trackedKeychain, uniqueToken } from './keychain-fixtures';

requireKeychain();
const fx = await instanceFixtures();
const secrets = trackedKeychain();
const dataDir = tempDataDirs();
const TOKEN = uniqueToken();

describe('the app, when its settings file is found damaged', () => {
  it('lists the instances from the last good copy and tells the dashboard what happened and where the damaged file is, every list of the session', async () => {
    const dir = await dataDir();
    const first = startApp({ dataDir: dir, secrets, pki: fx.pki, watched: [TOKEN] });
    const server = await fx.sim({ tokens: { [TOKEN]: { viewLicense: true } } });
    await first.ok('instances:add', {
      name: 'Prod',
      url: server.url,
      token: TOKEN,
      customer: null,
      tags: [],
      caPem: null,
    });
    expect((await first.ok('instances:list', {})).dataNotices).toEqual([]);

    writeFileSync(join(dir, 'config.json'), '[]');
    const next = first.restart();
    const listed = await next.ok('instances:list', {});
    expect(listed.instances.map((row) => row.name)).toEqual(['Prod']);
    const aside = readdirSync(dir).find((name) => name.startsWith('config.json.damaged-')) ?? '';
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('[]');
    expect(listed.dataNotices).toEqual([
      expect.stringMatching(
        /^The settings file .+ was damaged: it holds a list instead of the settings object\. It was moved to .+, and the last good copy .+ was restored\.$/,
      ),
    ]);
    expect(listed.dataNotices[0]).toContain(join(dir, aside));
    // Still told on the next list (a window opened later), and only once.
    expect((await next.ok('instances:list', {})).dataNotices).toEqual(listed.dataNotices);
  });
});
