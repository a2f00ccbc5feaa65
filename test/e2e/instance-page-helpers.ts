import type { Page } from '@playwright/test';

/** The instance page's Licenses table. */
export const licenses = (app: Page) => app.getByRole('table', { name: 'Licenses' });

/** The row of the license named `name` in the instance page's Licenses table. */
export const licenseRow = (app: Page, name: string) =>
  licenses(app)
    .getByRole('row')
    .filter({ has: app.getByRole('rowheader', { name, exact: true }) });
