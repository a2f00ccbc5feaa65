import { describe, expect, it } from 'vitest';
import { portalUrlSetting } from '../../../main/app/portal-url-setting';
import { DEFAULT_PORTAL_URL } from '../../../main/portal/purchase-url';

describe('the portal the app uses', () => {
  it("is the vendor's portal unless $AKLM_PORTAL_URL names another", () => {
    expect(portalUrlSetting({})).toBe(DEFAULT_PORTAL_URL);
    expect(portalUrlSetting({ AKLM_PORTAL_URL: '  ' })).toBe(DEFAULT_PORTAL_URL);
    expect(portalUrlSetting({ AKLM_PORTAL_URL: 'https://portal.example.com/' })).toBe('https://portal.example.com');
    expect(portalUrlSetting({ AKLM_PORTAL_URL: 'http://127.0.0.1:8123' })).toBe('http://127.0.0.1:8123');
  });

  it('stops with the reason when $AKLM_PORTAL_URL is unusable, instead of quietly using another portal', () => {
    expect(() => portalUrlSetting({ AKLM_PORTAL_URL: 'http://portal.example.com' })).toThrow(
      /^\$AKLM_PORTAL_URL: the portal's address must use https:\/\//,
    );
    expect(() => portalUrlSetting({ AKLM_PORTAL_URL: 'portal' })).toThrow(
      /^\$AKLM_PORTAL_URL: "portal" is not a web address/,
    );
  });
});
