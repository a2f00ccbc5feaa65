import type { Api } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by the preload (or the test bridge); read nowhere but here. */
    readonly api?: Api;
  }
}

/** Answers every request with a clear error when the page is opened outside the app. */
const missingApi: Api = {
  invoke: async () => ({
    ok: false,
    error: { code: 'internal_error', message: 'This page only works inside authentik License Manager.' },
  }),
  on: () => () => undefined,
};

/** The one reader of `window.api`; main.tsx hands it to the query client, through which queries and mutations reach main. */
export const client: Api = window.api ?? missingApi;
