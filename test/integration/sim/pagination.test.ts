import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthentikSim, type AuthentikSim } from '../../sim/authentik';
import { createSimKit, INSTALL_ID, NOW } from './sim-fixtures';
import { call } from './sim-http';

interface PageBody {
  pagination: {
    next: number;
    previous: number;
    count: number;
    current: number;
    total_pages: number;
    start_index: number;
    end_index: number;
  };
  results: { license_uuid: string; name: string }[];
  autocomplete: Record<string, unknown>;
}

let sim: AuthentikSim;
const NAMES = ['Golf', 'alpha', 'Echo', 'Bravo', 'Delta', 'Foxtrot', 'Charlie'];

beforeAll(async () => {
  const kit = await createSimKit();
  sim = await startAuthentikSim({ roots: kit.roots, installId: INSTALL_ID, now: () => NOW, maxPageSize: 3 });
  for (const name of NAMES) sim.addLicense(kit.key({ name }));
});

afterAll(async () => {
  await sim.close();
});

async function page(query: string): Promise<PageBody> {
  const result = await call(sim.url, `/enterprise/license/${query}`);
  expect(result.status).toBe(200);
  return result.body as PageBody;
}

describe('license list pagination (page numbers, as authentik pages)', () => {
  it('caps page_size at the maximum, and pages by the maximum when no page_size is sent', async () => {
    expect((await page('?page_size=100')).results).toHaveLength(3);
    expect((await page('')).pagination).toMatchObject({ count: 7, total_pages: 3 });
    expect((await page('?page_size=2')).pagination).toMatchObject({ total_pages: 4 });
  });

  it('ignores a page_size that is not a positive integer, as DRF does', async () => {
    for (const size of ['0', '-2', 'ten', '2.5'])
      expect((await page(`?page_size=${size}`)).pagination.total_pages).toBe(3);
  });

  it('gives next/previous as page numbers, 0 when there is none, with 1-based start/end indexes', async () => {
    expect((await page('?page=1')).pagination).toEqual({
      next: 2,
      previous: 0,
      count: 7,
      current: 1,
      total_pages: 3,
      start_index: 1,
      end_index: 3,
    });
    expect((await page('?page=2')).pagination).toEqual({
      next: 3,
      previous: 1,
      count: 7,
      current: 2,
      total_pages: 3,
      start_index: 4,
      end_index: 6,
    });
    expect((await page('?page=3')).pagination).toEqual({
      next: 0,
      previous: 2,
      count: 7,
      current: 3,
      total_pages: 3,
      start_index: 7,
      end_index: 7,
    });
    expect((await page('?page=last')).pagination.current).toBe(3);
  });

  it('answers 404 {"detail": "Invalid page."} for a page out of range or not a number', async () => {
    for (const number of ['0', '4', '-1', 'two', '1.0']) {
      const result = await call(sim.url, `/enterprise/license/?page=${number}`);
      expect(result.status).toBe(404);
      expect(result.body).toEqual({ detail: 'Invalid page.' });
    }
  });

  it('returns every license exactly once when walking pages until next is 0', async () => {
    const seen: string[] = [];
    let number = 1;
    while (number !== 0) {
      const body = await page(`?page=${number}&page_size=2`);
      seen.push(...body.results.map((license) => license.license_uuid));
      number = body.pagination.next;
    }
    expect(seen.sort()).toEqual(
      sim
        .installed()
        .map((license) => license.licenseUuid)
        .sort(),
    );
  });

  it('orders by name by default and honours ordering, search and the name filter', async () => {
    const names = async (query: string) =>
      (await page(`${query}${query === '' ? '?' : '&'}page_size=3`)).results.map((license) => license.name);
    // Default ordering is the database's (code point here): upper case before lower case.
    expect(await names('')).toEqual(['Bravo', 'Charlie', 'Delta']);
    expect(await names('?ordering=-name')).toEqual(['alpha', 'Golf', 'Foxtrot']);
    expect(await names('?ordering=nonsense')).toEqual(['Bravo', 'Charlie', 'Delta']);
    expect(await names('?search=LT')).toEqual(['Delta']);
    expect(await names('?name=Echo')).toEqual(['Echo']);
    expect(await names('?name=echo')).toEqual([]);
  });
});
