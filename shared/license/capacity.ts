/** One license's expiry (epoch ms) and licensed seats. */
export interface LicenseCapacity {
  expiresAt: number;
  internalUsers: number;
  externalUsers: number;
}

/** A pair of user counts: licensed capacity or current usage. */
export interface UserCounts {
  internalUsers: number;
  externalUsers: number;
}
