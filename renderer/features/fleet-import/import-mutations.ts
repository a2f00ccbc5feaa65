import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ImportPreview, ImportResult } from '../../../shared/instances/fleet-import';
import { IMPORT_TEXT_MAX } from '../../../shared/instances/fleet-import';
import type { IpcFailureError } from '../../ipc/answer';
import { askMain, mainChannelOf } from '../../queries/query-client';

/** The file as the person chose it: its name and text (main reads and checks it; the page only shows the answer). */
export interface ImportFileText {
  fileName: string;
  text: string;
}

/** Reads a chosen file's text; a file too large to be an import file is refused before it is read. */
export async function importFileText(file: File): Promise<ImportFileText> {
  if (file.size > IMPORT_TEXT_MAX) throw new Error('The file is larger than 2 MiB; an import file is far smaller.');
  return { fileName: file.name, text: await file.text() };
}

/** Has main read and check the file; nothing is saved. */
export function useImportPreview() {
  return useMutation<ImportPreview, IpcFailureError, ImportFileText>({
    mutationFn: (file, { client }) => askMain(client, 'instances:import-preview', file),
  });
}

export interface ImportRequest extends ImportFileText {
  rows: number[];
  /** What the person typed, by row; sent once, in this request, and dropped with the dialog. */
  tokens: { row: number; token: string }[];
}

/** Tests and adds the chosen rows; main tells how far it is with `instances:import-progress`. */
export function useImportRun() {
  return useMutation<ImportResult[], IpcFailureError, ImportRequest>({
    mutationFn: async (request, { client }) => (await askMain(client, 'instances:import', request)).results,
  });
}

/** How many rows main has tested so far in this dialog's import, or null before it starts. */
export function useImportProgress(): { done: number; total: number } | null {
  const client = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => mainChannelOf(client).on('instances:import-progress', setProgress), [client]);
  return progress;
}
