import type { AuthentikRules } from '../../shared/license/authentik-rules';

/** One license as an instance reports it (name, expiry and users come from the key's claims). */
export interface InstalledLicense {
  licenseUuid: string;
  name: string;
  /** The key itself: a secret, never printed, logged or returned to the page. */
  key: string;
  /** Epoch ms. */
  expiry: number;
  internalUsers: number;
  externalUsers: number;
}

/** `/enterprise/license/summary/`, normalised across authentik versions. */
export interface LicenseSummary {
  /** A value of authentik's status enum, or whatever unknown value the server sent, as received. */
  status: string;
  /** Licensed capacity, summed over licenses (not usage). */
  internalUsers: number;
  externalUsers: number;
  /** The server's combined expiry, epoch ms; null when unlicensed (authentik sends the epoch) or absent. */
  latestValid: number | null;
  licenseFlags: string[];
}

/** `/enterprise/license/forecast/`: current active counts and authentik's forecast. */
export interface LicenseForecast {
  internalUsers: number;
  externalUsers: number;
  forecastedInternalUsers: number;
  forecastedExternalUsers: number;
}

/** Why an optional read came back empty. */
export type Availability = 'ok' | 'forbidden' | 'absent';

/** Everything `status` needs from one instance, read in one go. */
export interface InstanceSnapshot {
  url: string;
  version: string;
  /** authentik's licensing rules for `version`: its API shapes, and how it counts seats and checks keys. */
  rules: AuthentikRules;
  installId: string | null;
  installIdAvailability: Exclude<Availability, 'absent'>;
  /** `summary?cached=false`: what authentik computes now. */
  live: LicenseSummary;
  /** `summary` (cached): what authentik enforces; can lag by hours. */
  cached: LicenseSummary;
  forecast: LicenseForecast | null;
  /** 'absent' when this authentik version has no forecast endpoint (404). */
  forecastAvailability: Availability;
  licenses: InstalledLicense[];
  /** How far the server's clock is off this computer's; null when the server told no time. */
  clock: ServerClock | null;
}

/** The server's clock against this computer's, measured on one answer. */
export interface ServerClock {
  /** Server minus local, ms: the server's time in the answer against the local middle of that request's round trip. */
  skewMs: number;
  /** `server_time` of `/admin/system/` (sub-second), or the HTTP `Date` header (whole seconds) when that cannot be read. */
  source: 'server_time' | 'date';
}
