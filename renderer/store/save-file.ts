/** Hands a file to the browser's download (Electron asks where to save it); the object URL is revoked after. */
export function saveTextFile({
  fileName,
  mimeType,
  content,
}: {
  fileName: string;
  mimeType: string;
  content: string;
}): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download reads the blob after click() returns; revoke once it has had time to start.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
