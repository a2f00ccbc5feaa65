import 'reflect-metadata';
import { createPrivateKey } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { licenseClaims, mintKey } from '../../../pki/mint-key';
import { createTestPki, type TestCertificate, type TestPki } from '../../../pki/test-pki';

/** The signing chain as the state file keeps it, so keys issued before a restart still verify. */
export interface SavedSigner {
  rootPem: string;
  intermediateX5c: string;
  intermediateKeyPem: string;
  signerX5c: string;
  signerKeyPem: string;
}

export interface LicenseTerms {
  installId: string;
  /** The key's `name` claim. */
  name: string;
  internalUsers: number;
  externalUsers: number;
  /** Epoch ms; the key's `exp` is this in whole seconds. */
  expiresAt: number;
}

function certificateFrom(x5c: string, privateKeyPem: string): TestCertificate {
  const certificate = new x509.X509Certificate(Buffer.from(x5c, 'base64'));
  return { certificate, privateKey: createPrivateKey(privateKeyPem), x5c, pem: certificate.toString('pem') };
}

/** Issues license keys the way the vendor does: ES512 over a P-384 signer, chained to the test root. */
export class LicenseSigner {
  private constructor(
    /** The root a verifier must trust (`aklm verify --root`). */
    readonly rootPem: string,
    private readonly intermediate: TestCertificate,
    private readonly signer: TestCertificate,
  ) {}

  static fromPki(pki: TestPki): LicenseSigner {
    return new LicenseSigner(pki.root.pem, pki.intermediate, pki.signerP384);
  }

  static async create(): Promise<LicenseSigner> {
    return LicenseSigner.fromPki(await createTestPki());
  }

  static fromSaved(saved: SavedSigner): LicenseSigner {
    const intermediate = certificateFrom(saved.intermediateX5c, saved.intermediateKeyPem);
    return new LicenseSigner(saved.rootPem, intermediate, certificateFrom(saved.signerX5c, saved.signerKeyPem));
  }

  sign(terms: LicenseTerms): string {
    const claims = licenseClaims(terms.installId, Math.floor(terms.expiresAt / 1000), {
      name: terms.name,
      internal_users: terms.internalUsers,
      external_users: terms.externalUsers,
      license_flags: [],
    });
    return mintKey({ signer: this.signer, intermediate: this.intermediate, claims });
  }

  save(): SavedSigner {
    return {
      rootPem: this.rootPem,
      intermediateX5c: this.intermediate.x5c,
      intermediateKeyPem: this.intermediate.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      signerX5c: this.signer.x5c,
      signerKeyPem: this.signer.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    };
  }
}
