import { describe, expect, it } from 'vitest';
import { tokenVariables, withoutTokenVariables } from '../../../main/security/token-variables';

describe('token variables', () => {
  it('finds AKLM_TOKEN, the variables --token-env named, and any named like a credential', () => {
    const env = {
      AKLM_TOKEN: 'a',
      PROD: 'b',
      GITHUB_TOKEN: 'c',
      NPM_CONFIG__AUTH_TOKEN: 'd',
      AWS_SECRET_ACCESS_KEY: 'e',
      AWS_SESSION_TOKEN: 'f',
      PGPASSWORD: 'g',
      OPENAI_API_KEY: 'h',
      client_secret: 'i',
      GOOGLE_APPLICATION_CREDENTIALS: 'j',
    };
    expect(tokenVariables(env, ['PROD']).sort()).toEqual(Object.keys(env).sort());
    expect(tokenVariables(env)).not.toContain('PROD');
  });

  it('leaves what a browser needs: display, session, locale, paths, the portal address', () => {
    const env = {
      PATH: '/usr/bin',
      HOME: '/home/me',
      DISPLAY: ':0',
      WAYLAND_DISPLAY: 'wayland-0',
      XAUTHORITY: '/run/user/1000/xauth',
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus',
      XDG_RUNTIME_DIR: '/run/user/1000',
      LANG: 'en_US.UTF-8',
      BROWSER: 'firefox',
      AKLM_PORTAL_URL: 'https://portal.example',
      AKLM_DATA_DIR: '/srv/aklm',
      KEYBOARD_LAYOUT: 'us',
      TOKENIZER_THREADS: '4',
    };
    expect(tokenVariables(env)).toEqual([]);
    expect(withoutTokenVariables(env)).toEqual(env);
  });

  it('copies the environment without them, leaving the original as it was', () => {
    const env = { PATH: '/usr/bin', AKLM_TOKEN: 'secret', PROD: 'other-secret' };
    expect(withoutTokenVariables(env, ['PROD'])).toEqual({ PATH: '/usr/bin' });
    expect(env).toEqual({ PATH: '/usr/bin', AKLM_TOKEN: 'secret', PROD: 'other-secret' });
  });
});
