import { describe, expect, it, vi } from 'vitest';
import { guardSession } from '../../../main/electron/session-guards';

vi.mock('electron', () => {
  throw new Error('the session guards must not load electron themselves');
});

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

function guardedSession() {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  guardSession(session);
  const only = <T>(mock: ReturnType<typeof vi.fn>): T => {
    expect(mock).toHaveBeenCalledTimes(1);
    const handler: unknown = mock.mock.calls[0]?.[0];
    expect(handler).toBeTypeOf('function');
    return handler as T;
  };
  return {
    request: only<RequestHandler>(session.setPermissionRequestHandler),
    check: only<CheckHandler>(session.setPermissionCheckHandler),
    device: only<(details: unknown) => boolean>(session.setDevicePermissionHandler),
  };
}

const PERMISSIONS = [
  'media',
  'notifications',
  'geolocation',
  'clipboard-read',
  'openExternal',
  'fullscreen',
  'hid',
  'unknown',
];

describe('guardSession', () => {
  it.each(PERMISSIONS)('answers a request for %s with no, even from the app itself', (permission) => {
    const { request } = guardedSession();
    const callback = vi.fn();
    request({ id: 1 }, permission, callback, { requestingUrl: 'app://renderer/index.html' });
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it.each(PERMISSIONS)('reports %s as not granted', (permission) => {
    const { check } = guardedSession();
    expect(check({ id: 1 }, permission, 'app://renderer', { requestingUrl: 'app://renderer/index.html' })).toBe(false);
  });

  it('refuses every USB, HID and serial device', () => {
    const { device } = guardedSession();
    expect(device({ deviceType: 'usb', origin: 'app://renderer', device: {} })).toBe(false);
    expect(device({ deviceType: 'hid', origin: 'app://renderer', device: {} })).toBe(false);
    expect(device({ deviceType: 'serial', origin: 'app://renderer', device: {} })).toBe(false);
  });
});
