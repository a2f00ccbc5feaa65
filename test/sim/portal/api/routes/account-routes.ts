import { caller, path, type Route } from '../route';
import { meView, planView } from '../views';

export interface SignInSettings {
  issuer: string;
  clientId: string;
}

/** `config` (no token), `me` and `plans`. */
export function accountRoutes(signIn: SignInSettings): Route[] {
  return [
    {
      method: 'GET',
      pattern: path('/api/v1/config'),
      public: true,
      handle: ({ state }) => ({
        status: 200,
        body: {
          api_version: '1',
          oidc_issuer: signIn.issuer,
          client_id: signIn.clientId,
          support_url: state.settings.supportUrl,
        },
      }),
    },
    {
      method: 'GET',
      pattern: path('/api/v1/me'),
      handle: (context) => ({ status: 200, body: meView(caller(context)) }),
    },
    {
      method: 'GET',
      pattern: path('/api/v1/plans'),
      handle: ({ state }) => ({
        status: 200,
        body: [...state.data.plans]
          .sort((a, b) => a.pricePerInternalUser - b.pricePerInternalUser || a.name.localeCompare(b.name))
          .map(planView),
      }),
    },
  ];
}
