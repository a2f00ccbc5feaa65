import { useLicenseInstallScreen, type LicenseInstallTarget } from './license-install-screen';

interface InstallIntoButtonProps {
  target: LicenseInstallTarget;
  primary?: boolean;
  /** "Install" alone, for a narrow table cell; the accessible name still says what and where. */
  short?: boolean;
}

/** "Install into <instance>": the license's key goes through that instance's preflight, then one install. */
export function InstallIntoButton({ target, primary = false, short = false }: InstallIntoButtonProps) {
  const licenseInstallOpened = useLicenseInstallScreen((state) => state.licenseInstallOpened);
  return (
    <button type="button" className={primary ? 'primary' : 'small-button'} onClick={() => licenseInstallOpened(target)}>
      {short ? (
        <>
          Install
          <span className="sr-only">
            {' '}
            license “{target.licenseName}” into {target.instanceName}
          </span>
        </>
      ) : (
        <>
          Install into {target.instanceName}
          <span className="sr-only"> (license “{target.licenseName}”)</span>
        </>
      )}
    </button>
  );
}
