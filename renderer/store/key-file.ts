/** Files people keep keys in; anything else dropped or chosen is refused with a reason. */
export const KEY_FILE_EXTENSIONS = ['.jwt', '.txt', '.lic'] as const;
const MAX_KEY_FILE_BYTES = 1024 * 1024;

/** A dropped or chosen key file's text (trimmed), or why it cannot be used, in words. */
export async function readKeyFile(file: File): Promise<{ key: string } | { problem: string }> {
  const extension = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
  if (!(KEY_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
    return {
      problem: `${file.name} is not a key file: drop a ${KEY_FILE_EXTENSIONS.join(', ')} file holding one license key.`,
    };
  }
  if (file.size > MAX_KEY_FILE_BYTES)
    return { problem: `${file.name} is ${Math.round(file.size / 1024)} KiB; a license key file is a few KiB at most.` };
  try {
    return { key: (await file.text()).trim() };
  } catch {
    return { problem: `${file.name} could not be read.` };
  }
}
