import { readKeyFile } from '../../store/key-file';
import { KeyInput } from '../../ui/KeyInput';
import { keyMasked, useVerifyScreen } from './verify-screen';

/**
 * Paste a key, drop a key file or choose one; masked once verified until the user reveals it. A file
 * read is verified at once (`onKeyFileRead`), as a dropped key is meant to be.
 */
export function KeyField({ onKeyFileRead }: { onKeyFileRead: (key: string) => void }) {
  const key = useVerifyScreen((state) => state.key);
  const fileName = useVerifyScreen((state) => state.fileName);
  const masked = useVerifyScreen(keyMasked);
  const revealed = useVerifyScreen((state) => state.keyRevealed && state.verdict !== null);
  const keyEdited = useVerifyScreen((state) => state.keyEdited);
  const keyFileRead = useVerifyScreen((state) => state.keyFileRead);
  const keyFileRefused = useVerifyScreen((state) => state.keyFileRefused);
  const keyRevealToggled = useVerifyScreen((state) => state.keyRevealToggled);
  const keyCleared = useVerifyScreen((state) => state.keyCleared);

  async function fileChosen(file: File): Promise<void> {
    const read = await readKeyFile(file);
    if ('problem' in read) {
      keyFileRefused(read.problem);
      return;
    }
    keyFileRead(read.key, file.name);
    onKeyFileRead(read.key);
  }

  return (
    <KeyInput
      id="license-key"
      testId="key-drop-zone"
      value={key}
      fileName={fileName}
      masked={masked}
      revealed={revealed}
      hint="The key is checked on this computer and never sent anywhere."
      onEdited={keyEdited}
      onFileChosen={(file) => void fileChosen(file)}
      onCleared={keyCleared}
      onRevealToggled={keyRevealToggled}
    />
  );
}
