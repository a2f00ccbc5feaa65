// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, renderHook, screen, waitFor } from '@testing-library/react';
import { createElement as h, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AddInstanceDialog } from '../../../renderer/features/dashboard/AddInstanceDialog';
import { useDashboardScreen } from '../../../renderer/features/dashboard/dashboard-screen';
import { useCaField, useCaView, type CaView } from '../../../renderer/features/dashboard/use-ca-view';
import type { CertificateSummary } from '../../../renderer/format/pem-certificates';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { describeCaPem, readCaFile } from '../../../renderer/store/ca-file';
import { instanceScreen, listAnswer } from './instance-screen-fixtures';
import { deferred, scriptedMain } from './portal-licenses-fixtures';
import { eventfulMain } from './query-screen';

// What a text or a file holds is ca-file.test.ts's business: here each answer comes when the test says.
vi.mock(import('../../../renderer/store/ca-file'), async (original) => ({
  ...(await original()),
  describeCaPem: vi.fn(),
  readCaFile: vi.fn(),
}));

type Answer<T> = ReturnType<typeof deferred<T>>;
const describing = new Map<string, Answer<Awaited<ReturnType<typeof describeCaPem>>>>();
const reading = new Map<string, Answer<Awaited<ReturnType<typeof readCaFile>>>>();

beforeEach(() => {
  describing.clear();
  reading.clear();
  vi.mocked(describeCaPem).mockImplementation((pem) => {
    const answer = deferred<Awaited<ReturnType<typeof describeCaPem>>>();
    describing.set(pem, answer);
    return answer.promise;
  });
  vi.mocked(readCaFile).mockImplementation((file) => {
    const answer = deferred<Awaited<ReturnType<typeof readCaFile>>>();
    reading.set(file.name, answer);
    return answer.promise;
  });
});

const ROOT_PEM = '-----BEGIN CERTIFICATE-----\nroot\n-----END CERTIFICATE-----';
const ISSUING_PEM = '-----BEGIN CERTIFICATE-----\nissuing\n-----END CERTIFICATE-----';
const certificate = (subject: string): CertificateSummary => ({ subject, notAfter: null, sha256: null });
const ROOT = certificate('CN=Example Root CA');
const ISSUING = certificate('CN=Example Issuing CA');
const NOT_A_CERTIFICATE = { problem: 'ca.pem holds no certificate.' };

/** Settles what `describeCaPem` or `readCaFile` was asked for `key` (a text, a file name), once asked, as React sees it. */
async function answer<T>(answers: Map<string, Answer<T>>, key: string, value: T): Promise<void> {
  await waitFor(() => expect(answers.has(key), `nothing is being read for ${key}`).toBe(true));
  await act(async () => {
    answers.get(key)?.resolve(value);
    // TanStack Query tells its observers on a timer of its own: let it run.
    await new Promise((settle) => setTimeout(settle, 10));
  });
}

/** A hook of a form, drawn with a fresh query client. */
function formHook<Props, Result>(hook: (props: Props) => Result, initialProps: Props) {
  const queryClient = createAppQueryClient(scriptedMain({}).client);
  const wrapper = ({ children }: { children: ReactNode }) => h(QueryClientProvider, { client: queryClient }, children);
  return renderHook(hook, { wrapper, initialProps });
}

describe('the CA view of an instance dialog', () => {
  it('shows nothing for an empty field, "reading", then what the text holds', async () => {
    const { result, rerender } = formHook(({ pem }) => useCaView(pem), { pem: '  \n' });
    expect(result.current).toEqual({ status: 'none' });
    expect(describeCaPem).not.toHaveBeenCalled();
    rerender({ pem: ROOT_PEM });
    expect(result.current).toEqual({ status: 'reading' });
    await answer(describing, ROOT_PEM, { certificates: [ROOT] });
    expect(result.current).toEqual({ status: 'read', certificates: [ROOT] });
    rerender({ pem: 'MIIB…' });
    await answer(describing, 'MIIB…', { problem: 'The CA is not a PEM certificate.' });
    expect(result.current).toEqual({ status: 'problem', problem: 'The CA is not a PEM certificate.' });
  });

  it('never shows the answer for text replaced while it was read: the field shows the newest text', async () => {
    const shown: CaView[] = [];
    const { result, rerender } = formHook(
      ({ pem }) => {
        const ca = useCaView(pem);
        shown.push(ca);
        return ca;
      },
      { pem: ROOT_PEM },
    );
    rerender({ pem: ISSUING_PEM });
    // The older text's answer comes last but one: it is not the one shown.
    await answer(describing, ROOT_PEM, { certificates: [ROOT] });
    expect(result.current).toEqual({ status: 'reading' });
    await answer(describing, ISSUING_PEM, { certificates: [ISSUING] });
    expect(result.current).toEqual({ status: 'read', certificates: [ISSUING] });
    expect(shown.filter((ca) => ca.status === 'read')).not.toContainEqual({ status: 'read', certificates: [ROOT] });
  });
});

