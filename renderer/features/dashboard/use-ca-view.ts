import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CertificateSummary } from '../../format/pem-certificates';
import { caKeys } from '../../queries/ca-keys';
import { describeCaPem, readCaFile } from '../../store/ca-file';
import type { InstanceForm, InstanceFormProblems } from '../../store/instance-form';

/** What a dialog knows about the CA in its form. */
export type CaView =
  | { status: 'none' }
  | { status: 'reading' }
  | { status: 'read'; certificates: CertificateSummary[] }
  | { status: 'problem'; problem: string };

const NONE: CaView = { status: 'none' };
const READING: CaView = { status: 'reading' };

function viewOf(described: Awaited<ReturnType<typeof describeCaPem>>): CaView {
  return 'problem' in described
    ? { status: 'problem', problem: described.problem }
    : { status: 'read', certificates: described.certificates };
}

/** What a PEM text holds, as the CA field shows it; read once per text (the same text always says the same). */
const caDescriptionQuery = (pem: string) =>
  queryOptions({
    queryKey: caKeys.described(pem),
    queryFn: () => describeCaPem(pem),
    enabled: pem.trim() !== '',
    staleTime: Infinity,
    retry: false,
    // Gone once the field holds other text: text typed along the way is not kept.
    gcTime: 0,
    select: viewOf,
  });

/** The CA text of a form described: nothing for empty text, "reading" until the answer for this very text is in. */
export function useCaView(pem: string): CaView {
  const described = useQuery(caDescriptionQuery(pem));
  if (pem.trim() === '') return NONE;
  return described.data ?? READING;
}

/**
 * The CA field of a form: its text described, and files chosen for it read. A chosen file's PEM is handed to
 * `onPem` only while the form is shown and its text was not edited since (then the answer is the form's no
 * more); a file that holds no certificate shows its problem in the CA view until the text is edited.
 */
export function useCaField(pem: string) {
  const described = useCaView(pem);
  const { data: fileRead, mutate, reset } = useMutation({ mutationFn: readCaFile });
  const ca = useMemo<CaView>(
    () =>
      fileRead !== undefined && 'problem' in fileRead ? { status: 'problem', problem: fileRead.problem } : described,
    [fileRead, described],
  );
  return {
    ca,
    // A call's own callbacks run only while this form is shown, for the last file chosen, and not after a reset.
    fileChosen: (file: File, onPem: (pem: string) => void): void =>
      mutate(file, {
        onSuccess(read) {
          if ('pem' in read) onPem(read.pem);
        },
      }),
    /** The person edited the text: a file's problem no longer shows, and a file still being read is dropped. */
    pemEdited: reset,
  };
}

/** The problems with the CA's own reading added: text that looks like PEM but holds no readable certificate. */
export function withCaProblem(problems: InstanceFormProblems, form: InstanceForm, ca: CaView): InstanceFormProblems {
  return problems.caPem === undefined && ca.status === 'problem' && form.caPem.trim() !== ''
    ? { ...problems, caPem: ca.problem }
    : problems;
}
