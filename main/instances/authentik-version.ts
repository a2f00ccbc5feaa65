/** The first release with today's enterprise API shapes (`install_id/`, summary `status`). */
const CURRENT_SHAPES_SINCE = { year: 2024, minor: 8 } as const;

/**
 * Whether an authentik version (`2024.6.3`, `2023.10.7`, `2024.8.0-rc1`, ...) predates 2024.8 and so
 * speaks the legacy enterprise shapes. A version that cannot be parsed is taken as current.
 */
export function speaksLegacyShapes(version: string): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (match === null) return false;
  const year = Number(match[1]);
  const minor = Number(match[2]);
  return year < CURRENT_SHAPES_SINCE.year || (year === CURRENT_SHAPES_SINCE.year && minor < CURRENT_SHAPES_SINCE.minor);
}
