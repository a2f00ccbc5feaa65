import type { CertificateSummary } from '../format/pem-certificates';
import { describeCaPem, readCaFile } from './ca-file';

/** What a dialog knows about the CA in its form. */
export type CaView =
  | { status: 'none' }
  | { status: 'reading' }
  | { status: 'read'; certificates: CertificateSummary[] }
  | { status: 'problem'; problem: string };

export interface CaReader {
  /** Describes the PEM text now in the form; an answer for older text is dropped. */
  pemChanged(pem: string): Promise<void>;
  /** Reads a chosen file; its PEM (for the form) when it holds a certificate, else null (the problem is shown). */
  fileChosen(file: File): Promise<string | null>;
  /** The form went away: any answer still coming is dropped. */
  cancelled(): void;
}

/** Reads and describes the CA of an instance dialog, reporting each view through `show`. */
export function createCaReader(show: (ca: CaView) => void): CaReader {
  let reading = 0;
  const reader: CaReader = {
    async pemChanged(pem) {
      const current = ++reading;
      if (pem.trim() === '') {
        show({ status: 'none' });
        return;
      }
      show({ status: 'reading' });
      const described = await describeCaPem(pem);
      if (current !== reading) return;
      show(
        'problem' in described
          ? { status: 'problem', problem: described.problem }
          : { status: 'read', certificates: described.certificates },
      );
    },
    async fileChosen(file) {
      const current = ++reading;
      const read = await readCaFile(file);
      if (current !== reading) return null;
      if ('problem' in read) {
        show({ status: 'problem', problem: read.problem });
        return null;
      }
      return read.pem;
    },
    cancelled() {
      reading += 1;
    },
  };
  return reader;
}