describe('a CA file chosen in an instance dialog', () => {
  it('shows its problem, and hands a good one’s PEM to the form', async () => {
    const onPem = vi.fn<(pem: string) => void>();
    const { result } = formHook(({ pem }) => useCaField(pem), { pem: '' });
    act(() => result.current.fileChosen(new File(['nope'], 'ca.pem'), onPem));
    // Nothing shows while a file is read.
    expect(result.current.ca).toEqual({ status: 'none' });
    await answer(reading, 'ca.pem', NOT_A_CERTIFICATE);
    expect(result.current.ca).toEqual({ status: 'problem', problem: 'ca.pem holds no certificate.' });
    act(() => result.current.fileChosen(new File([ROOT_PEM], 'root.pem'), onPem));
    await answer(reading, 'root.pem', { pem: ROOT_PEM });
    expect(onPem).toHaveBeenCalledExactlyOnceWith(ROOT_PEM);
  });

  it('is dropped once the text is edited: its problem no longer shows, and one still being read is not written', async () => {
    const onPem = vi.fn<(pem: string) => void>();
    const { result } = formHook(({ pem }) => useCaField(pem), { pem: '' });
    act(() => result.current.fileChosen(new File(['nope'], 'ca.pem'), onPem));
    await answer(reading, 'ca.pem', NOT_A_CERTIFICATE);
    act(() => result.current.pemEdited());
    await waitFor(() => expect(result.current.ca).toEqual({ status: 'none' }));
    act(() => {
      result.current.fileChosen(new File([ROOT_PEM], 'root.pem'), onPem);
      result.current.pemEdited();
    });
    await answer(reading, 'root.pem', { pem: ROOT_PEM });
    expect(onPem).not.toHaveBeenCalled();
  });

  it('hands only the last file chosen to the form', async () => {
    const onPem = vi.fn<(pem: string) => void>();
    const { result } = formHook(({ pem }) => useCaField(pem), { pem: '' });
    act(() => result.current.fileChosen(new File([ROOT_PEM], 'root.pem'), onPem));
    act(() => result.current.fileChosen(new File([ISSUING_PEM], 'issuing.pem'), onPem));
    await answer(reading, 'issuing.pem', { pem: ISSUING_PEM });
    await answer(reading, 'root.pem', { pem: ROOT_PEM });
    expect(onPem).toHaveBeenCalledExactlyOnceWith(ISSUING_PEM);
  });

  it('is not written to a form closed while it was read', async () => {
    const onPem = vi.fn<(pem: string) => void>();
    const { result, unmount } = formHook(({ pem }) => useCaField(pem), { pem: '' });
    act(() => result.current.fileChosen(new File([ROOT_PEM], 'root.pem'), onPem));
    unmount();
    await answer(reading, 'root.pem', { pem: ROOT_PEM });
    expect(onPem).not.toHaveBeenCalled();
  });

  it('goes into the Add dialog with its name; a dialog closed and opened again meanwhile starts empty', async () => {
    instanceScreen(h(AddInstanceDialog), eventfulMain({ 'instances:list': listAnswer() }));
    const choose = (name: string) =>
      fireEvent.change(screen.getByLabelText('CA certificate file'), { target: { files: [new File([''], name)] } });
    act(() => useDashboardScreen.getState().addDialogOpened());
    choose('root.pem');
    await answer(reading, 'root.pem', { pem: ROOT_PEM });
    expect(screen.getByText('Loaded from root.pem')).toBeTruthy();
    expect((screen.getByLabelText('CA certificate in PEM form') as HTMLTextAreaElement).value).toBe(ROOT_PEM);
    await answer(describing, ROOT_PEM, { certificates: [ROOT] });
    expect(screen.getByText('CN=Example Root CA')).toBeTruthy();

    choose('issuing.pem');
    act(() => useDashboardScreen.getState().addDialogClosed());
    act(() => useDashboardScreen.getState().addDialogOpened());
    await answer(reading, 'issuing.pem', { pem: ISSUING_PEM });
    expect(useDashboardScreen.getState().add).toMatchObject({ form: { caPem: '' }, caFileName: null });
    expect(screen.queryByText(/Loaded from/)).toBeNull();
  });
});
