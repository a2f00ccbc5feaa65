import { callApi, type AuthentikApi } from './authentik-api';
import { licensePageSchema, type WireLicense } from './authentik-schemas';
import { InstanceError } from './instance-error';
import type { InstalledLicense } from './instance-snapshot';

/** Asked for; the server may cap it lower, and pagination follows whatever it returns. */
const PAGE_SIZE = 100;
/** 100 000 licenses at the size asked for: beyond that the server's pagination is broken. */
const MAX_PAGES = 1000;

export function installedLicenseOf(wire: WireLicense): InstalledLicense {
  return {
    licenseUuid: wire.license_uuid,
    name: wire.name,
    key: wire.key,
    expiry: wire.expiry,
    internalUsers: wire.internal_users,
    externalUsers: wire.external_users,
  };
}

/** Every installed license, page by page until `pagination.next` is 0 (a page number, not a URL). */
export async function listAllLicenses(api: AuthentikApi, signal?: AbortSignal): Promise<InstalledLicense[]> {
  const byUuid = new Map<string, InstalledLicense>();
  let page = 1;
  for (let pages = 1; ; pages += 1) {
    const current = page;
    const { value } = await callApi(
      api,
      { what: `page ${current} of the license list`, path: '/enterprise/license/', method: 'GET' },
      licensePageSchema,
      (init) => api.enterprise.enterpriseLicenseListRaw({ page: current, pageSize: PAGE_SIZE }, init),
      signal,
    );
    // A license added or removed between pages can shift another across a page boundary: keep one of each.
    for (const license of value.results) byUuid.set(license.license_uuid, installedLicenseOf(license));
    const next = value.pagination.next;
    if (next === 0) return [...byUuid.values()];
    if (next <= current || pages >= MAX_PAGES) {
      throw new InstanceError(
        'unexpected_response',
        `${api.location.host} sent a license list whose pages do not advance (page ${current} points to page ${next}).`,
      );
    }
    page = next;
  }
}
