import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthentikSimFleet, type AuthentikSimFleet } from '../../sim/authentik';
import { createSimKit, NOW, type SimKit } from './sim-fixtures';
import { call } from './sim-http';

const IDS = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
];
let kit: SimKit;
let fleet: AuthentikSimFleet;

beforeAll(async () => {
  kit = await createSimKit();
  fleet = await startAuthentikSimFleet(3, (index) => ({
    roots: kit.roots,
    installId: IDS[index],
    now: () => NOW,
    legacy: index === 2,
    latencyMs: 100,
  }));
});

afterAll(async () => {
  await fleet.close();
});

describe('a fleet of simulated instances behind one server', () => {
  it('puts instance i under ${url}/i/${i}, all on one port', () => {
    expect(fleet.instances.map((instance) => instance.url)).toEqual(
      [0, 1, 2].map((index) => `${fleet.url}/i/${index}`),
    );
    expect(fleet.instanceUrl(1)).toBe(`${fleet.url}/i/1`);
    expect(new Set(fleet.instances.map((instance) => new URL(instance.url).port)).size).toBe(1);
  });

  it('keeps instances independent: install IDs, licenses, request logs, API generation', async () => {
    expect((await call(fleet.instanceUrl(0), '/enterprise/license/install_id/')).body).toEqual({ install_id: IDS[0] });
    expect((await call(fleet.instanceUrl(1), '/enterprise/license/install_id/')).body).toEqual({ install_id: IDS[1] });
    expect((await call(fleet.instanceUrl(2), '/enterprise/license/get_install_id/')).body).toEqual({
      install_id: IDS[2],
    });

    const key = kit.key({ installId: IDS[0] });
    expect((await call(fleet.instanceUrl(0), '/enterprise/license/', { method: 'POST', body: { key } })).status).toBe(
      201,
    );
    expect(await call(fleet.instanceUrl(1), '/enterprise/license/', { method: 'POST', body: { key } })).toMatchObject({
      status: 400,
      body: { key: ['Invalid Install ID in license'] },
    });
    expect(fleet.instances[0]?.installed()).toHaveLength(1);
    expect(fleet.instances[1]?.installed()).toHaveLength(0);
    expect(fleet.instances[1]?.requests.map((request) => request.path)).toEqual([
      '/enterprise/license/install_id/',
      '/enterprise/license/',
    ]);

    fleet.instances[1]?.fault({ kind: 'status', status: 500 });
    expect((await call(fleet.instanceUrl(0), '/admin/version/')).status).toBe(200);
    expect((await call(fleet.instanceUrl(1), '/admin/version/')).status).toBe(500);
  });

  it('answers 404 outside any instance', async () => {
    expect((await fetch(`${fleet.url}/i/7/api/v3/admin/version/`)).status).toBe(404);
    expect((await fetch(`${fleet.url}/api/v3/admin/version/`)).status).toBe(404);
  });

  it('serves many instances concurrently (30 × 100 ms of latency overlap instead of adding up to 3 s)', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) => call(fleet.instanceUrl(index % 3), '/enterprise/license/summary/')),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
