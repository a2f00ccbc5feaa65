import { randomUUID } from 'node:crypto';
import { drfDateTime } from './drf-datetime';
import type { LicenseKeyClaims } from './license-claims';

/** One row of authentik's `License` model; name, expiry and user counts come from the key's claims. */
export interface StoredLicense {
  licenseUuid: string;
  key: string;
  claims: LicenseKeyClaims;
}

/** The `License` serializer's output. */
export interface LicenseJson {
  license_uuid: string;
  name: string;
  key: string;
  expiry: string;
  internal_users: number;
  external_users: number;
}

export function licenseJson(license: StoredLicense): LicenseJson {
  return {
    license_uuid: license.licenseUuid,
    name: license.claims.name,
    key: license.key,
    expiry: drfDateTime(license.claims.exp * 1000),
    internal_users: license.claims.internal_users,
    external_users: license.claims.external_users,
  };
}

/** The licenses table, in insertion order; duplicates allowed, as in released authentik. */
export class LicenseStore {
  private readonly rows: StoredLicense[] = [];

  all(): readonly StoredLicense[] {
    return this.rows;
  }

  add(key: string, claims: LicenseKeyClaims): StoredLicense {
    const row = { licenseUuid: randomUUID(), key, claims };
    this.rows.push(row);
    return row;
  }

  /** Looks a license up as Django does a UUIDField: any case, dashes optional; anything else matches nothing. */
  find(uuid: string): StoredLicense | undefined {
    const wanted = uuid.toLowerCase().replaceAll('-', '');
    if (!/^[0-9a-f]{32}$/.test(wanted)) return undefined;
    return this.rows.find((row) => row.licenseUuid.replaceAll('-', '') === wanted);
  }

  replace(row: StoredLicense, key: string, claims: LicenseKeyClaims): void {
    row.key = key;
    row.claims = claims;
  }

  remove(row: StoredLicense): void {
    const index = this.rows.indexOf(row);
    if (index >= 0) this.rows.splice(index, 1);
  }
}
