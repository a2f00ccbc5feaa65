import type { CertificateView } from '../../../shared/license/verdict-view';
import { localDate } from '../../format/dates';

const ROLE_WORDS: Record<CertificateView['role'], string> = {
  signer: 'Signing certificate',
  intermediate: 'Intermediate',
  root: 'Trusted root',
};

function commonName(subject: string): string {
  return /(?:^|, )CN=([^,]+)/.exec(subject)?.[1] ?? subject;
}

/** Who signed the key, up to the root; dates are shown but, as in authentik, not checked. */
export function CertificateChain({ certificates }: { certificates: CertificateView[] }) {
  return (
    <section aria-labelledby="chain-heading">
      <h2 id="chain-heading">Certificate chain</h2>
      <p className="hint">Certificate dates are shown for information; authentik does not check them.</p>
      <ol className="chain">
        {certificates.map((certificate) => (
          <li key={`${certificate.role}-${certificate.sha256}`}>
            <strong>{ROLE_WORDS[certificate.role]}:</strong> {commonName(certificate.subject)}
            <div className="muted">{certificate.subject}</div>
            <div className="muted">
              Valid {localDate(certificate.validFrom)} to {localDate(certificate.validTo)} · SHA-256{' '}
              <span className="mono small">{certificate.sha256}</span>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
