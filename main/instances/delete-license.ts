import { sendApi, type AuthentikApi } from './authentik-api';
import { InstanceError } from './instance-error';

/** Deletes an installed license with exactly one DELETE of `/enterprise/license/<uuid>/`; authentik answers 204. */
export async function deleteLicense(api: AuthentikApi, licenseUuid: string): Promise<void> {
  const { response, context } = await sendApi(
    api,
    { what: 'deleting the license', path: `/enterprise/license/${licenseUuid}/`, method: 'DELETE' },
    (init) => api.enterprise.enterpriseLicenseDestroyRaw({ licenseUuid }, init),
  );
  if (response.status !== 204) {
    throw new InstanceError(
      'unexpected_response',
      `${context.host} answered ${context.what} with HTTP ${response.status} instead of 204; check the instance's licenses before trying again.`,
    );
  }
}
